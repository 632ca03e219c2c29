package com.rectify.reporting;

import com.rectify.recommendation.RecommendationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what the register's append-only history says as at a moment, with plain JDBC and one pass over each
 * table: a register of 100,000 has several status changes and updates each, and the report needs only a few
 * facts a recommendation. Rows are taken in whatever order the database streams them; the latest and earliest
 * are kept by (time, id), the order in which they were written.
 */
@Component
class HistoryAsAt {

  private static final int FETCH_SIZE = 2_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate readOnly;
  private final ExecutorService readers;

  HistoryAsAt(DataSource dataSource, PlatformTransactionManager transactionManager) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    CustomizableThreadFactory threads = new CustomizableThreadFactory("report-reader-");
    threads.setDaemon(true);
    this.readers = Executors.newFixedThreadPool(2, threads);
  }

  @PreDestroy
  void stopReaders() {
    readers.shutdown();
  }

  /** What the report reads, as at a moment. */
  record AsAt(Trails trails, Map<Long, LatestUpdate> latestUpdates, List<Entry> register) {}

  /**
   * The trails, the latest updates and the register, read at once: the status history and the updates each on a
   * reader thread in a read-only transaction of its own (a database streams a read in a transaction, where it would
   * hold the whole result otherwise), the register on the caller's. Each read is committed data, as three reads in
   * one transaction would be at read committed; a recommendation written between them has no trail yet and is left
   * out as it would have been a moment earlier.
   */
  AsAt read(Instant end, Instant previousEnd, Instant since) {
    Future<Trails> trails = readers.submit(() -> readOnly.execute(s -> trails(end, previousEnd, since)));
    Future<Map<Long, LatestUpdate>> latest = readers.submit(() -> readOnly.execute(s -> latestUpdates(end)));
    try {
      List<Entry> register = register();
      return new AsAt(joined(trails), joined(latest), register);
    } finally {
      trails.cancel(true);
      latest.cancel(true);
    }
  }

  private static <T> T joined(Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      read.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Reading the register's history was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException("Reading the register's history failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** A recommendation's status history as far as the report looks at it. */
  static final class Trail {
    private Instant firstAt;
    private long firstId;
    private String firstVia;
    private Instant lastAt;
    private long lastId;
    private RecommendationStatus status;
    private Instant lastBeforePreviousAt;
    private long lastBeforePreviousId;
    private RecommendationStatus statusAtPrevious;

    /** The first change's moment: when the recommendation came on the record. */
    Instant firstAt() { return firstAt; }
    /** How the first change was made ({@code StatusChange.via}). */
    String firstVia() { return firstVia; }
    /** The status at the report's moment. */
    RecommendationStatus status() { return status; }
    /** The status at the previous cycle's moment; null when it was not yet on the record. */
    RecommendationStatus statusAtPrevious() { return statusAtPrevious; }

    void add(RecommendationStatus to, Instant at, long id, String via, Instant previousEnd) {
      if (firstAt == null || isBefore(at, id, firstAt, firstId)) {
        firstAt = at;
        firstId = id;
        firstVia = via;
      }
      if (lastAt == null || isBefore(lastAt, lastId, at, id)) {
        lastAt = at;
        lastId = id;
        status = to;
      }
      if (at.isBefore(previousEnd) && (lastBeforePreviousAt == null || isBefore(lastBeforePreviousAt, lastBeforePreviousId, at, id))) {
        lastBeforePreviousAt = at;
        lastBeforePreviousId = id;
        statusAtPrevious = to;
      }
    }
  }

  /** Every recommendation's trail up to {@code end}, and how many were closed each way from {@code since}. */
  record Trails(Map<Long, Trail> byRecommendation, int implementedSince, int riskAcceptedSince) {}

  private Trails trails(Instant end, Instant previousEnd, Instant since) {
    Map<Long, Trail> trails = new HashMap<>();
    int[] closedSince = new int[2];
    jdbc.query("select recommendation_id, to_status, changed_at, id, via from status_change where changed_at < ?", rs -> {
      RecommendationStatus to = RecommendationStatus.valueOf(rs.getString(2));
      Instant at = instant(rs, 3);
      trails.computeIfAbsent(rs.getLong(1), id -> new Trail()).add(to, at, rs.getLong(4), rs.getString(5), previousEnd);
      if (!at.isBefore(since)) {
        if (to == RecommendationStatus.CLOSED_IMPLEMENTED) {
          closedSince[0]++;
        } else if (to == RecommendationStatus.CLOSED_RISK_ACCEPTED) {
          closedSince[1]++;
        }
      }
    }, offset(end));
    return new Trails(trails, closedSince[0], closedSince[1]);
  }

  /** A recommendation's latest progress update by a moment. */
  record LatestUpdate(String text, Instant postedAt, long id) {}

  /**
   * Each recommendation's latest update posted before {@code end}: one pass in the table's own order, keeping the
   * last by (time, id). A window function or an ordered read costs the database a sort of every update, texts and all.
   */
  private Map<Long, LatestUpdate> latestUpdates(Instant end) {
    Map<Long, LatestUpdate> latest = new HashMap<>();
    jdbc.query("select recommendation_id, posted_at, id, text from progress_update where posted_at < ?", rs -> {
      long recommendationId = rs.getLong(1);
      Instant at = instant(rs, 2);
      long id = rs.getLong(3);
      LatestUpdate kept = latest.get(recommendationId);
      if (kept == null || isBefore(kept.postedAt(), kept.id(), at, id)) {
        latest.put(recommendationId, new LatestUpdate(rs.getString(4), at, id));
      }
    }, offset(end));
    return latest;
  }

  /** A recommendation as the report lists it, with its audit. */
  record Entry(long id, String businessKey, String auditTitle, String reference, String grade, String text,
      String leadOfficer, LocalDate originalTargetDate, String auditReference) {}

  /** Every recommendation in the register. */
  private List<Entry> register() {
    List<Entry> register = new ArrayList<>();
    jdbc.query("select r.id, r.business_key, a.title, r.reference, r.grade, r.text, r.lead_officer, r.original_target_date,"
        + " a.reference from recommendation r join audit a on a.id = r.audit_id", rs -> {
          register.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9)));
        });
    return register;
  }

  private static boolean isBefore(Instant at, long id, Instant otherAt, long otherId) {
    return at.isBefore(otherAt) || at.equals(otherAt) && id < otherId;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
