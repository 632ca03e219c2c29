package com.rectify.recommendation;

import com.rectify.common.Today;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every change of a recommendation's fields and status into the hash-chained record. It compares the
 * recommendation as it stands with the values the record already holds for it, so a change is written once,
 * by whoever syncs first after making it, in the same transaction.
 *
 * <p>The chain head is locked at a transaction's first append and held to its end; the transaction remembers
 * the last hash and what it wrote for each recommendation, and moves the head once, just before it commits.
 * A large import or a cycle touching thousands of recommendations thus reads and locks the head once, not
 * once a change. The entries themselves go to the database in JDBC batches, in the order they were chained: at
 * most {@value #BATCH} wait, and the last are written just before the head moves.
 */
@Component
public class ChangeLog {

  /** How many entries wait in memory before they are written in one batch. */
  static final int BATCH = 200;

  private static final String INSERT = "insert into change_record (recommendation_id, field, old_value, new_value, actor,"
      + " changed_at, via, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final ChangeRecordRepository records;
  private final ChangeChainHeadRepository heads;
  private final Today today;
  private final JdbcTemplate jdbc;

  public ChangeLog(ChangeRecordRepository records, ChangeChainHeadRepository heads, Today today, JdbcTemplate jdbc) {
    this.records = records;
    this.heads = heads;
    this.today = today;
    this.jdbc = jdbc;
  }

  /** The fields the record follows, as text. */
  static Map<String, String> fieldsOf(Recommendation r) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reference", r.getBusinessKey());
    fields.put("text", r.getText());
    fields.put("finding", r.getFinding());
    fields.put("grade", r.getGrade() == null ? null : r.getGrade().name());
    fields.put("gradeAsWritten", r.getGradeAsWritten());
    fields.put("leadOfficer", r.getLeadOfficer());
    fields.put("leadOfficerLogins", r.getLeadOfficerLogins());
    fields.put("service", r.getService());
    fields.put("agreedAction", r.getAgreedAction());
    fields.put("notAgreedReason", r.getNotAgreedReason());
    fields.put("originalTargetDate", Objects.toString(r.getOriginalTargetDate(), null));
    fields.put("currentTargetDate", Objects.toString(r.getCurrentTargetDate(), null));
    fields.put("status", r.getStatus() == null ? null : r.getStatus().name());
    fields.put("closedOn", Objects.toString(r.getClosedOn(), null));
    fields.put("closureReason", r.getClosureReason());
    return fields;
  }

  /** Writes one entry for each field whose value differs from what the record last holds for it. */
  public void sync(Recommendation recommendation, String actor, String via) {
    Appends appends = appends();
    Map<String, String> recorded = appends.recorded.get(recommendation.getId());
    if (recorded == null) {
      recorded = new HashMap<>();
      for (ChangeRecord record : records.findByRecommendationIdOrderByIdAsc(recommendation.getId())) {
        recorded.put(record.getField(), record.getNewValue());
      }
      appends.recorded.put(recommendation.getId(), recorded);
    }
    write(appends, recommendation, recorded, actor, via);
  }

  /** The first entries of a recommendation just created, which the record cannot hold anything for yet. */
  public void syncCreated(Recommendation recommendation, String actor, String via) {
    Appends appends = appends();
    Map<String, String> recorded = new HashMap<>();
    appends.recorded.put(recommendation.getId(), recorded);
    write(appends, recommendation, recorded, actor, via);
  }

  private void write(Appends appends, Recommendation recommendation, Map<String, String> recorded, String actor, String via) {
    Instant at = today.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
    for (Map.Entry<String, String> field : fieldsOf(recommendation).entrySet()) {
      String old = recorded.get(field.getKey());
      if (Objects.equals(old, field.getValue())) {
        continue;
      }
      if (appends.lastHash == null) {
        appends.lastHash = lockHead().getLastHash();
      }
      ChangeRecord record = new ChangeRecord(recommendation.getId(), field.getKey(), old, field.getValue(), actor, at, via,
          appends.lastHash);
      appends.pending.add(record);
      if (appends.pending.size() >= BATCH) {
        writePending(appends);
      }
      appends.lastHash = record.getHash();
      appends.count++;
      recorded.put(field.getKey(), field.getValue());
    }
  }

  /** This transaction's appends, moved onto the chain head before it commits. */
  private Appends appends() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Changes are recorded inside the transaction that makes them");
    }
    Appends appends = (Appends) TransactionSynchronizationManager.getResource(this);
    if (appends == null) {
      Appends fresh = new Appends();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          if (fresh.count > 0) {
            writePending(fresh);
            lockHead().advance(fresh.lastHash, fresh.count);
          }
        }

        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResourceIfPossible(ChangeLog.this);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(ChangeLog.this, fresh);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(ChangeLog.this);
        }
      });
      appends = fresh;
    }
    return appends;
  }

  /** Writes the entries waiting, in one batch, in the order they were chained (the chain is read in id order). */
  private void writePending(Appends appends) {
    List<ChangeRecord> batch = appends.pending;
    jdbc.batchUpdate(INSERT, batch, batch.size(), (statement, r) -> {
      statement.setLong(1, r.getRecommendationId());
      statement.setString(2, r.getField());
      statement.setString(3, r.getOldValue());
      statement.setString(4, r.getNewValue());
      statement.setString(5, r.getActor());
      statement.setObject(6, r.getAt().atOffset(ZoneOffset.UTC));
      statement.setString(7, r.getVia());
      statement.setString(8, r.getPreviousHash());
      statement.setString(9, r.getHash());
    });
    batch.clear();
  }

  private ChangeChainHead lockHead() {
    return heads.lockById(ChangeChainHead.ID).orElseThrow(() -> new IllegalStateException(
        "The change record's chain head is missing; the database migrations put it in place (V3)"));
  }

  private static final class Appends {
    String lastHash;
    long count;
    final Map<Long, Map<String, String>> recorded = new HashMap<>();
    final List<ChangeRecord> pending = new ArrayList<>();
  }
}
