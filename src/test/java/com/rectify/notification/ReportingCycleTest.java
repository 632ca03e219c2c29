package com.rectify.notification;

import static com.rectify.notification.TestSmtp.plainText;
import static com.rectify.notification.TestSmtp.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.demo.DemoUsers;
import com.rectify.cycle.MissedUpdateRepository;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycles;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.api.RecommendationDetail;
import com.rectify.recommendation.api.RecommendationQueries;
import com.rectify.security.FormLogin;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reporting cycle asks every recommendation in implementation for an update, in chunks, and flags the ones that
 * miss the deadline; those with nothing of their own to do are not asked, and the cycles page says so.
 */
class ReportingCycleTest extends LifecycleTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired ReportingCycles cycles;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired MissedUpdateRepository missed;
  @Autowired ProgressUpdateRepository updates;
  @Autowired MailDispatcher dispatcher;
  @Autowired RecommendationQueries queries;
  @Autowired JdbcTemplate jdbc;
  @Autowired UpdateRequestDigest digest;
  @Autowired Notifications notifications;
  @Autowired PlatformTransactionManager transactionManager;
  private TransactionTemplate transactions;

  @BeforeEach
  void transactions() {
    transactions = new TransactionTemplate(transactionManager);
  }
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Runs the cycle's jobs as the job executor would, until it has none; returns how many chunks it was asked in. */
  private int askEveryone(ReportingCycle cycle) {
    ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("cycle-" + cycle.getId()).singleResult();
    for (List<Job> due = managementService.createJobQuery().processInstanceId(process.getId()).list(); !due.isEmpty();
        due = managementService.createJobQuery().processInstanceId(process.getId()).list()) {
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    assertThat(process).isEnded().hasPassed("EndEvent_AllAsked");
    return (int) historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
        .activityId("Task_RequestCycleUpdates").count();
  }

  private void runDueJobs(Recommendation rec) {
    managementService.createJobQuery().processInstanceId(instanceOf(rec).getId()).executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
  }

  /** The cycle's update-request mails, one a person: for one recommendation or for several. */
  private List<MimeMessage> requests(String cycleName) {
    dispatcher.sendDue();
    return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith("Update requested for " + cycleName + ": ")
        || subject(m).startsWith("Updates requested for " + cycleName + ": ")).toList();
  }

  private List<MimeMessage> mail(String subjectStart) {
    dispatcher.sendDue();
    return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).startsWith(subjectStart)).toList();
  }

  @Test
  void aCycleAsksOnlyRecommendationsInImplementationAndThePageSaysHowManyAndWhyTheOthersWereNot() throws Exception {
    List<Recommendation> recs = newAudit("Olivia Officer", "High", "Medium", "Low", "Medium");
    Recommendation notAgreedYet = recs.get(0);
    Recommendation inImplementation = recs.get(1);
    Recommendation underReview = recs.get(2);
    Recommendation awaitingRisk = recs.get(3);
    LocalDate target = LocalDate.now(Today.LONDON).plusMonths(6);
    agree(inImplementation, target);
    agree(underReview, target);
    submitEvidence(underReview);
    notAgree(awaitingRisk);
    assertThat(List.of(statusOf(notAgreedYet), statusOf(inImplementation), statusOf(underReview), statusOf(awaitingRisk)))
        .containsExactly(RecommendationStatus.AWAITING_AGREEMENT, RecommendationStatus.IN_IMPLEMENTATION,
            RecommendationStatus.AWAITING_REVIEW, RecommendationStatus.AWAITING_RISK_ACCEPTANCE);
    // The cycle goes through the whole register, other tests' recommendations too: count what it will find.
    int inImplementationNow = count("status = 'IN_IMPLEMENTATION'");
    int othersOpenNow = count("status in ('AWAITING_AGREEMENT', 'AWAITING_REVIEW', 'AWAITING_RISK_ACCEPTANCE')");
    LocalDate today = LocalDate.now(Today.LONDON);
    String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);

    ReportingCycle cycle = cycles.open(name, today, today.plusDays(14), "helen");
    assertThat(row(name)).as("while it is being asked").contains("Being asked now.");
    askEveryone(cycle);

    assertThat(task(inImplementation, "Task_ProvideProgressUpdate")).isNotNull();
    for (Recommendation rec : List.of(notAgreedYet, underReview, awaitingRisk)) {
      assertThat(task(rec, "Task_ProvideProgressUpdate")).as(rec.getBusinessKey()).isNull();
      assertThat(instanceOf(rec)).as(rec.getBusinessKey()).hasNotPassed("Task_ProvideProgressUpdate");
    }
    assertThat(requests(name)).filteredOn(m -> TestSmtp.recipient(m).equals("olivia@council.example")).singleElement()
        .satisfies(m -> assertThat(plainText(m)).contains(inImplementation.getBusinessKey() + " (Medium)")
            .doesNotContain(notAgreedYet.getBusinessKey() + " ", underReview.getBusinessKey() + " ", awaitingRisk.getBusinessKey() + " "));

    ReportingCycle asked = cycles.byId(cycle.getId());
    assertThat(asked.getAskedCount()).isEqualTo(inImplementationNow);
    assertThat(asked.getNotAskedCount()).isEqualTo(othersOpenNow);
    assertThat(row(name))
        .contains(inImplementationNow + (inImplementationNow == 1 ? " recommendation" : " recommendations")
            + " in implementation asked for an update.")
        .contains(othersOpenNow + " other open ones were not asked: not yet agreed, evidence under review or awaiting a risk"
            + " decision, nothing is theirs to do yet.")
        .doesNotContain("IN_IMPLEMENTATION");
  }

  /**
   * A council upgrades while a cycle is being asked: the cycle, started on the first version of the process, waits
   * at its next chunk after a cursor. This version's step asks all the rest at once, and the cycle ends as before.
   */
  @Test
  void aCycleOfTheFirstVersionPartWayThroughWhenThisVersionComesAsksAllTheRest() {
    List<Recommendation> recs = agreedAudit("High", "Medium");
    String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);
    onEarlierVersion("1.0.0", () -> {
      ReportingCycle cycle = cycles.open(name, LocalDate.now(Today.LONDON), LocalDate.now(Today.LONDON).plusDays(14), "helen");
      ProcessInstance process = processOf(cycle, "1.0.0");
      runtimeService.setVariable(process.getId(), LifecycleVariables.CYCLE_CURSOR_OF_VERSION_1, recs.get(0).getId() - 1);

      askEveryone(cycle);

      for (Recommendation rec : recs) {
        assertThat(task(rec, "Task_ProvideProgressUpdate")).as(rec.getBusinessKey()).isNotNull();
      }
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
          .activityId("Task_RequestCycleUpdates").count()).as("the rest asked at once, then the mail sent").isEqualTo(2);
      ReportingCycle asked = cycles.byId(cycle.getId());
      assertThat(asked.getAskedCount()).isEqualTo(count("status = 'IN_IMPLEMENTATION' and id >= " + recs.get(0).getId()));
      assertThat(asked.getAllAskedAt()).isNotNull();
      assertOneMailToOliviaNaming(name, recs);
    });
  }

  /**
   * A council upgrades while a cycle of version 2.0.0 is being asked: its chunks now make their tasks without a mail
   * of their own, and that version has no step for the cycle's mail, so its last step sends it.
   */
  @Test
  void aCycleOfVersion2StillAskingWhenThisVersionComesStillMailsEachPersonOnce() {
    List<Recommendation> recs = agreedAudit("High", "Medium");
    String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);
    onEarlierVersion("2.0.0", () -> {
      ReportingCycle cycle = cycles.open(name, LocalDate.now(Today.LONDON), LocalDate.now(Today.LONDON).plusDays(14), "helen");
      ProcessInstance process = processOf(cycle, "2.0.0");

      askEveryone(cycle);

      assertThat(process).hasNotPassed("Task_SendUpdateRequests");
      assertOneMailToOliviaNaming(name, recs);
    });
  }

  private List<Recommendation> agreedAudit(String... grades) {
    List<Recommendation> recs = newAudit("Olivia Officer", grades);
    recs.forEach(rec -> agree(rec, LocalDate.now(Today.LONDON).plusMonths(6)));
    return recs;
  }

  /** Runs {@code test} with an earlier version of the cycle's process deployed as the latest, as before an upgrade. */
  private void onEarlierVersion(String versionTag, Runnable test) {
    String deployment = repositoryService.createDeployment().name("reporting-cycle " + versionTag)
        .addClasspathResource("compat/reporting-cycle-" + versionTag + ".bpmn").deploy().getId();
    try {
      test.run();
    } finally {
      repositoryService.deleteDeployment(deployment, true);
    }
  }

  private ProcessInstance processOf(ReportingCycle cycle, String versionTag) {
    ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("cycle-" + cycle.getId()).singleResult();
    assertThat(repositoryService.getProcessDefinition(process.getProcessDefinitionId()).getVersionTag()).isEqualTo(versionTag);
    return process;
  }

  @Test
  void anUpdateTaskNoOneLeadOfficerHoldsIsInTheMailOfEveryoneInTheServiceItIsOfferedTo() {
    Recommendation rec = newAudit("Head of Financial Services", "High").get(0);
    agree(rec, LocalDate.now(Today.LONDON).plusMonths(6));
    LocalDate today = LocalDate.now(Today.LONDON);
    String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);

    askEveryone(cycles.open(name, today, today.plusDays(14), "helen"));

    assertThat(task(rec, "Task_ProvideProgressUpdate").getAssignee()).isNull();
    assertThat(requests(name)).filteredOn(m -> plainText(m).contains(rec.getBusinessKey() + " ("))
        .extracting(TestSmtp::recipient).containsExactlyInAnyOrder("olivia@council.example", "sam@council.example");
  }

  @Test
  void aPersonsMailNamesTheFirstOfTheirUpdatesAndSaysTasklistListsThemAll() {
    List<Recommendation> recs = newAudit("Olivia Officer", "High", "Medium", "Low");
    LocalDate today = LocalDate.now(Today.LONDON);
    String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);
    ReportingCycle cycle = cycles.open(name, today, today.plusDays(14), "helen");
    askEveryone(cycle);
    Recipients.Person reader = new Recipients.Person("olivia", "Olivia Officer", "olivia.cut@council.example");

    transactions.executeWithoutResult(status -> notifications.updatesRequested(cycles.byId(cycle.getId()), reader,
        recommendations.findWithAuditByBusinessKeyIn(recs.stream().map(Recommendation::getBusinessKey).toList()).stream()
            .sorted(Comparator.comparing(Recommendation::getId))
            .map(rec -> new Notifications.AskedUpdate("task-of-" + rec.getId(), rec)).toList(), 2));

    assertThat(requests(name)).filteredOn(m -> TestSmtp.recipient(m).equals(reader.email())).singleElement().satisfies(m -> {
      assertThat(subject(m)).isEqualTo("Updates requested for " + name + ": 3 recommendations");
      assertThat(plainText(m)).contains("The first 2 are listed here; Tasklist lists all 3.")
          .contains(recs.get(0).getBusinessKey() + " (", recs.get(1).getBusinessKey() + " (")
          .doesNotContain(recs.get(2).getBusinessKey() + " (")
          .containsPattern("Open your tasks in Tasklist:\\R+https://rectify\\.council\\.example/camunda/app/tasklist/default/\\R");
    });
  }

  private void assertOneMailToOliviaNaming(String cycleName, List<Recommendation> recs) {
    assertThat(requests(cycleName)).filteredOn(m -> TestSmtp.recipient(m).equals("olivia@council.example")).singleElement()
        .satisfies(m -> assertThat(plainText(m)).contains(recs.stream().map(rec -> rec.getBusinessKey() + " (").toArray(String[]::new)));
  }

  private int count(String where) {
    return jdbc.queryForObject("select count(*) from recommendation where " + where, Integer.class);
  }

  /** The cycle's row on the reporting cycles page, as the head of audit reads it after signing in. */
  private String row(String cycleName) throws Exception {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String session = FormLogin.session(client, "http://localhost:" + port, "helen", DemoUsers.PASSWORD);
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reporting-cycles"))
        .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr>\\s*<td>" + java.util.regex.Pattern.quote(cycleName)
        + "</td>(.*?)</tr>", java.util.regex.Pattern.DOTALL).matcher(answer.body());
    assertThat(row.find()).as(cycleName + " on the page").isTrue();
    return row.group(1);
  }

  @Test
  void aCycleAsksEveryRecommendationInImplementationAndFlagsTheOneWithoutAnUpdateAtTheDeadline() {
    List<Recommendation> recs = newAudit("Olivia Officer", "High", "Medium", "Low");
    Recommendation answers = recs.get(0);
    Recommendation silent = recs.get(1);
    Recommendation updatesThroughImplementAction = recs.get(2);
    LocalDate target = LocalDate.now(Today.LONDON).plusMonths(6);
    recs.forEach(rec -> agree(rec, target));
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
    // The cycle asks every recommendation in implementation in the register, other tests' too: look at this audit's.
    // One mail to the officer for all theirs, naming each with a link to its task; nobody else is told of them.
    List<MimeMessage> requests = requests(name).stream()
        .filter(m -> recs.stream().anyMatch(rec -> plainText(m).contains(rec.getBusinessKey() + " ("))).toList();
    assertThat(requests).singleElement().satisfies(m -> {
      assertThat(TestSmtp.recipient(m)).isEqualTo("olivia@council.example");
      assertThat(plainText(m)).contains(recs.stream().map(rec -> rec.getBusinessKey() + " (").toArray(String[]::new))
          .contains("https://rectify.council.example/camunda/app/tasklist/default/#/?task=" + silentTask.getId())
          .contains("Please give each by " + UkDates.display(today.plusDays(14)));
      assertThat(TestSmtp.html(m)).contains("href=\"https://rectify.council.example/camunda/app/tasklist/default/#/?task="
          + silentTask.getId() + "\"");
    });
    int sent = smtp.getReceivedMessages().length;
    transactions.executeWithoutResult(status -> digest.send(cycle.getId()));
    dispatcher.sendDue();
    assertThat(smtp.getReceivedMessages()).as("sent again, it mails nobody: once a person a cycle").hasSize(sent);

    // Given to someone else after the cycle asked, the task tells them.
    taskService.setAssignee(silentTask.getId(), "sam");
    assertThat(mail("Update requested for " + name + ": " + silent.getBusinessKey())).extracting(TestSmtp::recipient)
        .containsExactly("sam@council.example");

    complete(answers, "Task_ProvideProgressUpdate", "olivia", "progressUpdate", "Half the controls are in place.");
    complete(updatesThroughImplementAction, "Task_ImplementAction", "olivia", "implementationStep", "PROGRESS_UPDATE",
        "progressUpdate", "Procedure drafted.");
    assertThat(updates.findLatest(answers.getId()).orElseThrow()
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
