package com.rectify.recommendation.supersession;

import com.rectify.common.TextSanitizer;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.AsApplication;
import com.rectify.common.ApiException;
import com.rectify.recommendation.ChangeLog;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Audit closes a recommendation overtaken by events: superseded by a later one, or withdrawn. */
@Service
public class Supersession {

  public enum Kind { SUPERSEDED, WITHDRAWN }

  private final RecommendationRepository recommendations;
  private final RuntimeService runtimeService;
  private final AsApplication asApplication;

  private final ChangeLog changeLog;

  public Supersession(RecommendationRepository recommendations, RuntimeService runtimeService, ChangeLog changeLog,
      AsApplication asApplication) {
    this.asApplication = asApplication;
    this.recommendations = recommendations;
    this.runtimeService = runtimeService;
    this.changeLog = changeLog;
  }

  @Transactional
  public void supersede(Long id, Kind kind, String reason, String actor) {
    Recommendation recommendation = recommendations.findById(id).orElseThrow(() -> ApiException.notFound("recommendation"));
    if (recommendation.getStatus().isClosed()) {
      throw ApiException.of(HttpStatus.CONFLICT, "id", "Recommendation " + recommendation.getBusinessKey()
          + " is already closed (" + recommendation.getStatus() + ").");
    }
    String text = TextSanitizer.plain(reason);
    if (text == null || text.isBlank()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "reason", "A reason is required.");
    }
    recommendation.setClosureReason((kind == Kind.WITHDRAWN ? "Withdrawn: " : "Superseded: ") + text);
    changeLog.sync(recommendation, actor, "api");
    asApplication.run(() -> runtimeService.createMessageCorrelation(LifecycleVariables.MESSAGE_SUPERSEDED)
        .processInstanceBusinessKey(recommendation.getBusinessKey())
        .setVariable(LifecycleVariables.SUPERSEDED_BY, actor)
        .correlate());
  }
}
