package com.rectify.lifecycle;

import com.rectify.cycle.ReportingCycleProperties;
import com.rectify.cycle.ReportingCycles;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import static com.rectify.common.LifecycleVariables.*;

/**
 * Task_RequestCycleUpdates (process {@code reporting-cycle}, asynchronous, looped): goes through the next chunk
 * of open recommendations, in id order after a cursor, so that no transaction holds more than a chunk. Those in
 * implementation are asked for their update in this cycle (message {@code ReportingCycleOpened}); the others
 * (not yet agreed, evidence under review, awaiting a risk decision) have nothing of theirs to report on and are
 * only counted. The cycle keeps both counts.
 */
@Component("requestCycleUpdates")
class RequestCycleUpdates implements JavaDelegate {

  private static final List<RecommendationStatus> CLOSED =
      Arrays.stream(RecommendationStatus.values()).filter(RecommendationStatus::isClosed).toList();

  private final RecommendationRepository recommendations;
  private final RuntimeService runtimeService;
  private final ReportingCycles cycles;
  private final int chunkSize;

  public RequestCycleUpdates(RecommendationRepository recommendations, RuntimeService runtimeService,
      ReportingCycles cycles, ReportingCycleProperties properties) {
    this.recommendations = recommendations;
    this.runtimeService = runtimeService;
    this.cycles = cycles;
    this.chunkSize = properties.chunkSize();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long cycleId = ((Number) execution.getVariable(REPORTING_CYCLE_ID)).longValue();
    Object cursorValue = execution.getVariable(CYCLE_CURSOR);
    long cursor = cursorValue == null ? 0L : ((Number) cursorValue).longValue();
    List<RecommendationRepository.OpenKey> chunk = recommendations.findOpenAfter(cursor, CLOSED, PageRequest.of(0, chunkSize));
    int asked = 0;
    for (RecommendationRepository.OpenKey rec : chunk) {
      if (rec.status() == RecommendationStatus.IN_IMPLEMENTATION) {
        runtimeService.createMessageCorrelation(MESSAGE_REPORTING_CYCLE_OPENED)
            .processInstanceBusinessKey(rec.businessKey())
            // Kept on the update it asks for: two cycles open at once each keep their own.
            .setVariableToTriggeredScope(REPORTING_CYCLE_ID, cycleId)
            .correlateAll();
        asked++;
      }
      cursor = rec.id();
    }
    boolean allAsked = chunk.size() < chunkSize;
    cycles.recordAsked(cycleId, asked, chunk.size() - asked, allAsked);
    execution.setVariable(CYCLE_CURSOR, cursor);
    execution.setVariable(ALL_ASKED, allAsked);
  }
}
