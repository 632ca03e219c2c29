package com.rectify.importing;

import java.time.LocalDate;
import com.rectify.audit.Audit;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An audit a sheet names: one already in the register, or one the import creates. */
final class AuditPlan {
  final String reference;
  final String title;
  final String service;
  final Integer year;
  Audit entity;
  /** The day the audit's report was issued, where the sheet gives it: its recommendations are on the record from then. */
  LocalDate reportIssuedOn;
  final Map<String, Recommendation> byReference = new HashMap<>();
  final Map<String, Recommendation> byText = new HashMap<>();
  final Map<String, Integer> plannedKeys = new HashMap<>();
  int lastNumber;

  AuditPlan(String reference, String title, String service, Audit entity, RecommendationRepository recommendations) {
    this.reference = reference;
    this.title = title;
    this.service = entity != null ? entity.getService() : service;
    this.entity = entity;
    this.reportIssuedOn = entity == null ? null : entity.getReportIssuedOn();
    Integer y = entity != null && entity.getReportIssuedOn() != null ? Integer.valueOf(entity.getReportIssuedOn().getYear()) : null;
    this.year = y != null ? y : Optional.ofNullable(ImportPlanner.yearIn(title)).orElse(ImportPlanner.yearIn(reference));
    if (entity != null) {
      for (Recommendation r : recommendations.findByAuditIdOrderByIdAsc(entity.getId())) {
        byReference.put(r.getReference().toLowerCase(Locale.UK), r);
        byText.put(ImportPlanner.identityText(r.getText()), r);
        if (r.getReference().matches("\\d{1,6}")) {
          lastNumber = Math.max(lastNumber, Integer.parseInt(r.getReference()));
        }
      }
    }
  }
}
