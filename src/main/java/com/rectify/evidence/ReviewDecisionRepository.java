package com.rectify.evidence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewDecisionRepository extends JpaRepository<ReviewDecision, Long> {

  List<ReviewDecision> findByRecommendationIdOrderByIdAsc(Long recommendationId);

  Optional<ReviewDecision> findFirstByRecommendationIdOrderByIdDesc(Long recommendationId);
}
