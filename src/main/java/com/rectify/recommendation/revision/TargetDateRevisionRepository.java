package com.rectify.recommendation.revision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TargetDateRevisionRepository extends JpaRepository<TargetDateRevision, Long> {

  List<TargetDateRevision> findByRecommendationIdOrderByRevisionNumberAsc(Long recommendationId);

  Optional<TargetDateRevision> findFirstByRecommendationIdAndDecision(Long recommendationId, RevisionDecision decision);

  int countByRecommendationId(Long recommendationId);

  /** The recommendations whose revised dates this person decided. */
  @Query("select distinct t.recommendationId from TargetDateRevision t where t.decidedBy = :user")
  List<Long> findRecommendationIdsDecidedBy(@Param("user") String user);
}
