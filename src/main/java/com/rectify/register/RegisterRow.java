package com.rectify.register;

import com.rectify.common.TextSanitizer;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

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
    Long daysOverdue,
    long approvedRevisions,
    LocalDate closedOn) {

  static RegisterRow of(Recommendation r, long approvedRevisions, LocalDate today) {
    LocalDate due = r.getCurrentTargetDate() != null ? r.getCurrentTargetDate() : r.getOriginalTargetDate();
    Long daysOverdue = !r.getStatus().isClosed() && due != null && due.isBefore(today) ? ChronoUnit.DAYS.between(due, today) : null;
    return new RegisterRow(r.getId(), r.getBusinessKey(), r.getAudit().getReference(), r.getAudit().getTitle(),
        TextSanitizer.plain(r.getText()), r.getGrade(), r.getService(), r.getLeadOfficer(), r.getStatus(),
        r.getOriginalTargetDate(), r.getCurrentTargetDate(), daysOverdue, approvedRevisions, r.getClosedOn());
  }
}
