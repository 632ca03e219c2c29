package com.rectify.recommendation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TargetDateRevisionRepository extends JpaRepository<TargetDateRevision, Long> {

  List<TargetDateRevision> findByRecommendationIdOrderByRevisionNumberAsc(Long recommendationId);

  Optional<TargetDateRevision> findFirstByRecommendationIdAndDecision(Long recommendationId, RevisionDecision decision);

  int countByRecommendationId(Long recommendationId);
}
