package com.rectify.register;

import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The register's {@code overdue} filter: one of the bands of {@link OverdueRule}, or overdue at all. What each
 * band means, and what it is called, is the rule's.
 */
public enum OverdueBand {
  NOT_DUE(OverdueRule.Band.NOT_DUE),
  UNDER_3_MONTHS(OverdueRule.Band.UNDER_3_MONTHS),
  FROM_3_TO_12_MONTHS(OverdueRule.Band.FROM_3_TO_12_MONTHS),
  OVER_12_MONTHS(OverdueRule.Band.OVER_12_MONTHS),
  /** Overdue at all: the three overdue bands together. */
  ANY(null);

  private final OverdueRule.Band band;

  OverdueBand(OverdueRule.Band band) {
    this.band = band;
  }

  public String code() { return band == null ? "any" : band.code(); }
  public String label() { return band == null ? OverdueRule.OVERDUE_LABEL : band.label(); }

  public static Optional<OverdueBand> ofCode(String code) {
    return Arrays.stream(values()).filter(b -> b.code().equalsIgnoreCase(code.trim())).findFirst();
  }

  /** The open recommendations this choice finds as at the day. */
  public Predicate toPredicate(OverdueRule rule, Path<Recommendation> r, CriteriaBuilder cb, LocalDate today) {
    return band == null ? OverdueRule.overdue(r, cb, today) : rule.in(band, r, cb, today);
  }
}
