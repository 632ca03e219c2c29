package com.rectify.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.audit.Audit;
import com.rectify.raising.NewAudit;
import com.rectify.common.Today;
import com.rectify.cycle.MissedUpdate;
import com.rectify.cycle.MissedUpdateRepository;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycleRepository;
import com.rectify.dashboard.DashboardQueries.GradeBands;
import com.rectify.dashboard.DashboardQueries.Load;
import com.rectify.dashboard.DashboardQueries.Quarter;
import com.rectify.importing.ImportService;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.OverdueRule;
import com.rectify.register.RegisterFilter;
import com.rectify.register.SampleRegister;
import com.rectify.security.RecommendationVisibility.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard's counts, from the database's group-by queries, against a sample whose every count is known:
 * its own service keeps the rest of the test database out.
 */
class DashboardQueriesTest extends LifecycleTestSupport {

  @Autowired DashboardQueries queries;
  @Autowired ImportService imports;
  @Autowired Today today;
  @Autowired ReportingCycleRepository cycles;
  @Autowired MissedUpdateRepository missedUpdates;
  @Autowired OverdueRule overdueRule;

  private SampleRegister sample;
  private Scope scope;
  private LocalDate day;

  @BeforeEach
  void sample() {
    day = today.date();
    sample = SampleRegister.importInto(imports, recommendations, day);
    scope = Scope.services(Set.of(sample.service));
  }

  @Test
  void openRecommendationsByGradeAndOverdueBand() {
    Map<Grade, GradeBands> bands = queries.openByGradeAndBand(day, scope);
    assertThat(bands.get(Grade.ESSENTIAL)).isEqualTo(new GradeBands(0, 1, 0, 0));
    assertThat(bands.get(Grade.HIGH)).isEqualTo(new GradeBands(0, 0, 1, 1));
    assertThat(bands.get(Grade.MEDIUM)).isEqualTo(new GradeBands(2, 0, 0, 0));
    assertThat(bands.get(Grade.LOW)).isEqualTo(new GradeBands(1, 0, 0, 0));
    assertThat(queries.openByGradeAndBand(day, Scope.services(Set.of("nobody-has-this")))
        .values()).allMatch(b -> b.equals(new GradeBands(0, 0, 0, 0)));
  }

  @Test
  void ageingCountsFromTheDateThatAppliesNow() {
    Map<Grade, long[]> ageing = queries.ageing(day, DashboardPage.AGEING, scope);
    assertThat(ageing.get(Grade.ESSENTIAL)).containsExactly(1, 0, 0, 0, 0);
    assertThat(ageing.get(Grade.HIGH)).containsExactly(0, 1, 0, 1, 0);
    assertThat(ageing.get(Grade.MEDIUM)).containsExactly(0, 0, 0, 0, 0);
  }

  @Test
  void closuresByQuarterAndWhetherOnTime() {
    LocalDate closed = day.minusDays(40);
    List<Quarter> quarters = queries.closuresByQuarter(DashboardQueries.quarterStart(day).minusMonths(21), 8, scope);
    assertThat(quarters).hasSize(8);
    assertThat(quarters.get(7).start()).isEqualTo(DashboardQueries.quarterStart(day));
    Quarter holding = quarters.stream().filter(q -> !closed.isBefore(q.start()) && !closed.isAfter(q.end())).findFirst().orElseThrow();
    assertThat(holding.implemented()).isEqualTo(1);
    assertThat(holding.implementedOnTime()).isEqualTo(1);
    assertThat(holding.riskAccepted()).isZero();
    assertThat(quarters.stream().mapToLong(Quarter::implemented).sum()).isEqualTo(1);
  }

  @Test
  void revisionsPerRecommendationServicesAuditsAndMissedUpdates() {
    Recommendation revised = recommendationOfSampleService();
    agree(revised, day.plusMonths(3));
    complete(revised, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", day.plusMonths(6).toString(), "revisionReason", "Supplier delayed.");
    complete(revised, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED");

    assertThat(queries.approvedRevisions(4, scope)).containsExactly(6, 1, 0, 0);

    List<Load> services = queries.openByService(day, scope);
    assertThat(services).containsExactly(new Load(sample.service, sample.service, 4, 3, 3));
    List<Load> audits = queries.openByAudit(day, scope, 12);
    assertThat(audits).extracting(Load::key).containsExactlyInAnyOrder(sample.audit, sample.audit + "-R");
    assertThat(audits.get(0)).isEqualTo(new Load(sample.audit, "Sample audit " + sample.audit.substring(4), 3, 3, 3));

    ReportingCycle cycle = cycles.save(new ReportingCycle("Cycle " + sample.audit, day.minusDays(20), day.minusDays(5), "helen", Instant.now()));
    missedUpdates.save(new MissedUpdate(sample.id("2"), cycle.getId(), Instant.now()));
    missedUpdates.save(new MissedUpdate(sample.id("6"), cycle.getId(), Instant.now()));
    assertThat(queries.missedUpdates(cycle.getId(), scope)).as("only open ones count").isEqualTo(1);
    RegisterFilter missed = new RegisterFilter(null, Set.of(), null, null, null, null, null, cycle.getId(), null, null, null, null, null, null);
    assertThat(recommendations.findAll(missed.toSpecification(overdueRule, day, scope))).extracting(Recommendation::getId)
        .containsExactlyInAnyOrder(sample.id("2"), sample.id("6"));
  }

  private Recommendation recommendationOfSampleService() {
    Audit audit = auditService.create(new NewAudit(sample.audit + "-R", "Revised " + sample.audit, sample.service, day,
        List.of(new NewAudit.NewRecommendation("1", "Revised one", null, "High", "Olivia Officer", null))), "helen");
    return recommendations.findByAuditIdOrderByIdAsc(audit.getId()).get(0);
  }
}
