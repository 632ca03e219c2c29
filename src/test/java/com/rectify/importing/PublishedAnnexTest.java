package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import com.rectify.recommendation.OverdueRule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A published annex goes in as a council would put it in: through the API, a dry run first, then as at the
 * paper's date. The committee report as at that date shows every row, in its band by the rule, with the
 * revision history its text gives, and claims "first cycle overdue" for none: the register's history of
 * these recommendations starts on the paper's date, so it cannot show which were overdue a cycle before.
 */
@RectifyApplicationTest
class PublishedAnnexTest {

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired OverdueRule overdueRule;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void eightyRowsAsAtThePapersDate() throws Exception {
    demoUsers.ensure();
    AnnexFixture annex = new AnnexFixture(80, 2024);
    String service = "annex-" + UUID.randomUUID().toString().substring(0, 6);

    JsonNode dry = importAnnex(annex, service, true);
    assertThat(dry.get("errorCount").asInt()).as("dry run: %s", dry.get("problems")).isZero();
    assertThat(dry.get("created").asInt()).isEqualTo(80);
    int typoRow = annex.rows.get(AnnexFixture.TYPO_ROW_INDEX).sheetRow();
    assertThat(dry.get("problems")).as("the 2014 typo is warned about, row and cell named")
        .anySatisfy(p -> assertThat(p.get("field").asText()).isEqualTo("row " + typoRow + ", column \"Target Date\""));
    JsonNode firstRevised = rowOutcome(dry, annex.rows.get(0).sheetRow());
    assertThat(firstRevised.get("currentTargetDate").asText()).isEqualTo("31/01/2025");
    assertThat(firstRevised.get("revisionsRead").toString()).contains("(July 2024)").contains("(October 2024)");

    JsonNode real = importAnnex(annex, service, false);
    assertThat(real.get("written").asBoolean()).as("import: %s", real.get("problems")).isTrue();

    JsonNode report = http.withBasicAuth("carol", DemoUsers.PASSWORD)
        .getForObject("/api/reports/committee?format=json&asAt=2024-12-31", JsonNode.class);
    java.util.Set<String> audits = new java.util.HashSet<>();
    annex.rows.forEach(r -> audits.add(r.audit()));
    List<JsonNode> ours = new ArrayList<>();
    for (JsonNode group : report.get("groups")) {
      for (JsonNode row : group.get("rows")) {
        if (audits.contains(row.get("audit").asText())) {
          ours.add(row);
        }
      }
    }
    assertThat(ours).as("every row of the annex is in the report as at the paper's date").hasSize(80);

    for (JsonNode row : ours) {
      assertThat(row.get("firstCycleOverdue").asBoolean()).as("first cycle claimed for %s", row.get("reference")).isFalse();
    }
    long withFullHistory = ours.stream().filter(r -> r.get("revisions").size() >= 4).count();
    assertThat(withFullHistory).as("rows whose text lists earlier cycles carry them as revisions").isGreaterThanOrEqualTo(53);
    assertThat(ours.stream().filter(r -> "2025-01-31".equals(r.get("currentTargetDate").asText())).count())
        .as("the revised target date in the text is the current one").isGreaterThanOrEqualTo(74);
    for (JsonNode row : ours) {
      LocalDate original = LocalDate.parse(row.get("originalTargetDate").asText());
      LocalDate current = row.get("currentTargetDate").isNull() ? null : LocalDate.parse(row.get("currentTargetDate").asText());
      OverdueRule.Standing standing = overdueRule.standing(true, original, current, AnnexFixture.PAPER_DATE);
      assertThat(row.get("monthsOverdue").isNull() ? null : row.get("monthsOverdue").asInt())
          .as("months overdue of %s", row.get("businessKey")).isEqualTo(standing.months());
    }
  }

  private static JsonNode rowOutcome(JsonNode result, int sheetRow) {
    for (JsonNode row : result.get("rows")) {
      if (row.get("row").asInt() == sheetRow) {
        return row;
      }
    }
    throw new AssertionError("no outcome for row " + sheetRow);
  }

  private JsonNode importAnnex(AnnexFixture annex, String service, boolean dryRun) throws Exception {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(annex.csv.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "annex-b.csv";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = http.withBasicAuth("helen", DemoUsers.PASSWORD).postForEntity(
        "/api/imports?dryRun=" + dryRun + "&asAt=2024-12-31&service=" + service, new HttpEntity<>(form, headers), String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    return json.readTree(response.getBody());
  }
}
