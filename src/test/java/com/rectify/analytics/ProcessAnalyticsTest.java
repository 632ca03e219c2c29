package com.rectify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.analytics.ProcessAnalytics.Split;
import com.rectify.audit.Audit;
import com.rectify.raising.NewAudit;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.recommendation.Recommendation;
import com.rectify.security.RecommendationVisibility.Scope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process analytics from the engine's history: the engine clock is moved between steps so each step takes a
 * known time, and the figures must come out as those times.
 */
class ProcessAnalyticsTest extends LifecycleTestSupport {

  private static final long DAY = 24L * 60 * 60 * 1000;

  @Autowired ProcessAnalytics analytics;

  private Date clock = new Date();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void timeInStepsWaitsAndMoreEvidenceLoopsByGradeAndService() {
    String service = "an-" + UUID.randomUUID().toString().substring(0, 8);
    ClockUtil.setCurrentTime(clock);
    List<Recommendation> recs = audit(service, "High", "High", "Low");
    Recommendation a = recs.get(0);
    Recommendation b = recs.get(1);
    Recommendation c = recs.get(2);

    // Agreement: a takes 2 days, b 4 days, c 10 days.
    later(2);
    agree(a, LocalDate.now().plusYears(1));
    later(2);
    agree(b, LocalDate.now().plusYears(1));
    later(6);
    agree(c, LocalDate.now().plusYears(1));

    // a: evidence after 1 more day, sent back after 1, resubmitted after 3, sent back again after 1, resubmitted, accepted.
    later(1);
    submitEvidence(a);
    later(1);
    review(a, "alice", "MORE_EVIDENCE");
    later(3);
    submitEvidence(a);
    later(1);
    review(a, "alice", "MORE_EVIDENCE");
    submitEvidence(a);
    review(a, "alice", "IMPLEMENTED");
    executeJobs(a);
    // b: evidence submitted and waiting for review; c implementing since day 10, now day 21.
    submitEvidence(b);
    later(5);

    Scope scope = Scope.services(Set.of(service));
    List<StepStats> all = analytics.timeInSteps(Split.ALL, scope);
    StepStats agreement = step(all, "Task_AgreeAction", "all");
    assertThat(agreement.recommendations()).isEqualTo(3);
    assertThat(agreement.medianMillis()).isEqualTo(4 * DAY, org.assertj.core.data.Offset.offset(1000.0));
    // Continuous 90th percentile of 2, 4, 10 days: 4 + 0.8 × 6 = 8.8 days.
    assertThat(agreement.p90Millis()).isEqualTo(8.8 * DAY, org.assertj.core.data.Offset.offset(1000.0));

    List<StepStats> byGrade = analytics.timeInSteps(Split.GRADE, scope);
    assertThat(step(byGrade, "Task_AgreeAction", "HIGH").medianMillis()).isEqualTo(3 * DAY, org.assertj.core.data.Offset.offset(1000.0));
    assertThat(step(byGrade, "Task_AgreeAction", "LOW").medianMillis()).isEqualTo(10 * DAY, org.assertj.core.data.Offset.offset(1000.0));
    // a's reviews: 1 day, 1 day and a moment, added up per recommendation.
    assertThat(step(byGrade, "Task_ReviewEvidence", "HIGH").recommendations()).isEqualTo(1);
    assertThat(step(byGrade, "Task_ReviewEvidence", "HIGH").medianMillis()).isEqualTo(2 * DAY, org.assertj.core.data.Offset.offset(1000.0));
    assertThat(step(analytics.timeInSteps(Split.SERVICE, scope), "Task_AgreeAction", service).recommendations()).isEqualTo(3);

    List<Waiting> waiting = analytics.waitingNow(Split.GRADE, scope);
    Waiting review = waiting.stream().filter(w -> w.step().equals("Task_ReviewEvidence")).findFirst().orElseThrow();
    assertThat(review.group()).isEqualTo("HIGH");
    assertThat(review.waiting()).isEqualTo(1);
    assertThat(review.longestMillis()).isCloseTo(5 * DAY, org.assertj.core.data.Offset.offset(1000L));
    Waiting implementing = waiting.stream().filter(w -> w.step().equals("Task_ImplementAction")).findFirst().orElseThrow();
    assertThat(implementing.group()).isEqualTo("LOW");
    assertThat(implementing.longestMillis()).isCloseTo(11 * DAY, org.assertj.core.data.Offset.offset(1000L));

    List<Loops> loops = analytics.moreEvidenceLoops(Split.GRADE, scope);
    assertThat(loops).containsExactly(new Loops("HIGH", 3, 2, 1, 2));
    assertThat(loops.get(0).sentBackPercent()).isEqualTo(67);
    assertThat(analytics.moreEvidenceLoops(Split.SERVICE, scope)).containsExactly(new Loops(service, 3, 2, 1, 2));
    assertThat(analytics.moreEvidenceLoops(Split.ALL, scope)).containsExactly(new Loops("all", 3, 2, 1, 2));
    assertThat(analytics.waitingNow(Split.ALL, scope)).extracting(Waiting::step, Waiting::waiting)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Task_ReviewEvidence", 1L),
            org.assertj.core.groups.Tuple.tuple("Task_ImplementAction", 1L));

    List<StepStats> lifecycle = analytics.wholeLifecycle(Split.ALL, scope);
    assertThat(lifecycle).hasSize(1);
    assertThat(lifecycle.get(0).recommendations()).isEqualTo(1);
    assertThat(lifecycle.get(0).medianMillis()).isEqualTo(16 * DAY, org.assertj.core.data.Offset.offset(1000.0));

    Scope nobody = Scope.services(Set.of("nobody-has-this"));
    assertThat(analytics.timeInSteps(Split.ALL, nobody)).isEmpty();
    assertThat(analytics.wholeLifecycle(Split.ALL, nobody)).isEmpty();
    assertThat(analytics.moreEvidenceLoops(Split.ALL, nobody)).isEmpty();
  }

  private void later(int days) {
    clock = new Date(clock.getTime() + days * DAY);
    ClockUtil.setCurrentTime(clock);
  }

  private List<Recommendation> audit(String service, String... grades) {
    String reference = "AN-" + UUID.randomUUID().toString().substring(0, 8);
    List<NewAudit.NewRecommendation> items = new ArrayList<>();
    for (int i = 0; i < grades.length; i++) {
      items.add(new NewAudit.NewRecommendation(String.valueOf(i + 1), "Analytics " + i, null, grades[i], "Olivia Officer", null));
    }
    Audit audit = auditService.create(new NewAudit(reference, "Analytics " + reference, service, LocalDate.now(), items), "helen");
    return recommendations.findByAuditIdOrderByIdAsc(audit.getId());
  }

  private static StepStats step(List<StepStats> stats, String step, String group) {
    return stats.stream().filter(s -> s.step().equals(step) && s.group().equals(group)).findFirst()
        .orElseThrow(() -> new AssertionError("no figure for " + step + " / " + group + " in " + stats));
  }
}
