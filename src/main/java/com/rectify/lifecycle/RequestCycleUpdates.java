package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.*;

import com.rectify.cycle.ReportingCycles;
import com.rectify.notification.UpdateRequestDigest;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RequestCycleUpdates (process {@code reporting-cycle}, one instance a chunk, each a job of its own, all at
 * once): asks the open recommendations of its chunk, as Task_DivideIntoChunks set them out. Those in
 * implementation are asked for their update in this cycle (message {@code ReportingCycleOpened}); the others
 * (not yet agreed, evidence under review, awaiting a risk decision) have nothing of theirs to report on and are
 * only counted. The cycle adds each chunk's counts to its own.
 */
@Component("requestCycleUpdates")
class RequestCycleUpdates implements JavaDelegate {

  /** Recommendations asked between two clearings of the persistence context. */
  static final int FLUSH_EVERY = 25;
  /** The cursor of a first-version cycle once this version has asked all the rest. */
  private static final long THE_REST_ASKED = Long.MAX_VALUE;

  private final RecommendationRepository recommendations;
  private final RuntimeService runtimeService;
  private final ReportingCycles cycles;
  private final EntityManager entityManager;
  private final UpdateRequestDigest digest;

  public RequestCycleUpdates(RecommendationRepository recommendations, RuntimeService runtimeService,
      ReportingCycles cycles, EntityManager entityManager, UpdateRequestDigest digest) {
    this.digest = digest;
    this.recommendations = recommendations;
    this.runtimeService = runtimeService;
    this.cycles = cycles;
    this.entityManager = entityManager;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long cycleId = ((Number) execution.getVariable(REPORTING_CYCLE_ID)).longValue();
    String chunkStarts = (String) execution.getVariable(CYCLE_CHUNK_STARTS);
    if (chunkStarts == null) {
      askTheRestForAnEarlierVersion(execution, cycleId);
      return;
    }
    String[] starts = chunkStarts.split(",");
    int chunk = ((Number) execution.getVariable(LOOP_COUNTER)).intValue();
    long after = Long.parseLong(starts[chunk]);
    long upTo = chunk + 1 < starts.length ? Long.parseLong(starts[chunk + 1]) : Long.MAX_VALUE;
    ask(cycleId, after, upTo);
  }

  /**
   * A cycle of the first version of the process (1.0.0), part-way through asking when this one was deployed, went
   * a chunk at a time after a cursor and loops, a job each time round, until told all are asked. It asks all the rest
   * at once; the next time round, once the tasks that made are committed for the mail to find, it sends the cycle's
   * update-request mail, as that version has no step of its own for it, and ends.
   */
  private void askTheRestForAnEarlierVersion(DelegateExecution execution, Long cycleId) {
    Object cursor = execution.getVariable(CYCLE_CURSOR_OF_VERSION_1);
    long after = cursor == null ? 0L : ((Number) cursor).longValue();
    if (after == THE_REST_ASKED) {
      cycles.recordAllAsked(cycleId);
      digest.send(cycleId);
      execution.setVariable(ALL_ASKED_OF_VERSION_1, true);
      return;
    }
    ask(cycleId, after, Long.MAX_VALUE);
    execution.setVariable(CYCLE_CURSOR_OF_VERSION_1, THE_REST_ASKED);
    execution.setVariable(ALL_ASKED_OF_VERSION_1, false);
  }

  private void ask(Long cycleId, long after, long upTo) {
    List<RecommendationRepository.OpenKey> open = recommendations.findOpenBetween(after, upTo, RecommendationStatus.closedOnes());
    int asked = 0;
    for (RecommendationRepository.OpenKey rec : open) {
      if (rec.status() == RecommendationStatus.IN_IMPLEMENTATION) {
        runtimeService.createMessageCorrelation(MESSAGE_REPORTING_CYCLE_OPENED)
            .processInstanceBusinessKey(rec.businessKey())
            // Kept on the update it asks for: two cycles open at once each keep their own.
            .setVariableToTriggeredScope(REPORTING_CYCLE_ID, cycleId)
            .correlateAll();
        if (++asked % FLUSH_EVERY == 0) {
          // Every query the lifecycle's steps make flushes the persistence context, checking each entity in it:
          // keeping it small keeps each recommendation's cost flat. Everything stays in the chunk's transaction.
          entityManager.flush();
          entityManager.clear();
        }
      }
    }
    cycles.recordAsked(cycleId, asked, open.size() - asked);
  }
}
