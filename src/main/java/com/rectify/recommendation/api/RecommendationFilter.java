package com.rectify.recommendation.api;

import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** The register's filters, each optional. */
record RecommendationFilter(RecommendationStatus status, Grade grade, Boolean overdue, String leadOfficer, String audit) {

  public Specification<Recommendation> toSpecification(LocalDate today) {
    return (root, query, cb) -> {
      List<Predicate> where = new ArrayList<>();
      if (status != null) {
        where.add(cb.equal(root.get("status"), status));
      }
      if (grade != null) {
        where.add(cb.equal(root.get("grade"), grade));
      }
      if (leadOfficer != null && !leadOfficer.isBlank()) {
        String pattern = "%" + leadOfficer.toLowerCase(Locale.UK).replace("%", "\\%").replace("_", "\\_") + "%";
        where.add(cb.or(cb.like(cb.lower(root.get("leadOfficer")), pattern, '\\'),
            cb.like(cb.lower(root.get("leadOfficerLogins")), pattern, '\\')));
      }
      if (audit != null && !audit.isBlank()) {
        where.add(cb.equal(root.get("audit").get("reference"), audit));
      }
      if (overdue != null) {
        where.add(overdue ? OverdueRule.overdue(root, cb, today) : OverdueRule.notOverdue(root, cb, today));
      }
      return cb.and(where.toArray(Predicate[]::new));
    };
  }
}
