package com.rectify.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rectify.common.Today;
import com.rectify.importing.ImportService;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.security.RecommendationVisibility;
import com.rectify.security.RecommendationVisibility.Scope;
import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The register's filters, order, pages, who sees what, refusals and exports, against a sample of known dates. */
class RegisterTest extends LifecycleTestSupport {

  @Autowired ImportService imports;
  @Autowired RegisterRequest requests;
  @Autowired RegisterQueries queries;
  @Autowired RegisterPage page;
  @Autowired RecommendationVisibility visibility;
  @Autowired Today today;

  private SampleRegister sample;

  @BeforeEach
  void sample() {
    sample = SampleRegister.importInto(imports, recommendations, today.date());
  }

  @Test
  void eachFilterFindsExactlyTheRecommendationsItNames() {
    assertThat(find("overdue=under-3m")).containsExactly("1");
    assertThat(find("overdue=3-12m")).containsExactly("2");
    assertThat(find("overdue=over-12m")).containsExactly("3");
    assertThat(find("overdue=any")).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(find("overdue=not-due")).containsExactlyInAnyOrder("4", "5", "7");
    assertThat(find("status=open")).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "7");
    assertThat(find("status=closed")).containsExactly("6");
    assertThat(find("status=awaiting_agreement")).containsExactly("5");
    assertThat(find("grade=H")).containsExactlyInAnyOrder("2", "3", "6");
    assertThat(find("grade=HIGH&overdue=3-12m")).containsExactly("2");
    assertThat(find("q=HYPERLINK")).containsExactly("7");
    assertThat(find("q=petty cash")).containsExactly("4");
    assertThat(find("leadOfficer=beever")).containsExactly("1");
    assertThat(find("audit=" + sample.audit)).hasSize(7);
    assertThat(find("audit=NO-SUCH-AUDIT")).isEmpty();
    assertThat(find("closedFrom=" + sample.today.minusDays(41) + "&closedTo=" + sample.today.minusDays(39))).containsExactly("6");
    assertThat(find("dueFrom=" + sample.today + "&dueTo=" + sample.today.plusMonths(1))).containsExactly("4");
    assertThat(find("revisions=0")).hasSize(7);
    assertThat(find("revisions=1+")).isEmpty();
    assertThat(find("noUpdate=false")).hasSize(7);
  }

  @Test
  void sortsByAnyColumnBothWaysAndPages() {
    assertThat(find("sort=grade")).containsExactly("1", "2", "3", "6", "4", "7", "5");
    assertThat(find("sort=grade&dir=desc")).containsExactly("5", "4", "7", "2", "3", "6", "1");
    assertThat(find("status=open&overdue=any&sort=original")).containsExactly("3", "2", "1");
    assertThat(find("status=open&overdue=any&sort=original&dir=desc")).containsExactly("1", "2", "3");

    RegisterRequest.Parsed parsed = parse("sort=reference&size=3&page=2");
    RegisterQueries.Found last = queries.page(parsed.filter(), parsed.sort(), only(sample.service), parsed.page(), parsed.size());
    assertThat(last.total()).isEqualTo(7);
    assertThat(last.pages()).isEqualTo(3);
    assertThat(last.rows()).extracting(RegisterRow::businessKey).containsExactly(sample.audit + "/7");
    assertThat(parsed.pageLink(1)).isEqualTo("/register?sort=reference&size=3&page=1");
    assertThat(parsed.sortLink("reference")).isEqualTo("/register?sort=reference&size=3&dir=desc");
  }

  @Test
  void officersAndServiceManagersSeeTheirServicesAuditAndTheCommitteeSeeAll() {
    Scope officer = visibility.of(user("officers", "service-" + sample.service));
    assertThat(officer.all()).isFalse();
    assertThat(officer.services()).containsExactly(sample.service);
    assertThat(officer.visibility().leadOfficer()).as("an officer also sees what they lead").isEqualTo("someone");
    assertThat(visibility.of(user("officers", "service-housing", "service-" + sample.service)).services())
        .containsExactlyInAnyOrder("housing", sample.service);
    assertThat(visibility.of(user("service-managers", "service-" + sample.service)).services()).containsExactly(sample.service);
    for (String group : List.of("auditors", "audit-managers", "committee")) {
      assertThat(visibility.of(user(group)).all()).as(group).isTrue();
    }
    for (String group : List.of("senior-officers", "camunda-admin")) {
      assertThat(visibility.of(user(group)).all()).as(group).isFalse();
      assertThat(visibility.of(user(group)).services()).as(group).isEmpty();
    }

    RegisterRequest.Parsed everything = parse("");
    assertThat(queries.page(everything.filter(), everything.sort(), Scope.services(Set.of("housing")), 0, 200).rows())
        .extracting(RegisterRow::service).doesNotContain(sample.service);
    assertThat(queries.page(everything.filter(), everything.sort(), Scope.services(Set.of()), 0, 10).total()).isZero();
  }

  @Test
  void badParametersAreRefusedTogetherEachNamed() {
    assertThatThrownBy(() -> parse("grade=Urgent&overdue=soon&status=lost&sort=colour&dir=up&dueFrom=31/12/2025&page=-1&size=1000"
        + "&revisions=many&noUpdate=perhaps"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getProblems()).extracting(FieldProblem::field)
            .containsExactlyInAnyOrder("grade", "overdue", "status", "sort", "dir", "dueFrom", "page", "size", "revisions", "noUpdate"))
        .hasMessageContaining("nothing was changed");
    assertThatThrownBy(() -> parse("overdue=soon")).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.getProblems().get(0).message()).contains("'soon'", "3-12m", "over-12m"));
  }

  @Test
  void exportsHoldTheFilteredRowsWithFormulasNeutralised() throws Exception {
    Authentication officer = user("officers", "service-" + sample.service);
    ResponseEntity<byte[]> csv = page.export(query("format=csv&sort=reference"), officer);
    List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(new String(csv.getBody(), StandardCharsets.UTF_8))).getRecords();
    assertThat(records).extracting(r -> r.get("Reference")).containsExactly(
        sample.audit + "/1", sample.audit + "/2", sample.audit + "/3", sample.audit + "/4", sample.audit + "/5", sample.audit + "/6",
        sample.audit + "/7");
    assertThat(records.get(6).get("Recommendation")).startsWith("'=HYPERLINK(");
    assertThat(records.get(1).get("Original target date")).isEqualTo(com.rectify.common.UkDates.display(sample.today.minusMonths(5)));
    assertThat(records.get(0).get("Days overdue")).isEqualTo("10");
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).startsWith("register-").endsWith(".csv");

    ResponseEntity<byte[]> xlsx = page.export(query("format=xlsx&grade=MEDIUM&sort=reference"), officer);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheet("Register");
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      Row formula = sheet.getRow(2);
      Cell text = formula.getCell(RegisterPage.EXPORT_COLUMNS.indexOf("Recommendation"));
      assertThat(text.getCellType()).isEqualTo(CellType.STRING);
      assertThat(text.getStringCellValue()).startsWith("'=HYPERLINK(");
      Cell due = formula.getCell(RegisterPage.EXPORT_COLUMNS.indexOf("Current target date"));
      assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
      assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(sample.today.plusMonths(2));
    }

    assertThatThrownBy(() -> page.export(query("format=pdf"), officer))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getProblems().get(0).field()).isEqualTo("format"));
    ResponseEntity<byte[]> elsewhere = page.export(query("format=csv&audit=" + sample.audit), user("officers", "service-housing"));
    assertThat(new String(elsewhere.getBody(), StandardCharsets.UTF_8).lines()).hasSize(1);
  }

  /** References of the sample's recommendations the query finds, in the order the register lists them. */
  private List<String> find(String query) {
    RegisterRequest.Parsed parsed = parse(query);
    return queries.page(parsed.filter(), parsed.sort(), only(sample.service), 0, 200).rows().stream()
        .map(row -> row.businessKey().substring(sample.audit.length() + 1)).toList();
  }

  private RegisterRequest.Parsed parse(String query) {
    return requests.parse(query(query));
  }

  private static MultiValueMap<String, String> query(String query) {
    MultiValueMap<String, String> map = new LinkedMultiValueMap<>();
    for (String pair : query.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        map.add(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return map;
  }

  private static Scope only(String service) {
    return Scope.services(Set.of(service));
  }

  private static Authentication user(String... groups) {
    return new UsernamePasswordAuthenticationToken("someone", null, AuthorityUtils.createAuthorityList(groups));
  }
}
