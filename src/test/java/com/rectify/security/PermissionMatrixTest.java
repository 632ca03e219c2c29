package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.Groups;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.demo.DemoUsers;
import com.rectify.evidence.Evidence;
import com.rectify.evidence.EvidenceUpload;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The permission matrix of the README ("Who may do what"), cell by cell, over HTTP as each role: Camunda's
 * REST API and the webapps' API (Tasklist, Cockpit, Admin) under Camunda's authorizations, and Rectify's own
 * API under {@link com.rectify.recommendation.access.RecommendationAccess}. The users are made here, not the demo
 * users: a council's own users get the same rights by joining the groups.
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

  static final String PASSWORD = "matrix-secret";

  /** One user per role, as a council's administrator would set them up in Camunda Admin. */
  static final Map<String, List<String>> ROLES = Map.ofEntries(
      Map.entry("officer", List.of(Groups.OFFICERS, Groups.ofService("finance"))),
      Map.entry("otherofficer", List.of(Groups.OFFICERS, Groups.ofService("housing"))),
      Map.entry("manager", List.of(Groups.SERVICE_MANAGERS, Groups.ofService("finance"))),
      Map.entry("auditor", List.of(Groups.AUDITORS)),
      Map.entry("head", List.of(Groups.AUDIT_MANAGERS, Groups.AUDITORS)),
      Map.entry("s151", List.of(Groups.SENIOR_OFFICERS, Groups.S151_OFFICER)),
      Map.entry("director", List.of(Groups.SENIOR_OFFICERS, Groups.DIRECTORS)),
      Map.entry("member", List.of(Groups.COMMITTEE)),
      Map.entry("administrator", List.of(Groups.CAMUNDA_ADMIN)),
      // Asked to decide by a decision table: the committee chair (revised dates), and a head of service who
      // is in no other group (Low risks), as a council may set one up.
      Map.entry("chair", List.of(Groups.COMMITTEE, Groups.COMMITTEE_CHAIR)),
      Map.entry("headofservice", List.of(Groups.HEADS_OF_SERVICE)));

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired EvidenceUpload evidenceUpload;
  /** Creates the groups (and the demo users, not used here) when this test runs first. */
  @Autowired DemoUsers demoUsers;

  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> sessions = new HashMap<>();

  /** A finance audit: one recommendation awaiting agreement, one awaiting review (with a file), one awaiting the S151 officer. */
  private String financeAudit;
  private Recommendation awaitingAgreement;
  private Recommendation awaitingReview;
  private Recommendation awaitingRisk;
  private Evidence reviewEvidence;
  /** Essential, its second revised date (the third target date) waiting for the committee chair. */
  private Recommendation awaitingChair;
  /** Medium and Low, not agreed: waiting for a director and a head of service to decide the risk. */
  private Recommendation awaitingDirector;
  private Recommendation awaitingHeadOfService;

  @BeforeAll
  void usersAndRecommendations() {
    demoUsers.ensure();
    ROLES.forEach(this::user);
    financeAudit = "MX-" + UUID.randomUUID().toString().substring(0, 8);
    List<Recommendation> finance = audit(financeAudit, "finance", "High", "High", "High");
    awaitingAgreement = finance.get(0);
    awaitingReview = finance.get(1);
    awaitingRisk = finance.get(2);
    reviewEvidence = toReview(awaitingReview);
    complete(awaitingRisk, LifecycleVariables.TASK_AGREE_ACTION, "mx-officer",
        Map.of("agreement", "NOT_AGREED", "notAgreedReason", "Too costly."));

    List<Recommendation> decided = audit("MXD-" + UUID.randomUUID().toString().substring(0, 8), "finance", "Essential", "Medium", "Low");
    awaitingChair = decided.get(0);
    complete(awaitingChair, LifecycleVariables.TASK_AGREE_ACTION, "mx-officer",
        Map.of("agreement", "AGREED", "agreedAction", "Register kept.", "targetDate", "2030-01-31"));
    askForRevisedDate(awaitingChair, "2030-06-30");
    complete(awaitingChair, LifecycleVariables.TASK_APPROVE_REVISED_DATE, "mx-head", Map.of("revisionDecision", "APPROVED"));
    askForRevisedDate(awaitingChair, "2030-12-31");
    assertThat(candidateGroups(openTask(awaitingChair, LifecycleVariables.TASK_APPROVE_REVISED_DATE)))
        .as("the decision table gives a second revision of an Essential to the chair").containsExactly(Groups.COMMITTEE_CHAIR);
    awaitingDirector = decided.get(1);
    complete(awaitingDirector, LifecycleVariables.TASK_AGREE_ACTION, "mx-officer",
        Map.of("agreement", "NOT_AGREED", "notAgreedReason", "Too costly."));
    assertThat(candidateGroups(openTask(awaitingDirector, LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK))).containsExactly(Groups.DIRECTORS);
    awaitingHeadOfService = decided.get(2);
    complete(awaitingHeadOfService, LifecycleVariables.TASK_AGREE_ACTION, "mx-officer",
        Map.of("agreement", "NOT_AGREED", "notAgreedReason", "Too costly."));
    assertThat(candidateGroups(openTask(awaitingHeadOfService, LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK)))
        .containsExactly(Groups.HEADS_OF_SERVICE);
  }

  // ---------------------------------------------------------------- tasks: Tasklist and /engine-rest

  @ParameterizedTest(name = "{0} sees the officer''s task: {1}")
  @CsvSource({"officer, 1", "otherofficer, 0", "manager, 1", "auditor, 1", "head, 1", "s151, 0", "director, 0",
      "member, 0", "administrator, 0"})
  void theOfficersTaskThroughEngineRest(String role, int visible) throws Exception {
    assertThat(taskCount(role, "/engine-rest/task/count?processInstanceBusinessKey=" + awaitingAgreement.getBusinessKey()))
        .isEqualTo(visible);
  }

  @ParameterizedTest(name = "{0} sees the officer''s task in Tasklist: {1}")
  @CsvSource({"officer, 1", "otherofficer, 0", "manager, 1", "auditor, 1", "head, 1", "s151, 0", "director, 0",
      "member, 0", "administrator, 0"})
  void theOfficersTaskInTasklist(String role, int visible) throws Exception {
    assertThat(webappCount(role, "/camunda/api/engine/engine/default/task/count?processInstanceBusinessKey="
        + awaitingAgreement.getBusinessKey())).isEqualTo(visible);
  }

  @ParameterizedTest(name = "{0} sees the risk decision asked of the S151 officer: {1}")
  @CsvSource({"officer, 0", "otherofficer, 0", "manager, 0", "auditor, 1", "head, 1", "s151, 1", "director, 0",
      "member, 0", "administrator, 0"})
  void theRiskDecisionThroughEngineRest(String role, int visible) throws Exception {
    assertThat(taskCount(role, "/engine-rest/task/count?processInstanceBusinessKey=" + awaitingRisk.getBusinessKey()))
        .isEqualTo(visible);
  }

  @ParameterizedTest(name = "{0} completes the officer''s task through /engine-rest: {1}")
  @CsvSource({"officer, 204", "otherofficer, 403", "manager, 204", "auditor, 403", "head, 403", "s151, 403",
      "director, 403", "member, 403", "administrator, 403"})
  void completingTheOfficersTask(String role, int status) throws Exception {
    Recommendation fresh = audit("MXA-" + UUID.randomUUID().toString().substring(0, 8), "finance", "Low").get(0);
    Task agree = openTask(fresh, LifecycleVariables.TASK_AGREE_ACTION);
    HttpResponse<String> answer = basic(role, "POST", "/engine-rest/task/" + agree.getId() + "/complete",
        "{\"variables\":{\"agreement\":{\"value\":\"AGREED\"},\"agreedAction\":{\"value\":\"Register kept.\"},"
            + "\"targetDate\":{\"value\":\"2030-01-31\"}}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(taskService.createTaskQuery().taskId(agree.getId()).count()).isEqualTo(status == 204 ? 0 : 1);
  }

  /** The auditor's review: Camunda refuses everyone outside auditors, the officer whose evidence it is among them. */
  @ParameterizedTest(name = "{0} completes the auditor''s review through /engine-rest: {1}")
  @CsvSource({"officer, 403", "otherofficer, 403", "manager, 403", "auditor, 204", "head, 204", "s151, 403",
      "director, 403", "member, 403", "administrator, 403"})
  void completingTheAuditorsReview(String role, int status) throws Exception {
    Recommendation fresh = audit("MXR-" + UUID.randomUUID().toString().substring(0, 8), "finance", "Low").get(0);
    toReview(fresh);
    Task review = openTask(fresh, LifecycleVariables.TASK_REVIEW_EVIDENCE);
    HttpResponse<String> answer = basic(role, "POST", "/engine-rest/task/" + review.getId() + "/complete",
        "{\"variables\":{\"reviewOutcome\":{\"value\":\"IMPLEMENTED\"},\"reviewComment\":{\"value\":\"Seen.\"}}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(status == 204 ? 0 : 1);
  }

  // ---------------------------------------------------------------- Rectify's API and pages

  @ParameterizedTest(name = "{0} reads a finance recommendation by id: {1}")
  @CsvSource({"officer, 200", "otherofficer, 403", "manager, 200", "auditor, 200", "head, 200", "s151, 403",
      "director, 403", "member, 200", "administrator, 403"})
  void readingARecommendation(String role, int status) throws Exception {
    assertThat(basic(role, "GET", "/api/recommendations/" + awaitingAgreement.getId(), null).statusCode()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} reads the recommendation whose risk the S151 officer is asked to accept: {1}")
  @CsvSource({"officer, 200", "otherofficer, 403", "manager, 200", "auditor, 200", "head, 200", "s151, 200",
      "director, 403", "member, 200", "administrator, 403"})
  void readingARecommendationAwaitingRiskAcceptance(String role, int status) throws Exception {
    assertThat(basic(role, "GET", "/api/recommendations/" + awaitingRisk.getId(), null).statusCode()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} lists the finance audit''s recommendations: {1}")
  @CsvSource({"officer, 3", "otherofficer, 0", "manager, 3", "auditor, 3", "head, 3", "s151, 1", "director, 0",
      "member, 3", "administrator, 0"})
  void listingRecommendations(String role, int count) throws Exception {
    HttpResponse<String> answer = basic(role, "GET", "/api/recommendations?audit=" + financeAudit, null);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).get("total").asInt()).isEqualTo(count);
  }

  @ParameterizedTest(name = "{0} downloads the evidence file through the API: {1}")
  @CsvSource({"officer, 200", "otherofficer, 403", "manager, 200", "auditor, 200", "head, 200", "s151, 403",
      "director, 403", "member, 403", "administrator, 403"})
  void downloadingEvidence(String role, int status) throws Exception {
    assertThat(basic(role, "GET", "/api/recommendations/" + awaitingReview.getId() + "/evidence/" + reviewEvidence.getId(), null)
        .statusCode()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} opens the evidence page: {1}")
  @CsvSource({"officer, 200", "otherofficer, 403", "manager, 200", "auditor, 200", "head, 200", "s151, 403",
      "director, 403", "member, 403", "administrator, 403"})
  void openingTheEvidencePage(String role, int status) throws Exception {
    assertThat(page(role, "/recommendations/" + awaitingReview.getId() + "/evidence").statusCode()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} reads the committee report: {1}")
  @CsvSource({"officer, 403", "otherofficer, 403", "manager, 403", "auditor, 200", "head, 200", "s151, 200",
      "director, 200", "member, 200", "administrator, 200"})
  void readingTheCommitteeReport(String role, int status) throws Exception {
    assertThat(basic(role, "GET", "/api/reports/committee?format=json", null).statusCode()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} opens a finance recommendation's page: {1}")
  @CsvSource({"officer, 200", "otherofficer, 404", "manager, 200", "auditor, 200", "head, 200", "s151, 404",
      "director, 404", "member, 200", "administrator, 404"})
  void openingARecommendationPage(String role, int status) throws Exception {
    assertThat(page(role, "/recommendations/" + awaitingReview.getId()).statusCode()).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} opens the page of the recommendation whose risk the S151 officer is asked to accept: {1}")
  @CsvSource({"officer, 200", "otherofficer, 404", "s151, 200", "director, 404", "member, 200"})
  void openingTheRiskRecommendationsPage(String role, int status) throws Exception {
    assertThat(page(role, "/recommendations/" + awaitingRisk.getId()).statusCode()).isEqualTo(status);
  }

  // ---------------------------------------------------------------- whoever a decision table asks to decide

  @ParameterizedTest(name = "{0} reads the recommendation whose revised date the chair is asked to decide: API {1}, page {2}, evidence page {3}")
  @CsvSource({"chair, 200, 200, 200", "member, 200, 200, 403", "officer, 200, 200, 200", "otherofficer, 403, 404, 403",
      "head, 200, 200, 200", "s151, 403, 404, 403", "director, 403, 404, 403", "headofservice, 403, 404, 403",
      "administrator, 403, 404, 403"})
  void whatTheChairIsAskedToDecide(String role, int api, int page, int evidencePage) throws Exception {
    assertReads(role, awaitingChair, api, page, evidencePage);
  }

  @ParameterizedTest(name = "{0} reads the recommendation whose Medium risk a director is asked to accept: API {1}, page {2}, evidence page {3}")
  @CsvSource({"director, 200, 200, 200", "s151, 403, 404, 403", "headofservice, 403, 404, 403", "chair, 200, 200, 403",
      "otherofficer, 403, 404, 403", "administrator, 403, 404, 403"})
  void whatADirectorIsAskedToDecide(String role, int api, int page, int evidencePage) throws Exception {
    assertReads(role, awaitingDirector, api, page, evidencePage);
  }

  @ParameterizedTest(name = "{0} reads the recommendation whose Low risk a head of service is asked to accept: API {1}, page {2}, evidence page {3}")
  @CsvSource({"headofservice, 200, 200, 200", "director, 403, 404, 403", "s151, 403, 404, 403", "otherofficer, 403, 404, 403"})
  void whatAHeadOfServiceIsAskedToDecide(String role, int api, int page, int evidencePage) throws Exception {
    assertReads(role, awaitingHeadOfService, api, page, evidencePage);
  }

  @ParameterizedTest(name = "{0} lists and exports the recommendations they are asked to decide: {1}")
  @CsvSource({"chair, 3", "director, 1", "headofservice, 1", "s151, 0", "otherofficer, 0"})
  void listingWhatTheyAreAskedToDecide(String role, int count) throws Exception {
    String audit = awaitingChair.getBusinessKey().substring(0, awaitingChair.getBusinessKey().indexOf('/'));
    HttpResponse<String> answer = basic(role, "GET", "/api/recommendations?audit=" + audit, null);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).get("total").asInt()).isEqualTo(count);
    HttpResponse<String> export = page(role, "/register/export?format=csv&audit=" + audit);
    assertThat(export.body().lines().filter(line -> line.startsWith(audit + "/")).count()).isEqualTo(count);
  }

  /** Which recommendation a task is on is the engine's record of it, not a variable that names one. */
  @org.junit.jupiter.api.Test
  void aVariableNamingARecommendationOpensNothing() throws Exception {
    Recommendation tampered = audit("MXT-" + UUID.randomUUID().toString().substring(0, 8), "finance", "Medium").get(0);
    complete(tampered, LifecycleVariables.TASK_AGREE_ACTION, "mx-officer",
        Map.of("agreement", "NOT_AGREED", "notAgreedReason", "Too costly."));
    runtimeService.setVariable(openTask(tampered, LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK).getProcessInstanceId(),
        LifecycleVariables.RECOMMENDATION_ID, awaitingReview.getId());
    assertReads("director", tampered, 200, 200, 200);
    assertReads("director", awaitingReview, 403, 404, 403);
  }

  @ParameterizedTest(name = "{0} exports the finance audit from the register: {1} rows")
  @CsvSource({"officer, 3", "otherofficer, 0", "manager, 3", "auditor, 3", "head, 3", "s151, 1", "director, 0",
      "member, 3", "administrator, 0"})
  void exportingTheRegister(String role, int rows) throws Exception {
    HttpResponse<String> answer = page(role, "/register/export?format=csv&audit=" + financeAudit);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body().lines().filter(line -> line.startsWith(financeAudit + "/")).count()).isEqualTo(rows);
  }

  @ParameterizedTest(name = "{0} opens the dashboard {1} and process analytics {2}")
  @CsvSource({"officer, 200, 403", "otherofficer, 200, 403", "manager, 200, 403", "auditor, 200, 200", "head, 200, 200",
      "s151, 200, 403", "director, 200, 403", "member, 200, 200", "administrator, 200, 403"})
  void theDashboardAndAnalytics(String role, int dashboard, int analytics) throws Exception {
    assertThat(page(role, "/dashboard").statusCode()).isEqualTo(dashboard);
    assertThat(page(role, "/analytics").statusCode()).isEqualTo(analytics);
  }

  @ParameterizedTest(name = "{0} raises an audit through the API: {1}")
  @CsvSource({"officer, 403", "otherofficer, 403", "manager, 403", "auditor, 201", "head, 201", "s151, 403",
      "director, 403", "member, 403", "administrator, 403"})
  void raisingAnAudit(String role, int status) throws Exception {
    String reference = "MXN-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> answer = basic(role, "POST", "/api/audits", "{\"reference\":\"" + reference
        + "\",\"title\":\"Matrix\",\"service\":\"finance\",\"reportIssuedOn\":\"" + LocalDate.now() + "\",\"recommendations\":["
        + "{\"reference\":\"1\",\"recommendation\":\"Keep a register.\",\"grade\":\"Low\",\"leadOfficer\":\"mx-officer\"}]}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
  }

  // ---------------------------------------------------------------- the webapps: which may each role open

  @ParameterizedTest(name = "{0} opens Tasklist {1}, Cockpit {2}, Admin {3}")
  @CsvSource({"officer, true, false, false", "otherofficer, true, false, false", "manager, true, false, false",
      "auditor, true, true, false", "head, true, true, false", "s151, true, false, false", "director, true, false, false",
      "member, true, false, false", "administrator, true, true, true"})
  void theWebappsEachRoleMayOpen(String role, boolean tasklist, boolean cockpit, boolean admin) throws Exception {
    HttpResponse<String> answer = page(role, "/camunda/api/admin/auth/user/default");
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode apps = json.readTree(answer.body()).get("authorizedApps");
    assertThat(apps.toString()).as("authorized apps of " + role)
        .satisfies(text -> assertThat(text.contains("\"tasklist\"")).isEqualTo(tasklist))
        .satisfies(text -> assertThat(text.contains("\"cockpit\"")).isEqualTo(cockpit))
        .satisfies(text -> assertThat(text.contains("\"admin\"")).isEqualTo(admin));
    assertThat(page(role, "/camunda/app/admin/default/").statusCode()).isEqualTo(admin ? 200 : 403);
    // No H2 console outside the dev profile (H2ConsoleTest): not found for an administrator, refused to others.
    assertThat(page(role, "/h2-console/").statusCode()).isEqualTo(admin ? 404 : 403);
  }

  @ParameterizedTest(name = "{0} sees the recommendation''s process instance, as Cockpit shows it: {1}")
  @CsvSource({"officer, 0", "otherofficer, 0", "manager, 0", "auditor, 1", "head, 1", "s151, 0", "director, 0",
      "member, 0", "administrator, 0"})
  void theProcessInstanceInCockpit(String role, int visible) throws Exception {
    assertThat(webappCount(role, "/camunda/api/engine/engine/default/process-instance/count?businessKey="
        + awaitingAgreement.getBusinessKey())).isEqualTo(visible);
  }

  @ParameterizedTest(name = "{0} creates a user through /engine-rest: {1}")
  @CsvSource({"officer, 403", "auditor, 403", "head, 403", "member, 403", "administrator, 204"})
  void managingUsers(String role, int status) throws Exception {
    String id = "mx-new-" + UUID.randomUUID().toString().substring(0, 6);
    HttpResponse<String> answer = basic(role, "POST", "/engine-rest/user/create",
        "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"New\",\"lastName\":\"Person\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(identityService.createUserQuery().userId(id).count()).isEqualTo(status == 204 ? 1 : 0);
  }

  // ---------------------------------------------------------------- helpers

  private void user(String role, List<String> groups) {
    String id = "mx-" + role;
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName("Matrix");
    user.setLastName(role);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    groups.forEach(group -> identityService.createMembership(id, group));
  }

  private List<Recommendation> audit(String reference, String service, String... grades) {
    List<NewRecommendation> items = new java.util.ArrayList<>();
    for (int i = 0; i < grades.length; i++) {
      items.add(new NewRecommendation(String.valueOf(i + 1), "Recommendation " + (i + 1), null, grades[i], "mx-officer", null));
    }
    Long auditId = audits.create(new NewAudit(reference, "Matrix " + reference, service, LocalDate.now(), items), "mx-head").getId();
    return recommendations.findByAuditIdOrderByIdAsc(auditId);
  }

  private Evidence toReview(Recommendation recommendation) {
    complete(recommendation, LifecycleVariables.TASK_AGREE_ACTION, "mx-officer",
        Map.of("agreement", "AGREED", "agreedAction", "Register kept.", "targetDate", "2030-01-31"));
    Evidence file = evidenceUpload.upload(recommendation.getId(), "register.txt",
        "Register of gifts, signed.".getBytes(StandardCharsets.UTF_8), "mx-officer");
    complete(recommendation, LifecycleVariables.TASK_IMPLEMENT_ACTION, "mx-officer",
        Map.of("implementationStep", "EVIDENCE_SUBMITTED", "evidenceNote", "Done."));
    return file;
  }

  private void assertReads(String role, Recommendation recommendation, int api, int page, int evidencePage) throws Exception {
    assertThat(basic(role, "GET", "/api/recommendations/" + recommendation.getId(), null).statusCode()).as("API").isEqualTo(api);
    assertThat(page(role, "/recommendations/" + recommendation.getId()).statusCode()).as("recommendation page").isEqualTo(page);
    assertThat(page(role, "/recommendations/" + recommendation.getId() + "/evidence").statusCode()).as("evidence page")
        .isEqualTo(evidencePage);
  }

  private void askForRevisedDate(Recommendation recommendation, String date) {
    complete(recommendation, LifecycleVariables.TASK_IMPLEMENT_ACTION, "mx-officer", Map.of("implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", date, "revisionReason", "Supplier delayed."));
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  private Task openTask(Recommendation recommendation, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey()).taskDefinitionKey(key)
        .singleResult();
  }

  private void complete(Recommendation recommendation, String key, String user, Map<String, Object> variables) {
    identityService.setAuthentication(user, ROLES.get(user.substring(3)));
    try {
      taskService.complete(openTask(recommendation, key).getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private int taskCount(String role, String path) throws Exception {
    HttpResponse<String> answer = basic(role, "GET", path, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body()).get("count").asInt();
  }

  /** A count from the webapps' API (Tasklist, Cockpit) with the role's browser session. */
  private int webappCount(String role, String path) throws Exception {
    HttpResponse<String> answer = page(role, path);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body()).get("count").asInt();
  }

  private HttpResponse<String> basic(String role, String method, String path, String body) throws Exception {
    String credentials = Base64.getEncoder().encodeToString(("mx-" + role + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with the role's browser session from the login page, as Tasklist and Rectify's pages make it. */
  private HttpResponse<String> page(String role, String path) throws Exception {
    String session = sessions.get(role);
    if (session == null) {
      session = FormLogin.session(client, base(), "mx-" + role, PASSWORD);
      sessions.put(role, session);
    }
    return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", "JSESSIONID=" + session)
        .header("Accept", "application/json, text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
