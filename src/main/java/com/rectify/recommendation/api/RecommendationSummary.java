package com.rectify.recommendation.api;

import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import java.time.LocalDate;

/** A row of the register. */
public record RecommendationSummary(
    Long id,
    String businessKey,
    String audit,
    String reference,
    String recommendation,
    Grade grade,
    String leadOfficer,
    /** The logins the lead officer was bound to when the recommendation was raised: who gets its tasks. */
    java.util.List<String> leadOfficerIds,
    String service,
    RecommendationStatus status,
    LocalDate originalTargetDate,
    LocalDate currentTargetDate,
    boolean overdue,
    /** Counted as {@link OverdueRule} counts (the council's basis); null unless overdue. */
    Long daysOverdue,
    /** The register's band code ({@code not-due}, {@code under-3m}, {@code 3-12m}, {@code over-12m}); null once closed. */
    String overdueBand) {

  public static RecommendationSummary of(Recommendation r, OverdueRule overdueRule, LocalDate today) {
    OverdueRule.Standing standing = overdueRule.standing(r, today);
    return new RecommendationSummary(r.getId(), r.getBusinessKey(), r.getAudit().getReference(), r.getReference(),
        r.getText(), r.getGrade(), r.getLeadOfficer(), r.leadOfficerLoginList(), r.getService(), r.getStatus(), r.getOriginalTargetDate(),
        r.getCurrentTargetDate(), standing.overdue(), standing.days(), standing.band() == null ? null : standing.band().code());
  }
}
