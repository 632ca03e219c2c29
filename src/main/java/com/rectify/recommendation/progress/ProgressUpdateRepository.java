package com.rectify.recommendation.progress;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProgressUpdateRepository extends JpaRepository<ProgressUpdate, Long> {

  List<ProgressUpdate> findByRecommendationIdOrderByPostedAtAscIdAsc(Long recommendationId);

  /** The latest update: the last posted, and of two posted in the same instant the one written last. */
  default Optional<ProgressUpdate> findLatest(Long recommendationId) {
    return findNewestFirst(recommendationId, Limit.of(1)).stream().findFirst();
  }

  // JPQL, not derived from the name: Hibernate caches a JPQL query's plan but builds a derived one's on every call.
  @Query("select u from ProgressUpdate u where u.recommendationId = :recommendationId order by u.postedAt desc, u.id desc")
  List<ProgressUpdate> findNewestFirst(@Param("recommendationId") Long recommendationId, Limit limit);

  /** Whether the officer posted anything since a moment (a reporting cycle's opening). */
  @Query("select case when count(u) > 0 then true else false end from ProgressUpdate u"
      + " where u.recommendationId = :recommendationId and u.postedAt >= :since")
  boolean existsByRecommendationIdAndPostedAtGreaterThanEqual(@Param("recommendationId") Long recommendationId,
      @Param("since") java.time.Instant since);
}
