package com.rectify.lifecycle;

import com.rectify.common.Today;
import com.rectify.cycle.MissedUpdate;
import com.rectify.cycle.MissedUpdateRepository;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycles;
import com.rectify.notification.Notifications;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_FlagNoUpdate (the cycle's deadline passed): unless the officer posted an update since the cycle
 * opened — here or through Implement action — the recommendation is flagged "no update received this
 * cycle" and the officer's service manager is told.
 */
@Component("flagNoUpdate")
class FlagNoUpdate implements JavaDelegate {

  private final RecommendationLookup lookup;
  private final ReportingCycles cycles;
  private final ProgressUpdateRepository updates;
  private final MissedUpdateRepository missed;
  private final Notifications notifications;
  private final Today today;

  public FlagNoUpdate(RecommendationLookup lookup, ReportingCycles cycles, ProgressUpdateRepository updates,
      MissedUpdateRepository missed, Notifications notifications, Today today) {
    this.lookup = lookup;
    this.cycles = cycles;
    this.updates = updates;
    this.missed = missed;
    this.notifications = notifications;
    this.today = today;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Recommendation rec = lookup.of(execution);
    ReportingCycle cycle = cycles.byId(((Number) execution.getVariable(REPORTING_CYCLE_ID)).longValue());
    if (updates.existsByRecommendationIdAndPostedAtGreaterThanEqual(rec.getId(), cycle.getOpenedAt())
        || missed.existsByRecommendationIdAndReportingCycleId(rec.getId(), cycle.getId())) {
      return;
    }
    missed.save(new MissedUpdate(rec.getId(), cycle.getId(), today.now().toInstant()));
    notifications.noUpdateReceived(rec, cycle);
  }
}
