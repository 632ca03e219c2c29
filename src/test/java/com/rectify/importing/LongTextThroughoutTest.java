package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.common.LifecycleVariables;
import com.rectify.common.TextSanitizer;
import com.rectify.common.UkDates;
import com.rectify.demo.DemoUsers;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.notification.MailDispatcher;
import com.rectify.notification.TestSmtp;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Text of any length goes through the product: 50,000-character recommendations, agreed actions, updates,
 * reasons and comments, imported through the API, typed into Tasklist's forms (through the engine's REST API,
 * as Tasklist sends them), kept by the engine and its history, and read back through the API, the mails and
 * the committee report in every format.
 */
class LongTextThroughoutTest extends LifecycleTestSupport {

  private static final int LONG = 50_000;

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired TestRestTemplate http;
  @Autowired HistoryService historyService;
  @Autowired MailDispatcher dispatcher;

  private final ObjectMapper json = new ObjectMapper();

  /** Ordinary committee prose, with apostrophes and dashes, of {@code length} characters ending in a full stop. */
  static String prose(String opening, int length) {
    StringBuilder text = new StringBuilder(opening).append(' ');
    int n = 0;
    while (text.length() < length) {
      text.append("The Council's officers – paragraph ").append(++n)
          .append(" – reviewed the debtors' ledger, chased the arrears and reported to the committee. ");
    }
    return text.substring(0, length - 1).stripTrailing() + ".";
  }

