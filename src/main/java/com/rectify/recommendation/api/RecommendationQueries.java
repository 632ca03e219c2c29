package com.rectify.recommendation.api;

import com.rectify.common.Today;
import com.rectify.cycle.MissedUpdate;
import com.rectify.cycle.MissedUpdateRepository;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycleRepository;
import com.rectify.evidence.EvidenceRepository;
import com.rectify.evidence.ReviewDecisionRepository;
import com.rectify.evidence.EvidenceView;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.StatusChangeRepository;
import com.rectify.recommendation.access.Visibility;
import com.rectify.recommendation.api.RecommendationDetail.OpenTaskView;
import com.rectify.recommendation.api.RecommendationDetail.ProgressUpdateView;
import com.rectify.recommendation.api.RecommendationDetail.ReviewView;
import com.rectify.recommendation.api.RecommendationDetail.RevisionView;
import com.rectify.recommendation.api.RecommendationDetail.RiskView;
import com.rectify.recommendation.api.RecommendationDetail.StatusChangeView;
import com.rectify.common.ApiException;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import com.rectify.recommendation.risk.RiskAcceptanceRepository;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the register: filtered lists and one recommendation's whole story. */
@Service
@Transactional(readOnly = true)
public class RecommendationQueries {

  private final RecommendationRepository recommendations;
  private final ProgressUpdateRepository updates;
  private final TargetDateRevisionRepository revisions;
  private final EvidenceRepository evidence;
  private final ReviewDecisionRepository reviews;
  private final RiskAcceptanceRepository risks;
  private final StatusChangeRepository statusChanges;
  private final TaskService taskService;
  private final MissedUpdateRepository missedUpdates;
  private final ReportingCycleRepository cycles;
  private final Today today;
  private final OverdueRule overdueRule;

  public RecommendationQueries(RecommendationRepository recommendations, ProgressUpdateRepository updates,
      TargetDateRevisionRepository revisions, EvidenceRepository evidence, ReviewDecisionRepository reviews,
      RiskAcceptanceRepository risks, StatusChangeRepository statusChanges, TaskService taskService,
      MissedUpdateRepository missedUpdates, ReportingCycleRepository cycles, Today today, OverdueRule overdueRule) {
    this.overdueRule = overdueRule;
    this.recommendations = recommendations;
    this.updates = updates;
    this.revisions = revisions;
    this.evidence = evidence;
    this.reviews = reviews;
    this.risks = risks;
    this.statusChanges = statusChanges;
    this.taskService = taskService;
    this.missedUpdates = missedUpdates;
    this.cycles = cycles;
    this.today = today;
  }

  /** A page of the register: the filter's matches among the recommendations the reader may see. */
  public Page<RecommendationSummary> list(RecommendationFilter filter, Visibility visibility, int page, int size) {
    PageRequest request = PageRequest.of(page, size, Sort.by("id"));
    return recommendations.findAll(filter.toSpecification(today.date()).and(visibility.toSpecification()), request)
        .map(r -> RecommendationSummary.of(r, overdueRule, today.date()));
  }

  private RecommendationDetail.MissedUpdateView missedUpdateView(MissedUpdate missed) {
    ReportingCycle cycle = cycles.findById(missed.getReportingCycleId()).orElseThrow();
    return new RecommendationDetail.MissedUpdateView(cycle.getName(), cycle.getUpdateDeadline(), missed.getFlaggedAt());
  }

  public List<RecommendationSummary> ofAudit(Long auditId) {
    return recommendations.findByAuditIdOrderByIdAsc(auditId).stream().map(r -> RecommendationSummary.of(r, overdueRule, today.date())).toList();
  }

  public RecommendationDetail detail(Long id) {
    Recommendation r = recommendations.findById(id).orElseThrow(() -> ApiException.notFound("recommendation"));
    List<OpenTaskView> openTasks = taskService.createTaskQuery().processInstanceBusinessKey(r.getBusinessKey()).list().stream()
        .map(t -> new OpenTaskView(t.getId(), t.getName(), t.getAssignee(), t.getDueDate(),
            "/camunda/app/tasklist/default/#/?task=" + t.getId()))
        .toList();
    return new RecommendationDetail(
        RecommendationSummary.of(r, overdueRule, today.date()),
        r.getFinding(),
        r.getGradeAsWritten(),
        r.getAgreedAction(),
        r.getNotAgreedReason(),
        r.getClosureReason(),
        r.leadOfficerLoginList(),
        updates.findByRecommendationIdOrderByPostedAtAscIdAsc(id).stream().map(ProgressUpdateView::of).toList(),
        revisions.findByRecommendationIdOrderByRevisionNumberAsc(id).stream().map(RevisionView::of).toList(),
        evidence.findByRecommendationIdOrderByIdAsc(id).stream().map(EvidenceView::of).toList(),
        reviews.findByRecommendationIdOrderByIdAsc(id).stream().map(ReviewView::of).toList(),
        risks.findByRecommendationIdOrderByIdAsc(id).stream().map(RiskView::of).toList(),
        statusChanges.findByRecommendationIdOrderByIdAsc(id).stream().map(StatusChangeView::of).toList(),
        missedUpdates.findByRecommendationIdOrderByIdAsc(id).stream().map(this::missedUpdateView).toList(),
        openTasks);
  }
}
