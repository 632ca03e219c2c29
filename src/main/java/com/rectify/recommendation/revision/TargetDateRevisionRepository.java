package com.rectify.recommendation.revision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TargetDateRevisionRepository extends JpaRepository<TargetDateRevision, Long> {

  // JPQL, not derived from the name: Hibernate caches a JPQL query's plan but builds a derived one's on every call.
  @Query("select t from TargetDateRevision t where t.recommendationId = :recommendationId order by t.revisionNumber")
  List<TargetDateRevision> findByRecommendationIdOrderByRevisionNumberAsc(@Param("recommendationId") Long recommendationId);

  Optional<TargetDateRevision> findFirstByRecommendationIdAndDecision(Long recommendationId, RevisionDecision decision);

  int countByRecommendationId(Long recommendationId);

  /** The recommendations whose revised dates this person decided. */
  @Query("select distinct t.recommendationId from TargetDateRevision t where t.decidedBy = :user")
  List<Long> findRecommendationIdsDecidedBy(@Param("user") String user);
}
