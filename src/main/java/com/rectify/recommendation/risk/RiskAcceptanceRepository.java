package com.rectify.recommendation.risk;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RiskAcceptanceRepository extends JpaRepository<RiskAcceptance, Long> {

  List<RiskAcceptance> findByRecommendationIdOrderByIdAsc(Long recommendationId);

  List<RiskAcceptance> findByDecidedBy(String decidedBy);
}
