package com.rectify.bench;

import com.rectify.audit.Audit;
import com.rectify.audit.AuditRepository;
import com.rectify.common.LifecycleVariables;
import com.rectify.importing.ImportService;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusHistory;
import com.rectify.recommendation.progress.ProgressUpdate;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the register to its full size by the fastest honest path. The rows are those the import writes for the
 * bench's sheet (audit, recommendation, its status history and change record, its progress update), written
 * through the same repositories, a service at a time: the change record's chain admits one writer at a time,
 * so these go one transaction after another. The lifecycles are then started by the engine at the step the
 * import starts them (Implement action when agreed, else from the start), in transactions of
 * {@value #STARTS_A_TRANSACTION}, on several threads at once: the engine's own work is what costs, and it
 * takes every core. Unless told to keep them, the agreed ones' task listeners (the task's brief and mail) are
 * skipped. What the import itself costs is the import phase's figure, not the seed's.
 */
final class BenchSeeder {

  static final int STARTS_A_TRANSACTION = 200;
  static final int CLEAR_EVERY = 25;

  private final TransactionTemplate tx;
  private final EntityManager entityManager;
  private final AuditRepository audits;
  private final RecommendationRepository recommendations;
  private final ProgressUpdateRepository updates;
  private final StatusHistory history;
  private final RuntimeService runtimeService;
  private final BenchUsers users;
  private final int threads;
  private final boolean taskListeners;

  BenchSeeder(TransactionTemplate tx, EntityManager entityManager, AuditRepository audits, RecommendationRepository recommendations,
      ProgressUpdateRepository updates, StatusHistory history, RuntimeService runtimeService, BenchUsers users, int threads,
      boolean taskListeners) {
    this.tx = tx;
    this.entityManager = entityManager;
    this.audits = audits;
    this.recommendations = recommendations;
    this.updates = updates;
    this.history = history;
    this.runtimeService = runtimeService;
    this.users = users;
    this.threads = threads;
    this.taskListeners = taskListeners;
  }

  /** A recommendation written and waiting for its lifecycle. */
  record Written(long id, String businessKey, String grade, boolean agreed) {}

  /** What the seed took: the register's rows, then the lifecycles. */
  record Took(long registerMillis, long lifecycleMillis) {}

  Took seed(String prefix, int from, int count, LocalDate today, Instant now) {
    long start = System.nanoTime();
    List<Written> written = new ArrayList<>(count);
    int row = from;
    while (row < from + count) {
      int end = Math.min(from + count, (row / users.serviceSize() + 1) * users.serviceSize());
      written.addAll(writeRegisterRows(prefix, row, end, today, now));
      row = end;
    }
    long registerMillis = RectifyBench.millisSince(start);
    start = System.nanoTime();
    startLifecycles(written);
    return new Took(registerMillis, RectifyBench.millisSince(start));
  }

  /** Rows {@code from..end} (all of one service) as the import writes them for the bench's sheet, in one transaction. */
  private List<Written> writeRegisterRows(String prefix, int from, int end, LocalDate today, Instant now) {
    return tx.execute(status -> {
      List<Written> written = new ArrayList<>(end - from);
      Audit audit = null;
      for (int row = from; row < end; row++) {
        if ((row - from) % CLEAR_EVERY == CLEAR_EVERY - 1) {
          entityManager.flush();
          entityManager.clear();
          audit = audit == null ? null : entityManager.getReference(Audit.class, audit.getId());
        }
        String reference = BenchSheet.audit(prefix, row);
        if (audit == null || !audit.getReference().equals(reference)) {
          audit = audits.save(new Audit(reference, reference, users.service(row), null, "helen"));
        }
        String officer = users.officer(row);
        Recommendation rec = new Recommendation(audit, BenchSheet.reference(row), BenchSheet.text(row),
            Grade.valueOf(BenchSheet.grade(row)), officer, users.service(row));
        rec.setLeadOfficerLogins(List.of(officer));
        boolean agreed = BenchSheet.agreed(row);
        if (agreed) {
          rec.agreeAction(BenchSheet.agreedAction(row), BenchSheet.targetDate(row, today));
        }
        recommendations.save(rec);
        String source = "Imported from 'bench seed', row " + (row - from + 1) + ", by helen.";
        history.recordRaisedAsOf(rec, "helen", ImportService.VIA, source, now);
        updates.save(new ProgressUpdate(rec.getId(), BenchSheet.progress(row), "helen", now, null));
        if (agreed) {
          history.recordAsOf(rec, RecommendationStatus.IN_IMPLEMENTATION, "helen", ImportService.VIA,
              source + " The sheet records an agreed action.", now);
        }
        written.add(new Written(rec.getId(), rec.getBusinessKey(), rec.getGrade().name(), agreed));
      }
      return written;
    });
  }

  private void startLifecycles(List<Written> written) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int i = 0; i < written.size(); i += STARTS_A_TRANSACTION) {
        List<Written> part = written.subList(i, Math.min(written.size(), i + STARTS_A_TRANSACTION));
        parts.add(pool.submit(() -> tx.executeWithoutResult(status -> start(part))));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The seed was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A part of the seed failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The lifecycles of a part, started as the import starts them. */
  private void start(List<Written> part) {
    for (int i = 0; i < part.size(); i++) {
      if (i % CLEAR_EVERY == CLEAR_EVERY - 1) {
        entityManager.flush();
        entityManager.clear();
      }
      Written w = part.get(i);
      startLifecycle(runtimeService, w.id(), w.businessKey(), w.grade(), w.agreed(), taskListeners);
    }
  }

  /**
   * Starts a recommendation's lifecycle as the import does: at Implement action when its action is agreed, else
   * from the start. Without {@code taskListeners} an agreed one's task has no brief and no mail; the engine skips
   * listeners only for a start at a chosen step, so the others always have them.
   */
  static void startLifecycle(RuntimeService runtimeService, long id, String businessKey, String grade, boolean agreed,
      boolean taskListeners) {
    var instance = runtimeService.createProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS)
        .businessKey(businessKey)
        .setVariable(LifecycleVariables.RECOMMENDATION_ID, id);
    if (agreed) {
      instance.setVariable(LifecycleVariables.GRADE, grade)
          .setVariable(LifecycleVariables.AGREEMENT, LifecycleVariables.Agreement.AGREED.name())
          .startBeforeActivity(LifecycleVariables.TASK_IMPLEMENT_ACTION)
          .execute(!taskListeners, false);
    } else {
      instance.execute();
    }
  }
}
