package com.rectify.recommendation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface RecommendationRepository
    extends JpaRepository<Recommendation, Long>, JpaSpecificationExecutor<Recommendation> {

  Optional<Recommendation> findByBusinessKey(String businessKey);

  List<Recommendation> findByAuditIdOrderByIdAsc(Long auditId);

  /** The next open recommendations after a cursor, in id order: a reporting cycle asks them in chunks. */
  @org.springframework.data.jpa.repository.Query("select r from Recommendation r where r.id > :after and r.status not in :closed order by r.id")
  List<Recommendation> findOpenAfter(@org.springframework.data.repository.query.Param("after") Long after,
      @org.springframework.data.repository.query.Param("closed") java.util.Collection<RecommendationStatus> closed,
      org.springframework.data.domain.Pageable page);
}
