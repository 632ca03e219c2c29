package com.rectify.cycle;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MissedUpdateRepository extends JpaRepository<MissedUpdate, Long> {

  // JPQL, not derived from the name: Hibernate caches a JPQL query's plan but builds a derived one's on every call.
  @Query("select case when count(m) > 0 then true else false end from MissedUpdate m"
      + " where m.recommendationId = :recommendationId and m.reportingCycleId = :reportingCycleId")
  boolean existsByRecommendationIdAndReportingCycleId(@Param("recommendationId") Long recommendationId,
      @Param("reportingCycleId") Long reportingCycleId);

  List<MissedUpdate> findByReportingCycleIdOrderByRecommendationIdAsc(Long reportingCycleId);

  @Query("select m from MissedUpdate m where m.recommendationId = :recommendationId order by m.id")
  List<MissedUpdate> findByRecommendationIdOrderByIdAsc(@Param("recommendationId") Long recommendationId);
}
