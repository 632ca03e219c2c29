package com.rectify.recommendation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecommendationRepository
    extends JpaRepository<Recommendation, Long>, JpaSpecificationExecutor<Recommendation> {

  // JPQL, not derived from the name: Hibernate caches a JPQL query's plan but builds a derived one's on every call.
  @Query("select r from Recommendation r where r.businessKey = :businessKey")
  Optional<Recommendation> findByBusinessKey(@Param("businessKey") String businessKey);

  /** A page of the register with each row's audit in the same query, not one query an audit. */
  @Override
  @org.springframework.data.jpa.repository.EntityGraph(attributePaths = "audit")
  org.springframework.data.domain.Page<Recommendation> findAll(
      org.springframework.data.jpa.domain.Specification<Recommendation> specification, org.springframework.data.domain.Pageable page);

  List<Recommendation> findByAuditIdOrderByIdAsc(Long auditId);

  /** The recommendations with these references, each with its audit in the same query. */
  @Query("select r from Recommendation r join fetch r.audit where r.businessKey in :keys")
  List<Recommendation> findWithAuditByBusinessKeyIn(@Param("keys") java.util.Collection<String> keys);

  @Query("select r.id from Recommendation r where r.businessKey in :keys")
  List<Long> findIdsByBusinessKeyIn(@Param("keys") java.util.Collection<String> keys);

  /** An open recommendation as a reporting cycle looks at it: its id, its lifecycle's business key and its status. */
  record OpenKey(Long id, String businessKey, RecommendationStatus status) {}

  /** The ids of the open recommendations, in order: a reporting cycle divides them into chunks. */
  @Query("select r.id from Recommendation r where r.status not in :closed order by r.id")
  List<Long> findOpenIds(@Param("closed") java.util.Collection<RecommendationStatus> closed);

  /**
   * The open recommendations with an id after {@code after} and up to {@code upTo}, in id order: one chunk of a
   * reporting cycle. Only ids, keys and statuses, so the chunk does not fill the persistence context that every
   * step's query then flushes.
   */
  @Query("select new com.rectify.recommendation.RecommendationRepository$OpenKey(r.id, r.businessKey, r.status)"
      + " from Recommendation r where r.id > :after and r.id <= :upTo and r.status not in :closed order by r.id")
  List<OpenKey> findOpenBetween(@Param("after") Long after,
      @Param("upTo") Long upTo,
      @Param("closed") java.util.Collection<RecommendationStatus> closed);
}
