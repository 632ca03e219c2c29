package com.rectify.recommendation;

import com.rectify.common.Today;
import org.springframework.stereotype.Component;

/** The only way a recommendation's status changes: every move leaves a line in the history. */
@Component
public class StatusHistory {

  private final StatusChangeRepository changes;
  private final Today today;
  private final ChangeLog changeLog;

  public StatusHistory(StatusChangeRepository changes, Today today, ChangeLog changeLog) {
    this.changes = changes;
    this.today = today;
    this.changeLog = changeLog;
  }

  public void record(Recommendation recommendation, RecommendationStatus to, String actor, String via, String note) {
    recordAsOf(recommendation, to, actor, via, note, today.now().toInstant());
  }

  /**
   * A move that took effect before it reached the register, e.g. an imported sheet saying an action was
   * completed on 23/05/2024: as-at-date reports then show it closed from that day, not from the import.
   */
  public void recordAsOf(Recommendation recommendation, RecommendationStatus to, String actor, String via, String note,
      java.time.Instant effectiveAt) {
    RecommendationStatus from = recommendation.getStatus();
    recommendation.moveTo(to, java.time.LocalDate.ofInstant(effectiveAt, Today.LONDON));
    changes.save(new StatusChange(recommendation.getId(), from, to, actor, effectiveAt, via, note));
    changeLog.sync(recommendation, actor, via);
  }

  /** The first line for a recommendation just created (the "raised" event). */
  public void recordRaised(Recommendation recommendation, String actor, String via) {
    recordRaised(recommendation, actor, via, null);
  }

  /** The "raised" line with a note, e.g. the file and row an imported recommendation came from. */
  public void recordRaised(Recommendation recommendation, String actor, String via, String note) {
    recordRaisedAsOf(recommendation, actor, via, note, today.now().toInstant());
  }

  /** The "raised" line of a recommendation whose history reaches back before it came into the register. */
  public void recordRaisedAsOf(Recommendation recommendation, String actor, String via, String note, java.time.Instant effectiveAt) {
    changes.save(new StatusChange(recommendation.getId(), null, recommendation.getStatus(), actor, effectiveAt, via, note));
    changeLog.syncCreated(recommendation, actor, via);
  }
}
