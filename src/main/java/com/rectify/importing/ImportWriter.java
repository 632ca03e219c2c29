package com.rectify.importing;

import com.rectify.audit.Audit;
import com.rectify.audit.AuditRepository;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.cycle.CurrentCycle;
import com.rectify.cycle.ReportingCycle;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.LeadOfficers;
import com.rectify.recommendation.progress.ProgressUpdate;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusHistory;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.recommendation.revision.TargetDateRevisionRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Writes a checked plan's new rows inside the caller's transaction: the audit, the recommendation, its status
 * history and notes, and its lifecycle, started where the sheet says it stands.
 */
@Component
class ImportWriter {

  /** Rows written between two clearings of the persistence context. */
  static final int FLUSH_EVERY = 25;

  private final AuditRepository audits;
  private final RecommendationRepository recommendations;
  private final ProgressUpdateRepository updates;
  private final TargetDateRevisionRepository revisions;
  private final StatusHistory history;
  private final LeadOfficers leadOfficers;
  private final CurrentCycle currentCycle;
  private final RuntimeService runtimeService;
  private final Today today;
  private final EntityManager entityManager;

  ImportWriter(AuditRepository audits, RecommendationRepository recommendations, ProgressUpdateRepository updates,
      TargetDateRevisionRepository revisions, StatusHistory history, LeadOfficers leadOfficers, CurrentCycle currentCycle, RuntimeService runtimeService, Today today,
      EntityManager entityManager) {
    this.audits = audits;
    this.recommendations = recommendations;
    this.updates = updates;
    this.revisions = revisions;
    this.history = history;
    this.leadOfficers = leadOfficers;
    this.currentCycle = currentCycle;
    this.runtimeService = runtimeService;
    this.today = today;
    this.entityManager = entityManager;
  }

  /** A row the database or the process engine refused; the whole import is rolled back. */
  static class RowNotWritten extends RuntimeException {
    private final Integer row;

    RowNotWritten(Integer row, String rows, RuntimeException cause) {
      super(rows + " could not be written, so nothing was imported. Fix " + (row == null ? "them" : "it")
          + " in the sheet, or send the file to your administrator. The reason given: " + rootMessage(cause), cause);
      this.row = row;
    }

    Integer row() {
      return row;
    }

    private static String rootMessage(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
      return message.lines().findFirst().orElse(message);
    }
  }

  void write(ImportPlan plan, ImportRequest request) {
    Instant recordedAt = recordedAt(request);
    ReportingCycle cycle = request.asAt() == null || request.asAt().equals(today.date()) ? currentCycle.orNull() : null;
    int written = 0;
    int firstUnflushed = -1;
    int lastWritten = -1;
    Map<String, List<String>> logins = new HashMap<>();
    for (PlannedRow p : plan.planned) {
      if (!p.isNew) {
        continue;
      }
      if (++written % FLUSH_EVERY == 0) {
        // Every query the process steps make flushes the persistence context, checking each entity in it:
        // keeping it small keeps each row's cost flat. Everything stays in the one transaction.
        flush(firstUnflushed, lastWritten);
        firstUnflushed = -1;
        entityManager.clear();
        cycle = cycle == null ? null : entityManager.getReference(ReportingCycle.class, cycle.getId());
      }
      if (firstUnflushed < 0) {
        firstUnflushed = p.row;
      }
      try {
        writeRow(p, request, recordedAt, cycle, logins);
      } catch (RuntimeException e) {
        throw new RowNotWritten(p.row, "Row " + p.row, e);
      }
      lastWritten = p.row;
    }
    if (firstUnflushed >= 0) {
      flush(firstUnflushed, lastWritten);
    }
  }

  private void flush(int firstRow, int lastRow) {
    try {
      entityManager.flush();
    } catch (RuntimeException e) {
      throw firstRow == lastRow ? new RowNotWritten(firstRow, "Row " + firstRow, e)
          : new RowNotWritten(null, "One of rows " + firstRow + " to " + lastRow, e);
    }
  }

  /**
   * When the sheet's rows go on the record: now, or midday on the day the sheet shows the register as at, so
   * the committee report as at that day, and any later one, shows them.
   */
  private Instant recordedAt(ImportRequest request) {
    if (request.asAt() == null || !request.asAt().isBefore(today.date())) {
      return today.now().toInstant();
    }
    return midday(request.asAt());
  }

