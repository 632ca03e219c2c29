package com.rectify.recommendation.access;

import com.rectify.recommendation.Recommendation;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which recommendations one user may read: every one, or those of some services, those they are a lead
 * officer of, and some named by id (those they are asked to decide on, or decided). Made by {@link RecommendationAccess}.
 */
public record Visibility(boolean everything, Set<String> services, String leadOfficer, Set<Long> recommendationIds) {

  public static Visibility ofEverything() {
    return new Visibility(true, Set.of(), null, Set.of());
  }

  public static Visibility ofNothing() {
    return new Visibility(false, Set.of(), null, Set.of());
  }

  public boolean includes(Recommendation recommendation) {
    return everything || services.contains(recommendation.getService())
        || (leadOfficer != null && recommendation.isLeadOfficer(leadOfficer))
        || recommendationIds.contains(recommendation.getId());
  }

  /** The same rule as a query condition, to AND with a list's own filters. */
  public Specification<Recommendation> toSpecification() {
    return (root, query, cb) -> {
      if (everything) {
        return cb.conjunction();
      }
      List<Predicate> any = new ArrayList<>();
      if (!services.isEmpty()) {
        any.add(root.get("service").in(services));
      }
      if (leadOfficer != null) {
        any.add(cb.like(cb.concat(cb.concat(",", root.get("leadOfficerLogins")), ","), "%," + leadOfficer + ",%"));
      }
      if (!recommendationIds.isEmpty()) {
        any.add(root.get("id").in(recommendationIds));
      }
      return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    };
  }
}
