package com.rectify.lifecycle;

import static com.rectify.common.LifecycleVariables.CYCLE_CHUNK_COUNT;
import static com.rectify.common.LifecycleVariables.CYCLE_CHUNK_STARTS;

import com.rectify.cycle.ReportingCycleProperties;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DivideIntoChunks (process {@code reporting-cycle}, asynchronous): divides the open recommendations, in id
 * order, into chunks of {@code rectify.reporting-cycles.chunk-size}, which Task_RequestCycleUpdates then asks at
 * the same time, a job each. Only where each chunk starts is kept (one id a chunk); the last chunk has no upper
 * end, so recommendations opened while the cycle is being asked are asked too.
 */
@Component("divideIntoChunks")
class DivideIntoChunks implements JavaDelegate {

  private final RecommendationRepository recommendations;
  private final int chunkSize;

  public DivideIntoChunks(RecommendationRepository recommendations, ReportingCycleProperties properties) {
    this.recommendations = recommendations;
    this.chunkSize = properties.chunkSize();
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Long> starts = starts(recommendations.findOpenIds(RecommendationStatus.closedOnes()), chunkSize);
    execution.setVariable(CYCLE_CHUNK_STARTS, starts.stream().map(String::valueOf).collect(Collectors.joining(",")));
    execution.setVariable(CYCLE_CHUNK_COUNT, starts.size());
  }

  /** Where each chunk starts: after 0, then after every {@code size}-th id. Always one chunk, even of nothing. */
  static List<Long> starts(List<Long> openIds, int size) {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    for (int last = size - 1; last < openIds.size() - 1; last += size) {
      starts.add(openIds.get(last));
    }
    return starts;
  }
}
