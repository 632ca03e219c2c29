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
    RecommendationStatus from = recommendation.getStatus();
    recommendation.moveTo(to, today.date());
    changes.save(new StatusChange(recommendation.getId(), from, to, actor, today.now().toInstant(), via, note));
    changeLog.sync(recommendation, actor, via);
  }

  /** The first line for a recommendation just created (the "raised" event). */
  public void recordRaised(Recommendation recommendation, String actor, String via) {
    recordRaised(recommendation, actor, via, null);
  }

  /** The "raised" line with a note, e.g. the file and row an imported recommendation came from. */
  public void recordRaised(Recommendation recommendation, String actor, String via, String note) {
    changes.save(new StatusChange(recommendation.getId(), null, recommendation.getStatus(), actor,
        today.now().toInstant(), via, note));
    changeLog.sync(recommendation, actor, via);
  }
}
