package com.rectify.reporting;

import static com.rectify.recommendation.RecommendationStatus.AWAITING_AGREEMENT;
import static com.rectify.recommendation.RecommendationStatus.AWAITING_REVIEW;
import static com.rectify.recommendation.RecommendationStatus.CLOSED_IMPLEMENTED;
import static com.rectify.recommendation.RecommendationStatus.IN_IMPLEMENTATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.recommendation.RecommendationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The database hands a recommendation's status changes over in any order; the trail keeps them in the order written. */
class HistoryAsAtTrailTest {

  private static final Instant JANUARY = Instant.parse("2025-01-10T09:00:00Z");
  private static final Instant MARCH = Instant.parse("2025-03-10T09:00:00Z");
  private static final Instant PREVIOUS_CYCLE_END = Instant.parse("2025-04-01T00:00:00Z");
  private static final Instant MAY = Instant.parse("2025-05-10T09:00:00Z");

  private record Change(RecommendationStatus to, Instant at, long id, String via) {}

  private static final List<Change> HISTORY = List.of(
      new Change(AWAITING_AGREEMENT, JANUARY, 10, "import"),
      new Change(IN_IMPLEMENTATION, MARCH, 11, "Task_AgreeAction"),
      // Two changes in the same instant: the one written later (higher id) is the status.
      new Change(AWAITING_REVIEW, MARCH, 12, "Task_SubmitEvidence"),
      new Change(IN_IMPLEMENTATION, MAY, 13, "Task_ReviewEvidence"),
      new Change(CLOSED_IMPLEMENTED, MAY, 14, "Task_ReviewEvidence"));

  @Test
  void keepsTheFirstTheLatestAndTheLatestBeforeThePreviousCycleWhateverOrderTheRowsComeIn() {
    Random random = new Random(7);
    for (int shuffle = 0; shuffle < 20; shuffle++) {
      List<Change> rows = new ArrayList<>(HISTORY);
      Collections.shuffle(rows, random);
      HistoryAsAt.Trail trail = new HistoryAsAt.Trail();
      rows.forEach(c -> trail.add(c.to(), c.at(), c.id(), c.via(), PREVIOUS_CYCLE_END));

      assertThat(trail.firstAt()).as("order %s", rows).isEqualTo(JANUARY);
      assertThat(trail.firstVia()).as("order %s", rows).isEqualTo("import");
      assertThat(trail.status()).as("order %s", rows).isEqualTo(CLOSED_IMPLEMENTED);
      assertThat(trail.statusAtPrevious()).as("order %s", rows).isEqualTo(AWAITING_REVIEW);
    }
  }

  @Test
  void aRecommendationRaisedAfterThePreviousCycleHasNoStatusThen() {
    HistoryAsAt.Trail trail = new HistoryAsAt.Trail();
    trail.add(IN_IMPLEMENTATION, MAY, 20, "import", PREVIOUS_CYCLE_END);

    assertThat(trail.statusAtPrevious()).isNull();
    assertThat(trail.status()).isEqualTo(IN_IMPLEMENTATION);
  }
}
