package com.rectify.recommendation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

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
    Long daysOverdue) {

  public static RecommendationSummary of(Recommendation r, LocalDate today) {
    boolean overdue = r.isOverdueOn(today);
    return new RecommendationSummary(r.getId(), r.getBusinessKey(), r.getAudit().getReference(), r.getReference(),
        r.getText(), r.getGrade(), r.getLeadOfficer(), r.leadOfficerLoginList(), r.getService(), r.getStatus(), r.getOriginalTargetDate(),
        r.getCurrentTargetDate(), overdue, overdue ? ChronoUnit.DAYS.between(r.getCurrentTargetDate(), today) : null);
  }
}
