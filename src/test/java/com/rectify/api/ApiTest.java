package com.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import com.rectify.evidence.EvidenceRepository;
import com.rectify.recommendation.RecommendationStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The REST API over HTTP, as a client would use it, with the real engine behind it. */
@RectifyApplicationTest
class ApiTest {

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired EvidenceRepository evidence;

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, DemoUsers.PASSWORD);
  }

  private Map<String, Object> audit(String reference, List<Map<String, Object>> recommendations) {
    return Map.of("reference", reference, "title", "Payroll <b>controls</b>", "service", "finance",
        "reportIssuedOn", "2025-03-31", "recommendations", recommendations);
  }

  private Map<String, Object> rec(String ref, String grade) {
    return Map.of("reference", ref, "recommendation", "<p>Reconcile payroll to the ledger &amp; sign off.</p><script>alert(1)</script>",
        "grade", grade, "leadOfficer", "Olivia Officer/Head of Payroll");
  }

  private JsonNode createAudit(String reference) {
    ResponseEntity<JsonNode> created = as("helen").postForEntity("/api/audits",
        audit(reference, List.of(rec("1", "Significant"), rec("2", "Merits Attention"))), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  @Test
  void everyApiCallNeedsALogin() {
    assertThat(http.getForEntity("/api/recommendations", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A wrong password locks the user for a while, so try it on one no other test here logs in as.
    assertThat(http.withBasicAuth("carol", "wrong").getForEntity("/api/recommendations", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void createsAnAuditWhoseRecommendationsStartTheirLifecycles() {
    String reference = "PAY-" + UUID.randomUUID().toString().substring(0, 6);
    JsonNode body = createAudit(reference);

    assertThat(body.get("recommendations")).hasSize(2);
    JsonNode first = body.get("recommendations").get(0);
    assertThat(first.get("grade").asText()).isEqualTo("HIGH");
    assertThat(first.get("recommendation").asText()).contains("&amp;").doesNotContain("script");
    assertThat(first.get("status").asText()).isEqualTo("AWAITING_AGREEMENT");
    Task agree = taskService.createTaskQuery().processInstanceBusinessKey(reference + "/1").singleResult();
    assertThat(agree.getTaskDefinitionKey()).isEqualTo("Task_AgreeAction");
    assertThat(agree.getAssignee()).as("one lead officer has a login").isEqualTo("olivia");

    JsonNode list = as("alice").getForObject("/api/recommendations?audit=" + reference + "&grade=L", JsonNode.class);
    assertThat(list.get("total").asInt()).isEqualTo(1);
    assertThat(list.get("items").get(0).get("leadOfficer").asText()).isEqualTo("Olivia Officer/Head of Payroll");
  }

  @Test
  void badAuditInputNamesEachFieldAndCreatesNothing() {
    String reference = "BAD-" + UUID.randomUUID().toString().substring(0, 6);
    ResponseEntity<JsonNode> refused = as("helen").postForEntity("/api/audits",
        audit(reference, List.of(rec("1", "Catastrophic"), rec("1", "High"))), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").findValuesAsText("field"))
        .contains("recommendations[0].grade", "recommendations[1].reference");
    assertThat(refused.getBody().toString()).contains("Catastrophic");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    JsonNode list = as("helen").getForObject("/api/recommendations?audit=" + reference, JsonNode.class);
    assertThat(list.get("total").asInt()).isZero();

    ResponseEntity<JsonNode> missing = as("helen").postForEntity("/api/audits",
        Map.of("reference", reference, "service", "finance", "recommendations", List.of()), JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(missing.getBody().get("errors").findValuesAsText("field")).contains("title", "recommendations");

    ResponseEntity<JsonNode> badFilter = as("helen").getForEntity("/api/recommendations?status=LOST&grade=Z", JsonNode.class);
    assertThat(badFilter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badFilter.getBody().get("errors").findValuesAsText("field")).containsExactly("status", "grade");
  }

  @Test
  void evidenceUploadChecksTheStepSizeAndRealType() {
    String reference = "EVI-" + UUID.randomUUID().toString().substring(0, 6);
    long id = createAudit(reference).get("recommendations").get(0).get("id").asLong();
    String url = "/api/recommendations/" + id + "/evidence";
    byte[] pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    ResponseEntity<JsonNode> tooEarly = upload("olivia", url, "plan.pdf", pdf);
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(tooEarly.getBody().get("message").asText()).contains("no open implementation step");

    Task agree = taskService.createTaskQuery().processInstanceBusinessKey(reference + "/1").singleResult();
    ResponseEntity<String> agreed = as("olivia").exchange("/engine-rest/task/" + agree.getId() + "/complete", HttpMethod.POST,
        json(Map.of("variables", Map.of(
            "agreement", Map.of("value", "AGREED"),
            "agreedAction", Map.of("value", "Monthly reconciliation"),
            "targetDate", Map.of("value", LocalDate.now().plusMonths(2).toString())))), String.class);
    assertThat(agreed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    byte[] binary = new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    ResponseEntity<JsonNode> disguised = upload("olivia", url, "evidence.pdf", binary);
    assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(disguised.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");

    ResponseEntity<JsonNode> tooBig = upload("olivia", url, "big.txt", "x".repeat(70 * 1024).getBytes(StandardCharsets.US_ASCII));
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(evidence.findByRecommendationIdOrderByIdAsc(id)).isEmpty();

    ResponseEntity<JsonNode> stored = upload("olivia", url, "reconciliation.pdf", pdf);
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(stored.getBody().get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(stored.getBody().get("sha256").asText()).hasSize(64);

    ResponseEntity<byte[]> back = as("alice").getForEntity(stored.getBody().get("downloadUrl").asText(), byte[].class);
    assertThat(back.getBody()).isEqualTo(pdf);
    Task implement = taskService.createTaskQuery().processInstanceBusinessKey(reference + "/1").singleResult();
    assertThat(runtimeService.getVariables(implement.getProcessInstanceId()).values())
        .as("no file bytes in the engine").noneMatch(v -> v instanceof byte[]);
    assertThat((String) taskService.getVariableLocal(implement.getId(), "taskBrief"))
        .contains("reconciliation\\.pdf").contains("Reconcile payroll to the ledger & sign off").doesNotContain("<p>");
  }

  @Test
  void anOfficerCannotCompleteAnAuditorsReviewThroughTheEngineRestApi() {
    String reference = "ENG-" + UUID.randomUUID().toString().substring(0, 6);
    long id = createAudit(reference).get("recommendations").get(0).get("id").asLong();
    Task agree = taskService.createTaskQuery().processInstanceBusinessKey(reference + "/1").singleResult();
    as("olivia").exchange("/engine-rest/task/" + agree.getId() + "/complete", HttpMethod.POST, json(Map.of("variables", Map.of(
        "agreement", Map.of("value", "AGREED"), "agreedAction", Map.of("value", "Act"),
        "targetDate", Map.of("value", "2030-01-31")))), String.class);
    upload("olivia", "/api/recommendations/" + id + "/evidence", "note.txt", "Done".getBytes(StandardCharsets.UTF_8));
    Task implement = taskService.createTaskQuery().processInstanceBusinessKey(reference + "/1").singleResult();
    as("olivia").exchange("/engine-rest/task/" + implement.getId() + "/submit-form", HttpMethod.POST, json(Map.of("variables", Map.of(
        "implementationStep", Map.of("value", "EVIDENCE_SUBMITTED")))), String.class);
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(reference + "/1").singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewEvidence");

    ResponseEntity<JsonNode> refused = as("olivia").exchange("/engine-rest/task/" + review.getId() + "/complete",
        HttpMethod.POST, json(Map.of("variables", Map.of("reviewOutcome", Map.of("value", "IMPLEMENTED")))), JsonNode.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody().get("message").asText()).contains("Olivia Officer").contains("not offered");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
    JsonNode detail = as("alice").getForObject("/api/recommendations/" + id, JsonNode.class);
    assertThat(detail.get("summary").get("status").asText()).isEqualTo(RecommendationStatus.AWAITING_REVIEW.name());
    assertThat(detail.get("reviews")).isEmpty();
    assertThat(detail.get("statusHistory")).hasSize(3);
    assertThat(detail.get("openTasks").get(0).get("tasklistUrl").asText()).contains(review.getId());
  }

  private ResponseEntity<JsonNode> upload(String user, String url, String filename, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user).postForEntity(url, new HttpEntity<>(form, headers), JsonNode.class);
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
