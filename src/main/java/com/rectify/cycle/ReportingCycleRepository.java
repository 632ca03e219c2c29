package com.rectify.cycle;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReportingCycleRepository extends JpaRepository<ReportingCycle, Long> {

  /** The cycle in progress on a day: the latest opened whose as-at date has come. */
  Optional<ReportingCycle> findFirstByAsAtLessThanEqualOrderByAsAtDesc(LocalDate day);

  boolean existsByName(String name);

  java.util.List<ReportingCycle> findAllByOrderByIdDesc();

  /** Adds a chunk's counts to the cycle's in the database, so chunks asked at once do not overwrite each other's. */
  @org.springframework.data.jpa.repository.Modifying
  @org.springframework.data.jpa.repository.Query("update ReportingCycle c set c.askedCount = coalesce(c.askedCount, 0) + :asked,"
      + " c.notAskedCount = coalesce(c.notAskedCount, 0) + :notAsked where c.id = :id")
  int addAsked(@org.springframework.data.repository.query.Param("id") Long id,
      @org.springframework.data.repository.query.Param("asked") int asked,
      @org.springframework.data.repository.query.Param("notAsked") int notAsked);

  @org.springframework.data.jpa.repository.Modifying
  @org.springframework.data.jpa.repository.Query("update ReportingCycle c set c.allAskedAt = :at where c.id = :id")
  int allAsked(@org.springframework.data.repository.query.Param("id") Long id,
      @org.springframework.data.repository.query.Param("at") java.time.Instant at);
}
