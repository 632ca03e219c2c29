package com.rectify.recommendation;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Walks the record from its first entry and names the first one that does not hold. */
@Component
public class ChangeChainVerifier {

  private final ChangeRecordRepository records;
  private final ChangeChainHeadRepository heads;

  public ChangeChainVerifier(ChangeRecordRepository records, ChangeChainHeadRepository heads) {
    this.records = records;
    this.heads = heads;
  }

  @Transactional(readOnly = true)
  public Map<String, Object> verify() {
    String expectedPrevious = ChangeRecord.GENESIS;
    long entries = 0;
    try (Stream<ChangeRecord> all = records.streamAllByOrderByIdAsc()) {
      Iterator<ChangeRecord> walk = all.iterator();
      while (walk.hasNext()) {
        ChangeRecord record = walk.next();
        if (!Objects.equals(record.getPreviousHash(), expectedPrevious)) {
          return broken(entries, record.getId(), "its previous hash is not the hash of the entry before it"
              + " (an entry before it was removed or inserted)");
        }
        if (!Objects.equals(record.computeHash(), record.getHash())) {
          return broken(entries, record.getId(), "its content does not match its hash (the entry was altered)");
        }
        expectedPrevious = record.getHash();
        entries++;
      }
    }
    String head = heads.findById(ChangeChainHead.ID).map(ChangeChainHead::getLastHash).orElse(ChangeRecord.GENESIS);
    if (!head.equals(expectedPrevious)) {
      return broken(entries, null, "the last entry is not the one the chain head names (entries were removed from the end)");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("valid", true);
    result.put("entries", entries);
    return result;
  }

  private static Map<String, Object> broken(long validEntries, Long id, String problem) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("valid", false);
    result.put("entries", validEntries);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("id", id);
    entry.put("problem", problem);
    result.put("firstBrokenEntry", entry);
    return result;
  }
}