  /**
   * The revisions the row's text records, as approved revisions: each dated by its reporting cycle where the
   * sheet names one that can be placed in time, else on the sheet's date; never before the recommendation is on
   * the record, never after the sheet's date.
   */
  private void writeRevisionsRead(Recommendation recommendation, PlannedRow p, ImportRequest request, Instant onRecord,
      Instant recordedAt) {
    Instant at = onRecord;
    int number = 0;
    for (RevisedDates.Step step : p.revisions) {
      Instant cycleTime = step.cycle() == null ? recordedAt : CycleStart.of(step.cycle())
          .map(month -> midday(month.atEndOfMonth()))
          .filter(t -> t.isBefore(recordedAt)).orElse(recordedAt);
      at = cycleTime.isAfter(at) ? cycleTime : at;
      revisions.save(TargetDateRevision.readFromSheet(recommendation.getId(), ++number, step.oldDate(), step.newDate(),
          step.words(), step.cycle(), "the text of row " + p.row + " of " + request.fileName(), request.actor(), at));
      recommendation.reviseTargetDate(step.newDate());
    }
  }

  /** What a sheet's day means on the record: midday in London, well inside the day whatever the clocks do. */
  private static Instant midday(LocalDate day) {
    return day.atTime(12, 0).atZone(Today.LONDON).toInstant();
  }

  /** From the audit's report date, where the sheet gives one before the sheet's own date. */
  private static Instant onRecordFrom(LocalDate reportIssuedOn, Instant sheetDate) {
    if (reportIssuedOn == null) {
      return sheetDate;
    }
    Instant issued = midday(reportIssuedOn);
    return issued.isBefore(sheetDate) ? issued : sheetDate;
  }

  private void writeRow(PlannedRow p, ImportRequest request, Instant now, ReportingCycle cycle,
      Map<String, List<String>> logins) {
    String actor = request.actor();
    AuditPlan auditPlan = p.audit;
    if (auditPlan.entity == null) {
      auditPlan.entity = audits.save(new Audit(auditPlan.reference, auditPlan.title, auditPlan.service, auditPlan.reportIssuedOn, actor));
    }
    Instant sheetDate = now;
    now = onRecordFrom(auditPlan.reportIssuedOn, sheetDate);
    Recommendation recommendation = new Recommendation(auditPlan.entity, p.reference, p.text, p.grade, p.leadOfficer,
        auditPlan.entity.getService());
    recommendation.setFinding(p.finding);
    recommendation.setGradeAsWritten(p.gradeAsWritten);
    recommendation.setLeadOfficerLogins(logins.computeIfAbsent(p.leadOfficer, leadOfficers::loginsOf));
    boolean agreed = p.agreedAction != null || p.targetDate != null;
    if (agreed) {
      recommendation.agreeAction(p.agreedAction, p.targetDate);
    }
    recommendations.save(recommendation);
    if (agreed) {
      writeRevisionsRead(recommendation, p, request, now, sheetDate);
    }
    String source = "Imported from '" + request.fileName() + "', row " + p.row + ", by " + actor + ".";
    Instant closedAt = p.complete && p.completedOn != null && p.completedOn.isBefore(LocalDate.ofInstant(sheetDate, Today.LONDON))
        ? midday(p.completedOn)
        : sheetDate;
    // Raised when the report was issued, or, for one the sheet closed before that, just before it closed.
    Instant raisedAt = closedAt.isAfter(now) ? now : closedAt.minusSeconds(1);
    history.recordRaisedAsOf(recommendation, actor, ImportService.VIA, source, raisedAt);
    for (String note : p.notes) {
      updates.save(new ProgressUpdate(recommendation.getId(), note, actor, sheetDate, cycle));
    }
    if (p.progress != null) {
      updates.save(new ProgressUpdate(recommendation.getId(), p.progress, actor, sheetDate, cycle));
    }
    if (p.complete) {
      recommendation.setClosureReason("The imported sheet records the action as complete.");
      history.recordAsOf(recommendation, RecommendationStatus.CLOSED_IMPLEMENTED, actor, ImportService.VIA, source
          + (closedAt.equals(sheetDate) ? " The sheet says complete." : " The sheet says complete on " + UkDates.display(p.completedOn) + "."),
          closedAt);
    } else if (agreed) {
      history.recordAsOf(recommendation, RecommendationStatus.IN_IMPLEMENTATION, actor, ImportService.VIA,
          source + " The sheet records an agreed action.", raisedAt);
      runtimeService.createProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS)
          .businessKey(recommendation.getBusinessKey())
          .setVariable(LifecycleVariables.RECOMMENDATION_ID, recommendation.getId())
          .setVariable(LifecycleVariables.GRADE, recommendation.getGrade().name())
          .setVariable(LifecycleVariables.AGREEMENT, LifecycleVariables.Agreement.AGREED.name())
          .startBeforeActivity(LifecycleVariables.TASK_IMPLEMENT_ACTION)
          .execute();
    } else {
      runtimeService.startProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS, recommendation.getBusinessKey(),
          Map.of(LifecycleVariables.RECOMMENDATION_ID, recommendation.getId()));
    }
  }
}
