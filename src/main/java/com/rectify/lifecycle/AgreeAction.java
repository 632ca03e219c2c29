package com.rectify.lifecycle;

import com.rectify.common.LifecycleVariables.Agreement;
import com.rectify.common.TaskActor;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusHistory;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/** Task_AgreeAction: management agrees an action and a target date, or says why it will not act. */
@Component("agreeAction")
class AgreeAction implements TaskListener {

  private final RecommendationLookup lookup;
  private final StatusHistory history;
  private final TaskActor actors;

  public AgreeAction(RecommendationLookup lookup, StatusHistory history, TaskActor actors) {
    this.lookup = lookup;
    this.history = history;
    this.actors = actors;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = actors.required(task, "agree the management action");
    Recommendation recommendation = lookup.of(task);
    FormInput input = new FormInput(task);
    if (input.choice(AGREEMENT, Agreement.class) == Agreement.AGREED) {
      String action = input.requiredText(AGREED_ACTION, "The agreed management action");
      LocalDate targetDate = input.requiredDate(TARGET_DATE, "The target date");
      input.optionalText(NOT_AGREED_REASON);
      recommendation.agreeAction(action, targetDate);
      history.record(recommendation, RecommendationStatus.IN_IMPLEMENTATION, actor, TASK_AGREE_ACTION, null);
    } else {
      String reason = input.requiredText(NOT_AGREED_REASON, "The reason management does not agree");
      input.optionalText(AGREED_ACTION);
      task.removeVariable(TARGET_DATE);
      recommendation.recordNotAgreed(reason);
      history.record(recommendation, RecommendationStatus.AWAITING_RISK_ACCEPTANCE, actor, TASK_AGREE_ACTION, reason);
    }
  }
}
