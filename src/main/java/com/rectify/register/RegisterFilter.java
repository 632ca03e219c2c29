package com.rectify.register;

import com.rectify.cycle.MissedUpdate;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.security.RecommendationVisibility.Scope;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;

/**
 * The register's filters, each optional. {@code missedCycleId} is the reporting cycle whose "no update
 * received" flags are asked for ({@code -1} when that filter is on and no cycle has been held yet).
 */
public record RegisterFilter(
    String search,
    Set<RecommendationStatus> statuses,
    Grade grade,
    OverdueBand overdue,
    String service,
    String leadOfficer,
    String audit,
    Long missedCycleId,
    LocalDate dueFrom,
    LocalDate dueTo,
    LocalDate closedFrom,
    LocalDate closedTo,
    Integer minRevisions,
    Integer maxRevisions) {

  public static final Set<RecommendationStatus> OPEN =
      Set.copyOf(Arrays.stream(RecommendationStatus.values()).filter(s -> !s.isClosed()).toList());

  public static RegisterFilter none() {
    return new RegisterFilter(null, Set.of(), null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public Specification<Recommendation> toSpecification(OverdueRule overdueRule, LocalDate today, Scope scope) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      where.add(scope.visibility().toSpecification().toPredicate(root, query, cb));
      if (search != null) {
        String pattern = "%" + search.toLowerCase(Locale.UK).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        where.add(cb.or(
            cb.like(cb.lower(root.get("businessKey")), pattern, '\\'),
            cb.like(cb.lower(root.get("text")), pattern, '\\'),
            cb.like(cb.lower(root.get("leadOfficer")), pattern, '\\'),
            cb.like(cb.lower(root.get("audit").get("title")), pattern, '\\'),
            cb.like(cb.lower(root.get("agreedAction")), pattern, '\\')));
      }
      if (!statuses.isEmpty()) {
        where.add(root.get("status").in(statuses));
      }
      if (grade != null) {
        where.add(cb.equal(root.get("grade"), grade));
      }
      if (service != null) {
        where.add(cb.equal(root.get("service"), service));
      }
      if (leadOfficer != null) {
        String pattern = "%" + leadOfficer.toLowerCase(Locale.UK).replace("%", "\\%").replace("_", "\\_") + "%";
        where.add(cb.or(cb.like(cb.lower(root.get("leadOfficer")), pattern, '\\'),
            cb.like(cb.lower(root.get("leadOfficerLogins")), pattern, '\\')));
      }
      if (audit != null) {
        where.add(cb.equal(root.get("audit").get("reference"), audit));
      }
      if (overdue != null) {
        where.add(overdue.toPredicate(overdueRule, root, cb, today));
      }
      if (missedCycleId != null) {
        Subquery<Long> missed = query.subquery(Long.class);
        Root<MissedUpdate> m = missed.from(MissedUpdate.class);
        missed.select(m.get("id")).where(cb.equal(m.get("recommendationId"), root.get("id")),
            cb.equal(m.get("reportingCycleId"), missedCycleId));
        where.add(cb.exists(missed));
      }
      Expression<LocalDate> due = OverdueRule.dateThatApplies(root, cb);
      if (dueFrom != null) {
        where.add(cb.greaterThanOrEqualTo(due, dueFrom));
      }
      if (dueTo != null) {
        where.add(cb.lessThanOrEqualTo(due, dueTo));
      }
      if (closedFrom != null) {
        where.add(cb.greaterThanOrEqualTo(root.get("closedOn"), closedFrom));
      }
      if (closedTo != null) {
        where.add(cb.lessThanOrEqualTo(root.get("closedOn"), closedTo));
      }
      if (minRevisions != null || maxRevisions != null) {
        Subquery<Long> count = query.subquery(Long.class);
        Root<TargetDateRevision> t = count.from(TargetDateRevision.class);
        count.select(cb.count(t)).where(cb.equal(t.get("recommendationId"), root.get("id")),
            cb.equal(t.get("decision"), RevisionDecision.APPROVED));
        if (minRevisions != null) {
          where.add(cb.greaterThanOrEqualTo(count, minRevisions.longValue()));
        }
        if (maxRevisions != null) {
          where.add(cb.lessThanOrEqualTo(count, maxRevisions.longValue()));
        }
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
