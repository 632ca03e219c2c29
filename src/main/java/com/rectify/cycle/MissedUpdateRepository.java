package com.rectify.cycle;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MissedUpdateRepository extends JpaRepository<MissedUpdate, Long> {

  boolean existsByRecommendationIdAndReportingCycleId(Long recommendationId, Long reportingCycleId);

  List<MissedUpdate> findByReportingCycleIdOrderByRecommendationIdAsc(Long reportingCycleId);

  List<MissedUpdate> findByRecommendationIdOrderByIdAsc(Long recommendationId);
}
