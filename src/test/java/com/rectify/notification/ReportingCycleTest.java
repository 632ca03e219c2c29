package com.rectify.notification;

import static com.rectify.notification.TestSmtp.plainText;
import static com.rectify.notification.TestSmtp.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.common.Today;
import com.rectify.cycle.MissedUpdateRepository;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycles;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.api.RecommendationDetail;
import com.rectify.recommendation.api.RecommendationQueries;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** A reporting cycle asks every open recommendation for an update, in chunks, and flags the ones that miss the deadline. */
class ReportingCycleTest extends LifecycleTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired ReportingCycles cycles;
  @Autowired MissedUpdateRepository missed;
  @Autowired ProgressUpdateRepository updates;
  @Autowired MailDispatcher dispatcher;
  @Autowired RecommendationQueries queries;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Runs the cycle's chunks as the job executor would; returns how many transactions it took. */
  private int askEveryone(ReportingCycle cycle) {
    ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("cycle-" + cycle.getId()).singleResult();
    int chunks = 0;
    for (Job job = managementService.createJobQuery().processInstanceId(process.getId()).singleResult(); job != null;
        job = managementService.createJobQuery().processInstanceId(process.getId()).singleResult()) {
      managementService.executeJob(job.getId());
      chunks++;
    }
    assertThat(process).isEnded().hasPassed("EndEvent_AllAsked");
    return chunks;
  }

  private void runDueJobs(Recommendation rec) {
    managementService.createJobQuery().processInstanceId(instanceOf(rec).getId()).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  private List<MimeMessage> mail(String subjectStart) {
    dispatcher.sendDue();
    return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(subjectStart)).toList();
  }

  @Test
  void aCycleAsksEveryOpenRecommendationAndFlagsTheOneWithoutAnUpdateAtTheDeadline() {
    List<Recommendation> recs = newAudit("Olivia Officer", "High", "Medium", "Low");
    Recommendation answers = recs.get(0);
    Recommendation silent = recs.get(1);
    Recommendation updatesThroughImplementAction = recs.get(2);
    LocalDate target = LocalDate.now(Today.LONDON).plusMonths(6);
    agree(answers, target);
    agree(updatesThroughImplementAction, target);
    LocalDate today = LocalDate.now(Today.LONDON);
    String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);

    ReportingCycle cycle = cycles.open(name, today, today.plusDays(14), "helen");
    assertThat(askEveryone(cycle)).as("two recommendations per transaction in tests").isGreaterThan(1);

    for (Recommendation rec : recs) {
      assertThat(task(rec, "Task_ProvideProgressUpdate")).as(rec.getBusinessKey()).isNotNull();
    }
    Task silentTask = task(silent, "Task_ProvideProgressUpdate");
    assertThat(silentTask.getName()).isEqualTo("Provide progress update · " + silent.getBusinessKey());
    assertThat(silentTask.getDueDate()).isEqualTo(Today.endOfDay(today.plusDays(14)));
    // The cycle asks every open recommendation in the register, other tests' too: look at this audit's.
    List<String> keys = recs.stream().map(Recommendation::getBusinessKey).toList();
    List<MimeMessage> requests = mail("Update requested for " + name + ": ").stream()
        .filter(m -> keys.contains(subject(m).substring(subject(m).lastIndexOf(": ") + 2))).toList();
    assertThat(requests).extracting(m -> subject(m).substring(subject(m).lastIndexOf(": ") + 2))
        .containsExactlyInAnyOrderElementsOf(keys);
    assertThat(requests).extracting(TestSmtp::recipient).containsOnly("olivia@council.example");
    assertThat(requests).anySatisfy(m -> assertThat(plainText(m))
        .contains("https://rectify.council.example/camunda/app/tasklist/default/#/?task=" + silentTask.getId()));

    complete(answers, "Task_ProvideProgressUpdate", "olivia", "progressUpdate", "Half the controls are in place.");
    complete(updatesThroughImplementAction, "Task_ImplementAction", "olivia", "implementationStep", "PROGRESS_UPDATE",
        "progressUpdate", "Procedure drafted.");
    assertThat(updates.findFirstByRecommendationIdOrderByPostedAtDescIdDesc(answers.getId()).orElseThrow()
        .getReportingCycle().getId()).isEqualTo(cycle.getId());

    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(today.plusDays(15).atTime(9, 0), Today.LONDON).toInstant()));
    recs.forEach(this::runDueJobs);

    assertThat(missed.findByReportingCycleIdOrderByRecommendationIdAsc(cycle.getId()))
        .extracting(m -> m.getRecommendationId()).containsExactly(silent.getId());
    assertThat(instanceOf(silent)).hasPassed("Task_FlagNoUpdate");
    assertThat(queries.detail(silent.getId()).noUpdateReceived())
        .extracting(RecommendationDetail.MissedUpdateView::reportingCycle).containsExactly(name);
    assertThat(queries.detail(answers.getId()).noUpdateReceived()).isEmpty();
    assertThat(task(silent, "Task_ProvideProgressUpdate")).isNull();
    assertThat(task(updatesThroughImplementAction, "Task_ProvideProgressUpdate")).isNull();
    List<MimeMessage> flags = mail("No update received this cycle: ");
    assertThat(flags.stream().filter(m -> subject(m).contains(silent.getBusinessKey())))
        .extracting(TestSmtp::recipient).containsExactly("sam@council.example");
    assertThat(flags.stream().filter(m -> subject(m).contains(answers.getBusinessKey())
        || subject(m).contains(updatesThroughImplementAction.getBusinessKey()))).isEmpty();
  }
}
