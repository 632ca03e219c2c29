package com.rectify.raising;

import com.rectify.audit.Audit;
import com.rectify.audit.AuditRepository;
import com.rectify.common.TextSanitizer;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.GradeScheme;
import com.rectify.recommendation.LeadOfficers;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.StatusHistory;
import com.rectify.common.AsApplication;
import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records an audit with its recommendations and starts their follow-up, all in one transaction. */
@Service
public class AuditService {

  private final AuditRepository audits;
  private final RecommendationRepository recommendations;
  private final GradeScheme grades;
  private final LeadOfficers leadOfficers;
  private final StatusHistory history;
  private final RuntimeService runtimeService;
  private final AsApplication asApplication;

  public AuditService(AuditRepository audits, RecommendationRepository recommendations, GradeScheme grades,
      LeadOfficers leadOfficers, StatusHistory history, RuntimeService runtimeService,
      AsApplication asApplication) {
    this.audits = audits;
    this.recommendations = recommendations;
    this.grades = grades;
    this.leadOfficers = leadOfficers;
    this.history = history;
    this.runtimeService = runtimeService;
    this.asApplication = asApplication;
  }

  @Transactional
  public Audit create(NewAudit request, String actor) {
    List<Grade> parsedGrades = validate(request);
    Audit audit = audits.save(new Audit(request.reference().trim(), TextSanitizer.plain(request.title()),
        request.service(), request.reportIssuedOn(), actor));
    for (int i = 0; i < request.recommendations().size(); i++) {
      NewAudit.NewRecommendation item = request.recommendations().get(i);
      String service = item.service() == null || item.service().isBlank() ? request.service() : item.service();
      String leadOfficer = TextSanitizer.plain(item.leadOfficer());
      Recommendation recommendation = new Recommendation(audit, item.reference().trim(),
          TextSanitizer.formatted(item.recommendation()), parsedGrades.get(i), leadOfficer, service);
      recommendation.setFinding(TextSanitizer.formatted(item.finding()));
      recommendation.setGradeAsWritten(item.grade().trim());
      recommendation.setLeadOfficerLogins(item.leadOfficerIds() == null || item.leadOfficerIds().isEmpty()
          ? leadOfficers.loginsOf(leadOfficer) : item.leadOfficerIds().stream().map(String::trim).distinct().toList());
      recommendations.save(recommendation);
      history.recordRaised(recommendation, actor, "api");
    }
    asApplication.run(() -> runtimeService.startProcessInstanceByKey(LifecycleVariables.AUDIT_FOLLOW_UP_PROCESS,
        audit.getReference(), java.util.Map.of(LifecycleVariables.AUDIT_ID, audit.getId())));
    return audit;
  }

  private List<Grade> validate(NewAudit request) {
    if (audits.existsByReference(request.reference().trim())) {
      throw ApiException.of(HttpStatus.CONFLICT, "reference", "An audit with reference '" + request.reference().trim() + "' already exists.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<Grade> parsed = new ArrayList<>();
    Set<String> references = new HashSet<>();
    for (int i = 0; i < request.recommendations().size(); i++) {
      NewAudit.NewRecommendation item = request.recommendations().get(i);
      String path = "recommendations[" + i + "]";
      Optional<Grade> grade = grades.parse(item.grade());
      if (grade.isEmpty()) {
        problems.add(new FieldProblem(path + ".grade", "Unknown grade '" + item.grade() + "'; use one of the configured grades or their aliases."));
      }
      parsed.add(grade.orElse(null));
      if (!references.add(item.reference().trim())) {
        problems.add(new FieldProblem(path + ".reference", "Reference '" + item.reference().trim() + "' appears twice in this audit."));
      }
      if (item.leadOfficerIds() != null) {
        for (int j = 0; j < item.leadOfficerIds().size(); j++) {
          if (!leadOfficers.exists(item.leadOfficerIds().get(j).trim())) {
            problems.add(new FieldProblem(path + ".leadOfficerIds[" + j + "]", "No user has the login '"
                + item.leadOfficerIds().get(j).trim() + "'; give the login of someone in Camunda Admin, or leave it out to match by name."));
          }
        }
      }
      if (TextSanitizer.plain(item.recommendation()).isBlank()) {
        problems.add(new FieldProblem(path + ".recommendation", "The recommendation has no text once markup is removed."));
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    return parsed;
  }
}
