package com.rectify.recommendation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.repository.Repository;

/** Append-only: no update, no delete. */
public interface ChangeRecordRepository extends Repository<ChangeRecord, Long> {

  ChangeRecord save(ChangeRecord record);

  List<ChangeRecord> findByRecommendationIdOrderByIdAsc(Long recommendationId);

  Stream<ChangeRecord> streamAllByOrderByIdAsc();

  Optional<ChangeRecord> findFirstByOrderByIdDesc();

  long count();
}
