package com.rectify.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Every change of a recommendation is in the hash-chained record, and tampering with it shows. */
@RectifyApplicationTest
class ChangeRecordTest {

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired ChangeRecordRepository records;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, DemoUsers.PASSWORD);
  }

  private long createRecommendation() {
    Map<String, Object> audit = Map.of("reference", "CHN-" + UUID.randomUUID().toString().substring(0, 6),
        "title", "Creditors", "service", "finance", "reportIssuedOn", "2025-03-31",
        "recommendations", List.of(Map.of("reference", "1", "recommendation", "Check new suppliers' bank details.",
            "grade", "High", "leadOfficer", "Olivia Officer")));
    ResponseEntity<JsonNode> created = as("helen").postForEntity("/api/audits", audit, JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("recommendations").get(0).get("id").asLong();
  }

  private JsonNode verify() {
    ResponseEntity<JsonNode> answer = as("helen").getForEntity("/api/audit-trail/verify", JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @Test
  void raisingAndWithdrawingARecommendationAreOnTheRecordFieldByField() {
    long id = createRecommendation();
    List<ChangeRecord> raised = records.findByRecommendationIdOrderByIdAsc(id);
    assertThat(raised).extracting(ChangeRecord::getField).contains("text", "grade", "leadOfficer", "status");
    assertThat(raised).allSatisfy(r -> {
      assertThat(r.getActor()).isEqualTo("helen");
      assertThat(r.getVia()).isEqualTo("api");
      assertThat(r.getOldValue()).isNull();
    });

    ResponseEntity<Void> withdrawn = as("helen").postForEntity("/api/recommendations/" + id + "/supersede",
        Map.of("kind", "WITHDRAWN", "reason", "The service was outsourced."), Void.class);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    List<ChangeRecord> all = records.findByRecommendationIdOrderByIdAsc(id);
    assertThat(all).filteredOn(r -> r.getField().equals("closureReason")).singleElement()
        .satisfies(r -> {
          assertThat(r.getNewValue()).isEqualTo("Withdrawn: The service was outsourced.");
          assertThat(r.getActor()).isEqualTo("helen");
        });
    assertThat(all).filteredOn(r -> r.getField().equals("status")).extracting(ChangeRecord::getNewValue)
        .endsWith("CLOSED_SUPERSEDED");
    assertThat(all).filteredOn(r -> r.getField().equals("status") && "CLOSED_SUPERSEDED".equals(r.getNewValue()))
        .singleElement().satisfies(r -> assertThat(r.getOldValue()).isNotNull());

    JsonNode verdict = verify();
    assertThat(verdict.get("valid").asBoolean()).isTrue();
    assertThat(verdict.get("entries").asLong()).isEqualTo(records.count());
  }

  @Test
  void alteringAnEntryInTheDatabaseBreaksTheChainAtThatEntry() {
    long id = createRecommendation();
    ChangeRecord grade = records.findByRecommendationIdOrderByIdAsc(id).stream()
        .filter(r -> r.getField().equals("grade")).findFirst().orElseThrow();
    assertThat(verify().get("valid").asBoolean()).isTrue();

    jdbc.update("update change_record set new_value = 'LOW' where id = ?", grade.getId());
    try {
      JsonNode verdict = verify();
      assertThat(verdict.get("valid").asBoolean()).isFalse();
      assertThat(verdict.get("firstBrokenEntry").get("id").asLong()).isEqualTo(grade.getId());
      assertThat(verdict.get("firstBrokenEntry").get("problem").asText()).contains("altered");
    } finally {
      jdbc.update("update change_record set new_value = ? where id = ?", grade.getNewValue(), grade.getId());
    }
    assertThat(verify().get("valid").asBoolean()).isTrue();
  }

  @Test
  void removingAnEntryBreaksTheChainAtTheEntryAfterIt() {
    long id = createRecommendation();
    List<ChangeRecord> entries = records.findByRecommendationIdOrderByIdAsc(id);
    ChangeRecord removed = entries.get(0);
    ChangeRecord next = entries.get(1);
    jdbc.update("delete from change_record where id = ?", removed.getId());
    try {
      JsonNode verdict = verify();
      assertThat(verdict.get("valid").asBoolean()).isFalse();
      assertThat(verdict.get("firstBrokenEntry").get("id").asLong()).isEqualTo(next.getId());
      assertThat(verdict.get("firstBrokenEntry").get("problem").asText()).contains("removed");
    } finally {
      jdbc.update("insert into change_record (id, recommendation_id, field, old_value, new_value, actor, changed_at, via,"
              + " previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", removed.getId(), removed.getRecommendationId(),
          removed.getField(), removed.getOldValue(), removed.getNewValue(), removed.getActor(), Timestamp.from(removed.getAt()),
          removed.getVia(), removed.getPreviousHash(), removed.getHash());
    }
    assertThat(verify().get("valid").asBoolean()).isTrue();
  }

  @Test
  void aLongTransactionsEntriesGoInBatchesInTheOrderTheyChainAndARolledBackOneLeavesNone() {
    long before = records.count();
    List<Map<String, Object>> many = IntStream.rangeClosed(1, 40).<Map<String, Object>>mapToObj(i -> Map.of("reference",
        String.valueOf(i), "recommendation", "Check supplier " + i + "'s bank details.", "grade", "High",
        "leadOfficer", "Olivia Officer")).toList();
    ResponseEntity<JsonNode> created = as("helen").postForEntity("/api/audits", Map.of("reference",
        "CHN-" + UUID.randomUUID().toString().substring(0, 6), "title", "Creditors", "service", "finance",
        "reportIssuedOn", "2025-03-31", "recommendations", many), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(records.count() - before).as("one transaction's entries, more than a batch").isGreaterThan(ChangeLog.BATCH);
    JsonNode verdict = verify();
    assertThat(verdict.get("valid").asBoolean()).as("%s", verdict).isTrue();
    assertThat(verdict.get("entries").asLong()).isEqualTo(records.count());

    // A dry run of an import writes every row, batches of entries among them, and rolls it all back.
    StringBuilder sheet = new StringBuilder("Audit,Ref,Recommendation,Risk level,Lead Officer,Target Date,Agreed Action\n");
    String audit = "CHN-DRY-" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 1; i <= 40; i++) {
      sheet.append(audit).append(',').append(i).append(",Reconcile ledger ").append(i).append(" monthly.,High,Olivia Officer,31/05/2026,Agreed\n");
    }
    long beforeDryRun = records.count();
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(sheet.toString().getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "many.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> dry = as("helen").postForEntity("/api/imports?dryRun=true&service=finance",
        new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(dry.getStatusCode()).as("%s", dry.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(dry.getBody().get("created").asInt()).isEqualTo(40);
    assertThat(records.count()).as("a dry run leaves no entry").isEqualTo(beforeDryRun);
    assertThat(verify().get("valid").asBoolean()).isTrue();
  }

  @Test
  void onlyAuditManagersMayVerify() {
    assertThat(as("olivia").getForEntity("/api/audit-trail/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("alice").getForEntity("/api/audit-trail/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/api/audit-trail/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
