package com.rectify.notification;

import static com.rectify.notification.TestSmtp.plainText;
import static com.rectify.notification.TestSmtp.recipient;
import static com.rectify.notification.TestSmtp.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.recommendation.Recommendation;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reminders and overdue escalations fire at the times the follow-up policy gives for the grade, moving
 * the engine clock; an approved revised date moves them.
 */
class FollowUpTimersTest extends LifecycleTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired MailDispatcher dispatcher;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static void clockAt(LocalDate day, int hour, int minute) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day.atTime(hour, minute), Today.LONDON).toInstant()));
  }

  /** Runs the jobs that are due by the engine clock, as the job executor would. */
  private void runDueJobs(Recommendation rec) {
    for (int round = 0; round < 5; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(instanceOf(rec).getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private List<MimeMessage> mailAbout(Recommendation rec, String subjectStart) {
    dispatcher.sendDue();
    return TestSmtp.about(smtp, rec.getBusinessKey()).stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
  }

  @Test
  void theOfficerIsRemindedAndManagersEscalatedToAtThePolicysTimesForAHighRecommendation() {
    Recommendation rec = newRecommendation("High");
    LocalDate target = LocalDate.now(Today.LONDON).plusDays(30);
    agree(rec, target);

    // High: reminder 14 days before the target date; overdue 7 days after it became overdue, then every 14 days.
    clockAt(target.minusDays(14), 8, 59);
    runDueJobs(rec);
    assertThat(mailAbout(rec, "Reminder: ")).isEmpty();

    clockAt(target.minusDays(14), 9, 1);
    runDueJobs(rec);
    List<MimeMessage> reminders = mailAbout(rec, "Reminder: ");
    assertThat(reminders).extracting(TestSmtp::recipient).containsExactly("olivia@council.example");
    assertThat(subject(reminders.get(0))).isEqualTo("Reminder: " + rec.getBusinessKey() + " is due on " + UkDates.display(target));
    assertThat(plainText(reminders.get(0))).contains("https://rectify.council.example/recommendations/" + rec.getId() + "/evidence");

    LocalDate firstOverdue = target.plusDays(1 + 7);
    clockAt(firstOverdue.minusDays(1), 12, 0);
    runDueJobs(rec);
    assertThat(mailAbout(rec, "Overdue: ")).isEmpty();

    clockAt(firstOverdue, 9, 1);
    runDueJobs(rec);
    assertThat(mailAbout(rec, "Overdue: ")).extracting(TestSmtp::recipient).containsExactly("olivia@council.example");
    List<MimeMessage> escalations = mailAbout(rec, "Escalation: ");
    assertThat(escalations).extracting(TestSmtp::recipient)
        .as("the finance service's manager and, for High, the directors")
        .containsExactlyInAnyOrder("sam@council.example", "dan@council.example");
    assertThat(subject(escalations.get(0))).isEqualTo("Escalation: " + rec.getBusinessKey() + " is 8 days overdue");

    clockAt(firstOverdue.plusDays(14), 9, 1);
    runDueJobs(rec);
    assertThat(mailAbout(rec, "Overdue: ")).as("repeated at the policy's interval").hasSize(2);
    assertThat(mailAbout(rec, "Reminder: ")).as("one reminder per target date").hasSize(1);
    assertThat(instanceOf(rec)).isWaitingAt("Task_ImplementAction");
  }

  @Test
  void anImplementationEnteredAfterItsFirstEscalationTimeIsEscalatedAtOnce() {
    Recommendation rec = newRecommendation("Medium");
    LocalDate target = LocalDate.now(Today.LONDON).plusDays(10);
    agree(rec, target);
    upload(rec, "olivia");
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "EVIDENCE_SUBMITTED", "evidenceNote", "Done.");

    // Sent back two months after the target date, long past Medium's first escalation (14 days after).
    clockAt(target.plusDays(60), 10, 0);
    complete(rec, "Task_ReviewEvidence", "alice", "reviewOutcome", "MORE_EVIDENCE", "reviewComment", "Not signed.");
    clockAt(target.plusDays(60), 10, 2);
    runDueJobs(rec);

    assertThat(mailAbout(rec, "Overdue: ")).extracting(TestSmtp::recipient).containsExactly("olivia@council.example");
    assertThat(mailAbout(rec, "Escalation: ")).extracting(TestSmtp::recipient).containsExactly("sam@council.example");
    assertThat(mailAbout(rec, "Reminder: ")).as("a reminder before a date already passed is not sent").isEmpty();
  }

  @Test
  void aRedeployedPolicyAppliesToTheNextTimerOfARunningRecommendation() throws Exception {
    Recommendation rec = newRecommendation("High");
    String policy = new String(getClass().getResourceAsStream("/bpmn/follow-up-policy.dmn").readAllBytes(), StandardCharsets.UTF_8)
        .replaceFirst("(LiteralExpression_High_ReminderLeadTime\">\\s*<text>)\"P14D\"", "$1\"P30D\"");
    assertThat(policy).containsPattern("LiteralExpression_High_ReminderLeadTime\">\\s*<text>\"P30D\"");
    String deployment = repositoryService.createDeployment().name("policy change")
        .addString("follow-up-policy.dmn", policy).deploy().getId();
    try {
      LocalDate target = LocalDate.now(Today.LONDON).plusDays(60);
      agree(rec, target);
      Job reminder = managementService.createJobQuery().processInstanceId(instanceOf(rec).getId()).activityId("Timer_Reminder").singleResult();
      assertThat(reminder.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(target.minusDays(30).atTime(9, 0), Today.LONDON).toInstant()));
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  @Test
  void anApprovedRevisedDateMovesTheTimersNoReminderForTheOldDateOneForTheNew() {
    Recommendation rec = newRecommendation("Medium");
    LocalDate target = LocalDate.now(Today.LONDON).plusDays(40);
    LocalDate revised = target.plusDays(60);
    agree(rec, target);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", revised.toString(), "revisionReason", "Supplier delay.");
    complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED");

    assertThat(instanceOf(rec)).hasPassed("Event_TargetDateRevised").isWaitingAt("Task_ImplementAction");
    Job reminder = managementService.createJobQuery().processInstanceId(instanceOf(rec).getId()).activityId("Timer_Reminder").singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(revised.minusDays(14).atTime(9, 0), Today.LONDON).toInstant()));

    clockAt(target.minusDays(14), 9, 1);
    runDueJobs(rec);
    clockAt(target.plusDays(20), 9, 1);
    runDueJobs(rec);
    assertThat(mailAbout(rec, "Reminder: ")).as("nothing for the old date").isEmpty();
    assertThat(mailAbout(rec, "Overdue: ")).isEmpty();

    clockAt(revised.minusDays(14), 9, 1);
    runDueJobs(rec);
    assertThat(mailAbout(rec, "Reminder: ")).singleElement()
        .satisfies(m -> assertThat(subject(m)).endsWith("is due on " + UkDates.display(revised)))
        .satisfies(m -> assertThat(recipient(m)).isEqualTo("olivia@council.example"));
  }
}
