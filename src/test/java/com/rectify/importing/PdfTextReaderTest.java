package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tables pasted from a PDF, read into cells by {@link SheetReader} without the application around it. */
class PdfTextReaderTest {

  static final String NBSP = "\u00a0";

  static ImportProperties properties() {
    return new ImportProperties(Map.of(
        ImportColumn.REFERENCE, List.of("Ref"),
        ImportColumn.RECOMMENDATION, List.of("Recommendation", "Report Recommendation"),
        ImportColumn.AGREED_ACTION, List.of("Actions", "Agreed Action"),
        ImportColumn.TARGET_DATE, List.of("By When", "Target Date"),
        ImportColumn.PROGRESS, List.of("Progress")), null, null, null, null, null, null, null, null);
  }

  static List<SheetRow> benefits;

  @BeforeAll
  static void readTheBenefitsPlan() throws IOException {
    benefits = read("benefits-action-plan-2004.txt", ImportTest.resource("benefits-action-plan-2004.txt"));
  }

  static List<SheetRow> read(String name, byte[] bytes) {
    return new SheetReader(properties()).read(name, bytes, null);
  }

  static SheetRow line(int number) {
    SheetRow row = benefits.get(number - 1);
    assertThat(row.number()).isEqualTo(number);
    return row;
  }

  @Test
  void everyLineIsARowNumberedAsInTheFileAndTheHeadingLineGivesTheColumns() {
    assertThat(benefits).hasSize(57);
    assertThat(line(1).cells()).containsExactly("ACTION PLAN");
    assertThat(line(3).cells()).containsExactly("REPORT RECOMMENDATION", "ACTIONS", "BY WHEN", "OUTCOME", "PROGRESS");
    assertThat(line(20).cells()).isEqualTo(line(3).cells());
    assertThat(line(40).isBlank()).as("non-breaking spaces only").isTrue();
    assertThat(line(41).cells()).containsExactly("BEST VALUE");
  }

  @Test
  void theRecommendationEndsAtItsFullStopOrWhereItsOwnSpacesEnd() {
    assertThat(line(4).cells()).containsExactly("Develops its Corporate Plan and supporting strategies, as part of its next review, "
        + "to include reference to the role HB and CTB can play in tackling poverty and social inclusion.",
        "Report to SS& Benefits Select in April to agree reporting process", "Sep-04", "Included in 2004/5 service plan", "");
    assertThat(line(7).cell(0)).as("two sentences, then the cell's own spaces").endsWith("monitored and controlled");
    assertThat(line(7).cell(1)).startsWith("Strategy currently being updated").endsWith("Agreed with staff - May");
    assertThat(line(5).cell(0)).contains("administration, overpayments").endsWith("management checking.");
    assertThat(line(4).warnings()).isEmpty();
  }

  @Test
  void theDateCellIsTheLastDateThatLeavesTheCellsAfterIt() {
    assertThat(line(11).cell(1)).endsWith("Draft by Jun-04 Agree with staff- Aug-04");
    assertThat(line(11).cell(2)).isEqualTo("Sep-04");
    assertThat(line(13).cell(1)).endsWith("Agree with Staff - Sep- 04");
    assertThat(line(13).cell(2)).isEqualTo("Dec-04");
    assertThat(line(12).cells()).containsExactly(line(12).cell(0), "Fraud role separated from 1 Dec 03", "Dec-03",
        "Greater focus on claim processing", "Completed");
    assertThat(line(24).cell(2)).isEqualTo("Mar-04 -Nov04");
    assertThat(line(26).cell(2)).isEqualTo("Jun -04 - inc on training plan");
    assertThat(line(44).cells()).as("'ongoing', not the 'Feb 04' of its progress")
        .containsExactly("", "PR campaign", "ongoing", "Review success of PR campaign under Customer Service Started Feb 04", "");
    assertThat(line(45).cells()).containsExactly("", "Reporting to Select Committees", "1/2 yrly", "Select Committees request updates", "");
    assertThat(line(51).cells()).as("an empty date cell, a non-breaking space standing alone")
        .containsExactly("SLA with Pension Service Renewed Jan 04", "", "", "SLA adhered to", "Completed");
    assertThat(line(57).cells()).containsExactly("", "Monitor downtime", "Jun-04", "Staff survey", "");
    assertThat(line(57).warnings()).isEmpty();
  }

  @Test
  void whatCannotBeToldApartStaysWholeWithAWarningNamingTheRowAndColumn() {
    assertThat(line(42).cells()).containsExactly("Raise the profile of the Benefits Service Member questionnaire", "", "Sep-03", "",
        "Initial round completed");
    assertThat(line(42).warnings()).singleElement().satisfies(w -> {
      assertThat(w.field()).isEqualTo("row 42, column \"REPORT RECOMMENDATION\"");
      assertThat(w.message()).contains("all the words are kept in 'REPORT RECOMMENDATION'");
      assertThat(w.isError()).isFalse();
    });
    assertThat(line(27).cell(3)).isEqualTo("System continuity Partially completed");
    assertThat(line(27).warnings()).singleElement().satisfies(w -> assertThat(w.field()).isEqualTo("row 27, column \"OUTCOME\""));
  }

  @Test
  void noWordOfTheSampleIsLost() throws IOException {
    String text = new String(ImportTest.resource("benefits-action-plan-2004.txt"), StandardCharsets.UTF_8);
    String original = text.replace(NBSP, " ").replaceAll("\\s+", " ").trim();
    String read = String.join(" ", benefits.stream().flatMap(r -> r.cells().stream()).filter(c -> !c.isBlank()).toList())
        .replaceAll("\\s+", " ");
    assertThat(read).isEqualTo(original);
  }

  @Test
  void aReferenceColumnTakesTheFirstWordWhenItIsAReference() throws IOException {
    List<SheetRow> rows = read("council-tax.txt", ImportTest.resource("council-tax-action-plan.txt"));
    assertThat(rows.get(3).cells()).containsExactly("Ref", "Recommendation", "Agreed Action", "Target Date", "Progress");
    assertThat(rows.get(5).cells()).containsExactly("1", "Reconcile the council tax base to the valuation list every month.",
        "Monthly reconciliation by the billing team", "31/05/2024", "Started");
    assertThat(rows.get(7).cells()).containsExactly("", "", "Letters to households not matched", "Dec-24", "");
    assertThat(rows.get(11).cells()).containsExactly("3", "Write off irrecoverable debts only with approval.",
        "Write-off procedure updated", "31/03/2024", "Complete");
  }

  @Test
  void aCsvWithItsHeadingsInCellsIsNotReadAsPastedText() {
    List<SheetRow> rows = read("plain.csv", "Recommendation,Agreed Action,Target Date\nKeep a register.,Set it up,Sep-24\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(rows.get(1).cells()).containsExactly("Keep a register.", "Set it up", "Sep-24");
  }

  @Test
  void aLineOfProseIsNoHeadingLine() {
    ColumnHeadings headings = new ColumnHeadings(properties());
    assertThat(headings.headingLine("REPORT RECOMMENDATION ACTIONS BY WHEN OUTCOME PROGRESS")).isPresent();
    assertThat(headings.headingLine("The recommendation was agreed with the head of finance as an action")).isEmpty();
  }
}
