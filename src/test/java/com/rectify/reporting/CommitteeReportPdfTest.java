package com.rectify.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.demo.DemoUsers;
import com.rectify.importing.ImportRequest;
import com.rectify.importing.ImportResult;
import com.rectify.importing.ImportService;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.supersession.Supersession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The committee PDF of an annex with long narratives ({@link LongNarratives}: 80 recommendations, 1,500–5,000
 * characters of narrative each, in paragraphs and lists), imported through the real import with the engine clock
 * in 1996 so that the report as at that summer holds these 80 and nothing else, and withdrawn the day after, so that
 * no other test's report or dashboard counts them and none of their reminders is left to run. It fits in about 30
 * pages of A4 landscape, and on every page a councillor reads the date it is as at, the page's number and the column
 * headings; no date, word, paragraph or list is broken or shown as markup.
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitteeReportPdfTest {

  static final LocalDate AS_AT = LocalDate.of(1996, 6, 30);
  /** The most pages the annex may take: the target is about 30. */
  static final int MOST_PAGES = 32;
  /** The column headings, as read line by line ("Original target" is set on two lines, in two columns). */
  static final List<String> HEADINGS = List.of("Reference and audit", "Grade", "Lead officer", "Status", "Original",
      "Current", "Overdue by", "Revisions of the target date");

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired ImportService imports;
  @Autowired RecommendationRepository recommendations;
  @Autowired Supersession supersession;
  @Autowired CommitteeReportService reports;
  @Autowired ReportFormats formats;

  LongNarratives sheet;
  byte[] pdf;

  @BeforeAll
  void importTheAnnexAndPrintIt() {
    demoUsers.ensure();
    String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.UK);
    String audit = "PDF-" + tag;
    sheet = new LongNarratives(AS_AT);
    try {
      at(AS_AT.minusDays(2));
      ImportResult result = imports.run(new ImportRequest("annex.csv", sheet.csv.getBytes(StandardCharsets.UTF_8), false,
          audit, "Long narratives " + tag, "pdf-" + tag.toLowerCase(Locale.UK), null, null, null, "helen"));
      assertThat(result.errorCount()).isZero();
      assertThat(result.created()).isEqualTo(LongNarratives.ROWS);
      print();
      at(AS_AT.plusDays(1));
      for (int n = 1; n <= LongNarratives.ROWS; n++) {
        Recommendation printed = recommendations.findByBusinessKey(audit + "/" + n).orElseThrow();
        supersession.supersede(printed.getId(), Supersession.Kind.WITHDRAWN, "Printed for the PDF test; done with.", "helen");
      }
    } finally {
      ClockUtil.reset();
    }
  }

  private static void at(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(Today.LONDON).toInstant()));
  }

  private void print() {
    JsonNode report = http.withBasicAuth("carol", DemoUsers.PASSWORD)
        .getForEntity("/api/reports/committee?format=json&asAt=" + AS_AT, JsonNode.class).getBody();
    assertThat(report.get("outstanding").asInt()).as("the annex as at " + AS_AT + " holds the sheet's rows alone")
        .isEqualTo(LongNarratives.ROWS);
    ResponseEntity<byte[]> response = http.withBasicAuth("carol", DemoUsers.PASSWORD)
        .getForEntity("/api/reports/committee?format=pdf&asAt=" + AS_AT, byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    pdf = response.getBody();
    try {
      Files.createDirectories(Path.of("target/screenshots"));
      Files.write(Path.of("target/screenshots/committee-report-80-rows.pdf"), pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void eightyLongRowsFitInAboutThirtyPagesWithTheSummaryFirst() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      System.out.println("Committee PDF of " + LongNarratives.ROWS + " long rows: " + pages + " pages");
      assertThat(pages).isLessThanOrEqualTo(MOST_PAGES);
      var box = document.getPage(0).getMediaBox();
      assertThat(box.getWidth()).as("A4 landscape").isCloseTo(842f, org.assertj.core.data.Offset.offset(2f));
      assertThat(box.getHeight()).isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
      String summary = page(document, 1);
      assertThat(summary).contains("Overdue measured from the original target date", "Overdue > 12 months", "Not yet due",
          "Outstanding", "as at " + UkDates.display(AS_AT));
      assertThat(summary).as("the summary page comes before the annex").doesNotContain(HEADINGS.get(0));
    }
  }

  @Test
  void everyPageSaysWhatItIsAsAtItsNumberAndTheColumnHeadings() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int pages = document.getNumberOfPages();
      for (int n = 1; n <= pages; n++) {
        String text = page(document, n);
        assertThat(text).as("page " + n).contains("as at " + UkDates.display(AS_AT), "Page " + n + " of " + pages);
        if (n > 1) {
          assertThat(text).as("page " + n).contains(HEADINGS);
        }
      }
    }
  }

  @Test
  void noDateIsBrokenAcrossALine() throws IOException {
    String text = text();
    // Every run of digits and slashes that stands alone is a whole date: "31/03" then "/2024" on the next line is not.
    Matcher runs = Pattern.compile("(?<![\\w-])(?=[\\d/]*\\d)[\\d/]*/[\\d/]*(?!\\w)").matcher(text);
    while (runs.find()) {
      assertThat(runs.group()).as("a date in the PDF").matches("\\d{2}/\\d{2}/\\d{4}");
    }
    assertThat(text).doesNotContainPattern("\\d{1,2}/\\d{1,2}\\s+/\\d{4}").doesNotContainPattern("\\d{1,2}\\s+/\\d{1,2}/\\d{4}")
        .doesNotContainPattern("\\d{1,2}/\\d{1,2}/\\s+\\d{4}");
    Matcher dates = Pattern.compile("\\d{2}/\\d{2}/\\d{4}").matcher(String.join("", sheet.updates) + String.join("", sheet.recommendations));
    Set<String> written = new HashSet<>();
    while (dates.find()) {
      written.add(dates.group());
    }
    assertThat(written).hasSizeGreaterThan(100);
    assertThat(text).as("every date the officers wrote, whole").contains(written);
  }

  @Test
  void narrativesKeepTheirParagraphsAndListsAndShowNoMarkup() throws IOException {
    String text = text();
    assertThat(text).doesNotContain("<p>", "</p>", "<li>", "<ul>", "&amp;", "&lt;", "&#", "&quot;");
    assertThat(text).contains("Director Finance & S.151 Officer");
    // Each update's list: its items each follow a bullet.
    Matcher items = Pattern.compile("<li>([^<]+)</li>").matcher(sheet.updates.get(LongNarratives.ROWS - 1));
    int found = 0;
    while (items.find()) {
      assertThat(text).containsPattern("\u2022[\u00a0 ]" + Pattern.quote(items.group(1)));
      found++;
    }
    assertThat(found).isGreaterThanOrEqualTo(3);
    // Each paragraph of the longest update starts a line of its own.
    Matcher paragraphs = Pattern.compile("<p>([^<]{30})").matcher(sheet.updates.get(LongNarratives.ROWS - 1));
    while (paragraphs.find()) {
      assertThat(text).containsPattern("(^|\\n)(Latest update, \\d{2}/\\d{2}/\\d{4}: )?" + Pattern.quote(paragraphs.group(1)));
    }
  }

  @Test
  void noWordIsBrokenAcrossALine() throws IOException {
    // Every word the PDF shows is a word of the page it was laid out from (or of its page numbers): a word broken at
    // a line's end would leave two pieces that are not.
    String laidOut = formats.printHtml(reports.build(AS_AT, null));
    Set<String> words = words(HtmlUtils.htmlUnescape(laidOut.replaceAll("<[^>]+>", " ")) + " Page of");
    Set<String> shown = words(text());
    shown.removeAll(words);
    assertThat(shown).as("pieces of words").isEmpty();
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher m = Pattern.compile("\\p{L}{2,}").matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** The PDF's text as read on the page, line by line. */
  private String text() throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }

  private static String page(PDDocument document, int n) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    stripper.setStartPage(n);
    stripper.setEndPage(n);
    return stripper.getText(document);
  }
}
