package com.rectify.cycle;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportingCycleRepository extends JpaRepository<ReportingCycle, Long> {

  /** The cycle in progress on a day: the latest opened whose as-at date has come. */
  Optional<ReportingCycle> findFirstByAsAtLessThanEqualOrderByAsAtDesc(LocalDate day);

  boolean existsByName(String name);

  java.util.List<ReportingCycle> findAllByOrderByIdDesc();
}
