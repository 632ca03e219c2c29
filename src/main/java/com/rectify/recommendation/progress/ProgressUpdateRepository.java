package com.rectify.recommendation.progress;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressUpdateRepository extends JpaRepository<ProgressUpdate, Long> {

  List<ProgressUpdate> findByRecommendationIdOrderByPostedAtAscIdAsc(Long recommendationId);

  Optional<ProgressUpdate> findFirstByRecommendationIdOrderByPostedAtDescIdDesc(Long recommendationId);

  /** Whether the officer posted anything since a moment (a reporting cycle's opening). */
  boolean existsByRecommendationIdAndPostedAtGreaterThanEqual(Long recommendationId, java.time.Instant since);
}
