package com.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Opening a reporting cycle over HTTP: audit managers only, checked field by field, answered at once. */
@RectifyApplicationTest
class ReportingCycleApiTest {

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  @Test
  void anAuditManagerOpensACycleAndIsAnsweredAtOnceWhileTheUpdatesAreRequestedInTheBackground() {
    String name = "Cycle " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now();
    ResponseEntity<JsonNode> opened = http.withBasicAuth("helen", DemoUsers.PASSWORD).postForEntity("/api/reporting-cycles",
        Map.of("name", name, "asAt", today.toString(), "updateDeadline", today.plusDays(21).toString()), JsonNode.class);

    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(opened.getBody().get("name").asText()).isEqualTo(name);
    assertThat(opened.getBody().get("openedBy").asText()).isEqualTo("helen");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("reporting-cycle")
        .processInstanceBusinessKey("cycle-" + opened.getBody().get("id").asLong()).count()).isEqualTo(1);

    ResponseEntity<JsonNode> again = http.withBasicAuth("helen", DemoUsers.PASSWORD).postForEntity("/api/reporting-cycles",
        Map.of("name", name, "asAt", today.toString(), "updateDeadline", today.plusDays(21).toString()), JsonNode.class);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(again.getBody().get("errors").get(0).get("field").asText()).isEqualTo("name");
  }

  @Test
  void missingOrWrongFieldsAreNamedAndOfficersAreRefused() {
    ResponseEntity<JsonNode> invalid = http.withBasicAuth("helen", DemoUsers.PASSWORD).postForEntity("/api/reporting-cycles",
        Map.of("name", " ", "asAt", LocalDate.now().toString(), "updateDeadline", LocalDate.now().minusDays(1).toString()),
        JsonNode.class);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "updateDeadline");

    ResponseEntity<JsonNode> officer = http.withBasicAuth("olivia", DemoUsers.PASSWORD).postForEntity("/api/reporting-cycles",
        Map.of("name", "Not mine", "asAt", LocalDate.now().toString(), "updateDeadline", LocalDate.now().plusDays(5).toString()),
        JsonNode.class);
    assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