  @Test
  void fiftyThousandCharactersEverywhere() throws Exception {
    demoUsers.ensure();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String audit = "LONG-" + tag;
    String agreedText = prose("Debts should be chased " + tag + ".", LONG);
    String agreedAction = prose("The team will chase every debt.", LONG);
    String narrative = prose("Update for March 2025.", LONG);
    String unagreedText = prose("Contracts should be registered " + tag + ".", LONG);
    String csv = "Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action,Status\n"
        + "1,\"" + agreedText + "\",High,Olivia Officer," + UkDates.display(LocalDate.now().plusMonths(3)) + ",\""
        + agreedAction + "\",\"" + narrative + "\"\n"
        + "2,\"" + unagreedText + "\",Medium,Olivia Officer,,,\n";

    JsonNode dry = importSheet(csv, audit, true);
    assertThat(dry.get("errorCount").asInt()).as("dry run: %s", dry.get("problems")).isZero();
    assertThat(dry.get("created").asInt()).isEqualTo(2);
    assertThat(recommendations.findByBusinessKey(audit + "/1")).as("a dry run writes nothing").isEmpty();
    JsonNode real = importSheet(csv, audit, false);
    assertThat(real.get("written").asBoolean()).as("import: %s", real.get("problems")).isTrue();

    Recommendation agreed = recommendations.findByBusinessKey(audit + "/1").orElseThrow();
    Recommendation unagreed = recommendations.findByBusinessKey(audit + "/2").orElseThrow();
    sameText("recommendation", TextSanitizer.plain(agreed.getText()), agreedText);
    sameText("agreed action", TextSanitizer.plain(agreed.getAgreedAction()), agreedAction);

    // Tasklist reads the brief through the engine's REST API.
    Task implement = task(agreed, LifecycleVariables.TASK_IMPLEMENT_ACTION);
    JsonNode form = as("olivia").getForObject("/engine-rest/task/" + implement.getId() + "/form-variables", JsonNode.class);
    assertThat(form.get(LifecycleVariables.TASK_BRIEF).get("type").asText()).isEqualTo("String");
    assertThat(form.get(LifecycleVariables.TASK_BRIEF).get("value").asText())
        .contains("Debts should be chased " + tag).doesNotContain("&#39;");

    // The officer agrees the second one with a 50,000-character action, as Tasklist's form sends it.
    String typedAction = prose("We will register every contract.", LONG);
    completeAsTasklist("olivia", task(unagreed, LifecycleVariables.TASK_AGREE_ACTION), Map.of(
        "agreement", "AGREED", "agreedAction", typedAction,
        "targetDate", LocalDate.now().plusMonths(2).toString()));
    executeJobs(unagreed);
    sameText("typed action", TextSanitizer.plain(reload(unagreed).getAgreedAction()), typedAction);

    // A long update, then a long reason for a revised date, and an auditor's long comment approving it.
    String update = prose("Progress in April.", LONG);
    completeAsTasklist("olivia", task(unagreed, LifecycleVariables.TASK_IMPLEMENT_ACTION), Map.of(
        "implementationStep", "PROGRESS_UPDATE", "progressUpdate", update));
    executeJobs(unagreed);
    String reason = prose("The supplier is late.", LONG);
    completeAsTasklist("olivia", task(unagreed, LifecycleVariables.TASK_IMPLEMENT_ACTION), Map.of(
        "implementationStep", "REVISION_REQUESTED", "requestedTargetDate", LocalDate.now().plusMonths(5).toString(),
        "revisionReason", reason));
    executeJobs(unagreed);
    String comment = prose("Agreed, given the supplier " + tag + ".", LONG);
    completeAsTasklist("alice", task(unagreed, LifecycleVariables.TASK_APPROVE_REVISED_DATE), Map.of(
        "revisionDecision", "APPROVED", "decisionComment", comment));
    executeJobs(unagreed);
    assertThat(statusOf(unagreed)).isEqualTo(RecommendationStatus.IN_IMPLEMENTATION);

    // The engine's history keeps what was typed, whole.
    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(unagreed.getBusinessKey())
        .singleResult().getId();
    assertThat(historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(instance).list())
        .as("the typed action in the engine's history")
        .anyMatch(d -> typedAction.equals(((HistoricVariableUpdate) d).getValue()));

    // The API gives it all back.
    JsonNode detail = as("alice").getForObject("/api/recommendations/" + unagreed.getId(), JsonNode.class);
    sameText("API agreed action", TextSanitizer.plain(detail.get("agreedAction").asText()), typedAction);
    assertThat(detail.get("updates")).as("API updates hold the whole update")
        .anyMatch(u -> TextSanitizer.plain(u.get("text").asText()).equals(update));
    assertThat(detail.get("revisions").toString()).contains(reason.substring(0, 200));

    // The officer's mail carries the whole comment.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      dispatcher.sendDue();
      List<MimeMessage> mails = TestSmtp.about(smtp, tag);
      assertThat(mails).anySatisfy(m -> assertThat(TestSmtp.plainText(m).replaceAll("\\s+", " "))
          .contains(comment.substring(comment.length() - 300).strip()));
    });

    // The committee report, in every format, as the committee reads it.
    JsonNode report = as("carol").getForObject("/api/reports/committee?format=json", JsonNode.class);
    assertThat(report.toString()).contains("Debts should be chased " + tag);
    for (String format : List.of("html", "pdf", "csv", "xlsx")) {
      ResponseEntity<byte[]> rendered = as("carol").getForEntity("/api/reports/committee?format=" + format, byte[].class);
      assertThat(rendered.getStatusCode().value()).as(format).isEqualTo(200);
      assertThat(rendered.getBody()).as(format).isNotEmpty();
    }
    try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(
        as("carol").getForObject("/api/reports/committee?format=xlsx", byte[].class)))) {
      String cut = null;
      for (var sheet : workbook) {
        for (var row : sheet) {
          for (var cell : row) {
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                && cell.getStringCellValue().contains("Debts should be chased " + tag)) {
              cut = cell.getStringCellValue();
            }
          }
        }
      }
      assertThat(cut).as("the long recommendation in the workbook").isNotNull().hasSize(32_767)
          .endsWith("the full text is on the recommendation's page)");
    }
  }

  private static void sameText(String what, String actual, String expected) {
    if (!expected.equals(actual)) {
      int at = 0;
      while (actual != null && at < Math.min(actual.length(), expected.length()) && actual.charAt(at) == expected.charAt(at)) {
        at++;
      }
      throw new AssertionError(what + ": " + (actual == null ? "missing" : actual.length() + " characters, expected "
          + expected.length() + "; first difference at " + at + ": \""
          + actual.substring(at, Math.min(actual.length(), at + 80)) + "\""));
    }
  }

  private JsonNode importSheet(String csv, String audit, boolean dryRun) throws Exception {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "long.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = as("helen").postForEntity("/api/imports?dryRun=" + dryRun + "&audit=" + audit
        + "&auditTitle=Long texts&service=finance", new HttpEntity<>(form, headers), String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  private void completeAsTasklist(String user, Task task, Map<String, String> values) throws Exception {
    StringBuilder body = new StringBuilder("{\"variables\":{");
    String separator = "";
    for (Map.Entry<String, String> value : values.entrySet()) {
      body.append(separator).append(json.writeValueAsString(value.getKey())).append(":{\"type\":\"String\",\"value\":")
          .append(json.writeValueAsString(value.getValue())).append('}');
      separator = ",";
    }
    body.append("}}");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
      ResponseEntity<String> claimed = as(user).postForEntity("/engine-rest/task/" + task.getId() + "/claim",
          new HttpEntity<>("{\"userId\":\"" + user + "\"}", headers), String.class);
      assertThat(claimed.getStatusCode().is2xxSuccessful()).as(claimed.getBody()).isTrue();
    }
    ResponseEntity<String> completed = as(user).postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        new HttpEntity<>(body.toString(), headers), String.class);
    assertThat(completed.getStatusCode().is2xxSuccessful()).as("%s completing %s: %s", user,
        task.getTaskDefinitionKey(), completed.getBody()).isTrue();
  }

  /** Signed in as this person: the engine's REST API (as Tasklist calls it) and Rectify's API take the same login. */
  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, DemoUsers.PASSWORD);
  }
}
