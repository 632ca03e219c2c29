package com.rectify.audit;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRepository extends JpaRepository<Audit, Long> {

  Optional<Audit> findByReference(String reference);

  boolean existsByReference(String reference);

  Optional<Audit> findFirstByTitleIgnoreCase(String title);
}
