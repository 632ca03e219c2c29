package com.rectify.recommendation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgressUpdateRepository extends JpaRepository<ProgressUpdate, Long> {

  List<ProgressUpdate> findByRecommendationIdOrderByPostedAtAscIdAsc(Long recommendationId);

  Optional<ProgressUpdate> findFirstByRecommendationIdOrderByPostedAtDescIdDesc(Long recommendationId);
}
