package com.rectify.recommendation;

import com.rectify.common.Today;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Writes every change of a recommendation's fields and status into the hash-chained record. It compares the
 * recommendation as it stands with the values the record already holds for it, so a change is written once,
 * by whoever syncs first after making it, in the same transaction.
 */
@Component
public class ChangeLog {

  private final ChangeRecordRepository records;
  private final ChangeChainHeadRepository heads;
  private final Today today;

  public ChangeLog(ChangeRecordRepository records, ChangeChainHeadRepository heads, Today today) {
    this.records = records;
    this.heads = heads;
    this.today = today;
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
    Map<String, String> recorded = new HashMap<>();
    for (ChangeRecord record : records.findByRecommendationIdOrderByIdAsc(recommendation.getId())) {
      recorded.put(record.getField(), record.getNewValue());
    }
    Instant at = today.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
    ChangeChainHead head = null;
    for (Map.Entry<String, String> field : fieldsOf(recommendation).entrySet()) {
      String old = recorded.get(field.getKey());
      if (Objects.equals(old, field.getValue())) {
        continue;
      }
      if (head == null) {
        head = lockHead();
      }
      ChangeRecord record = records.save(new ChangeRecord(recommendation.getId(), field.getKey(), old, field.getValue(),
          actor, at, via, head.getLastHash()));
      head.advance(record.getHash());
    }
  }

  private ChangeChainHead lockHead() {
    return heads.lockById(ChangeChainHead.ID).orElseGet(() -> {
      heads.save(new ChangeChainHead(ChangeRecord.GENESIS));
      return heads.lockById(ChangeChainHead.ID).orElseThrow();
    });
  }
}
