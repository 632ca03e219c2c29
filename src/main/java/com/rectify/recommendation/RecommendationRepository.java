package com.rectify.recommendation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface RecommendationRepository
    extends JpaRepository<Recommendation, Long>, JpaSpecificationExecutor<Recommendation> {

  Optional<Recommendation> findByBusinessKey(String businessKey);

  List<Recommendation> findByAuditIdOrderByIdAsc(Long auditId);
}
