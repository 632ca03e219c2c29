package com.rectify.lifecycle;

import com.rectify.common.TaskActor;
import com.rectify.common.Today;
import com.rectify.cycle.ReportingCycles;
import com.rectify.recommendation.progress.ProgressUpdate;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.RecommendationLookup;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/** Task_ProvideProgressUpdate: the officer's update for a reporting cycle, filed under that cycle. */
@Component("provideProgressUpdate")
class ProvideProgressUpdate implements TaskListener {

  private final RecommendationLookup lookup;
  private final ProgressUpdateRepository updates;
  private final ReportingCycles cycles;
  private final TaskActor actors;
  private final Today today;

  public ProvideProgressUpdate(RecommendationLookup lookup, ProgressUpdateRepository updates, ReportingCycles cycles,
      TaskActor actors, Today today) {
    this.lookup = lookup;
    this.updates = updates;
    this.cycles = cycles;
    this.actors = actors;
    this.today = today;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = actors.required(task, "post a progress update");
    String text = new FormInput(task).requiredText(PROGRESS_UPDATE, "The progress update");
    Long cycleId = ((Number) task.getVariable(REPORTING_CYCLE_ID)).longValue();
    updates.save(new ProgressUpdate(lookup.of(task).getId(), text, actor, today.now().toInstant(), cycles.byId(cycleId)));
  }
}
