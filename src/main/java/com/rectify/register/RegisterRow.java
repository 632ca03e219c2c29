package com.rectify.register;

import com.rectify.common.TextSanitizer;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import java.time.LocalDate;

/** One line of the register as the page and its exports show it. */
public record RegisterRow(
    Long id,
    String businessKey,
    String audit,
    String auditTitle,
    String recommendation,
    Grade grade,
    String service,
    String leadOfficer,
    RecommendationStatus status,
    LocalDate originalTargetDate,
    LocalDate currentTargetDate,
    /** Counted as {@link OverdueRule} counts (the council's basis); null unless overdue. */
    Long daysOverdue,
    long approvedRevisions,
    LocalDate closedOn) {

  static RegisterRow of(Recommendation r, long approvedRevisions, OverdueRule overdueRule, LocalDate today) {
    Long daysOverdue = overdueRule.standing(r, today).days();
    return new RegisterRow(r.getId(), r.getBusinessKey(), r.getAudit().getReference(), r.getAudit().getTitle(),
        TextSanitizer.plain(r.getText()), r.getGrade(), r.getService(), r.getLeadOfficer(), r.getStatus(),
        r.getOriginalTargetDate(), r.getCurrentTargetDate(), daysOverdue, approvedRevisions, r.getClosedOn());
  }
}
