package com.rectify.cycle;

import com.rectify.common.AsApplication;
import com.rectify.common.Today;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens reporting cycles. Opening only stores the cycle and starts a {@code reporting-cycle} process, whose
 * asynchronous steps ask the recommendations in implementation for their update a chunk at a time; the
 * caller does not wait for 10,000 of them.
 */
@Component("reportingCycles")
public class ReportingCycles {

  private final ReportingCycleRepository cycles;
  private final RuntimeService runtimeService;
  private final AsApplication asApplication;
  private final Today today;

  public ReportingCycles(ReportingCycleRepository cycles, RuntimeService runtimeService, Today today,
      AsApplication asApplication) {
    this.asApplication = asApplication;
    this.cycles = cycles;
    this.runtimeService = runtimeService;
    this.today = today;
  }

  @Transactional
  public ReportingCycle open(String name, LocalDate asAt, LocalDate updateDeadline, String openedBy) {
    List<FieldProblem> problems = new ArrayList<>();
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty()) {
      problems.add(new FieldProblem("name", "A name is needed, e.g. \"January 2026\"."));
    } else if (trimmed.length() > 80) {
      problems.add(new FieldProblem("name", "The name may have at most 80 characters."));
    } else if (cycles.existsByName(trimmed)) {
      problems.add(new FieldProblem("name", "A reporting cycle called \"" + trimmed + "\" already exists."));
    }
    if (asAt == null) {
      problems.add(new FieldProblem("asAt", "The as-at date is needed."));
    }
    if (updateDeadline == null) {
      problems.add(new FieldProblem("updateDeadline", "The deadline for updates is needed."));
    } else if (updateDeadline.isBefore(today.date())) {
      problems.add(new FieldProblem("updateDeadline", "The deadline for updates cannot be in the past."));
    } else if (asAt != null && updateDeadline.isBefore(asAt)) {
      problems.add(new FieldProblem("updateDeadline", "The deadline for updates cannot be before the as-at date."));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    ReportingCycle cycle = cycles.save(new ReportingCycle(trimmed, asAt, updateDeadline, openedBy, today.now().toInstant()));
    asApplication.run(() -> runtimeService.startProcessInstanceByKey(LifecycleVariables.REPORTING_CYCLE_PROCESS,
        "cycle-" + cycle.getId(), Map.of(LifecycleVariables.REPORTING_CYCLE_ID, cycle.getId())));
    return cycle;
  }

  /**
   * What one chunk of the asking did, added to the cycle's counts in one statement: chunks asked at the same time,
   * on this node or another, each add theirs.
   */
  @Transactional
  public void recordAsked(Long cycleId, int asked, int notAsked) {
    requireOneRow(cycles.addAsked(cycleId, asked, notAsked), cycleId);
  }

  /**
   * Every chunk is asked. Written in one statement too: a copy of the cycle read earlier in the same transaction
   * (a task's deadline is read from it) would otherwise write its stale counts back.
   */
  @Transactional
  public void recordAllAsked(Long cycleId) {
    requireOneRow(cycles.allAsked(cycleId, today.now().toInstant()), cycleId);
  }

  private static void requireOneRow(int updated, Long cycleId) {
    if (updated != 1) {
      throw new IllegalStateException("Reporting cycle " + cycleId + " does not exist");
    }
  }

  public ReportingCycle byId(Long id) {
    return cycles.findById(id).orElseThrow(() -> new IllegalStateException("Reporting cycle " + id + " does not exist"));
  }

  /** The boundary timer of Task_ProvideProgressUpdate: the end of the deadline day, London time. */
  public Date deadlineOf(Long reportingCycleId) {
    return Today.endOfDay(byId(reportingCycleId).getUpdateDeadline());
  }
}
