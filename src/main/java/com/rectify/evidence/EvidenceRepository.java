package com.rectify.evidence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

  // JPQL, not derived from the name: Hibernate caches a JPQL query's plan but builds a derived one's on every call.
  @Query("select e from Evidence e where e.recommendationId = :recommendationId order by e.id")
  List<Evidence> findByRecommendationIdOrderByIdAsc(@Param("recommendationId") Long recommendationId);

  List<Evidence> findByRecommendationIdAndStateOrderByIdAsc(Long recommendationId, EvidenceState state);

  boolean existsByRecommendationIdAndStateIn(Long recommendationId, Collection<EvidenceState> states);
}
