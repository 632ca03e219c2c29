package com.rectify.recommendation;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only: no update, no delete. */
public interface StatusChangeRepository extends Repository<StatusChange, Long> {

  StatusChange save(StatusChange change);

  List<StatusChange> findByRecommendationIdOrderByIdAsc(Long recommendationId);

  long count();
}
