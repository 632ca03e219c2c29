package com.rectify.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A council's published annex of outstanding recommendations, in the shape committee papers carry it: Audit,
 * Risk level (E/H/M), Summary of Recommendation in HTML, Target Date, and a Status narrative per row that
 * names the revised target date ("Revised target date: 31<sup>st</sup> January 2025") and, on most rows, the
 * dates of earlier reporting cycles. No officer column. One target date carries a typo (2014 among 2022–2024).
 */
final class AnnexFixture {

  static final LocalDate PAPER_DATE = LocalDate.of(2024, 12, 31);
  static final LocalDate REVISED = LocalDate.of(2025, 1, 31);
  static final int TYPO_ROW_INDEX = 17;

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
  private static final String[] AUDITS = {"Accounts Payable 2022-23", "Payroll 2022-23", "Council Tax 2023-24",
      "Business Rates 2023-24", "Housing Repairs 2021-22", "Temporary Accommodation 2022-23", "Procurement 2023-24",
      "Cyber Security 2023-24", "Fleet Management 2022-23", "Leisure Contracts 2023-24", "Planning Fees 2024-25",
      "Main Accounting 2024-25"};
  private static final String[] GRADES = {"E", "H", "H", "M", "M", "H", "M"};

  /** One row as the test expects it to be read. */
  record Row(int sheetRow, String audit, String grade, LocalDate target, boolean revisedNow, boolean earlierCycles) {}

  final List<Row> rows = new ArrayList<>();
  final String csv;

  AnnexFixture(int count, long seed) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder("Audit,Risk level,Summary of Recommendation,Target Date,Status\n");
    for (int i = 0; i < count; i++) {
      String audit = AUDITS[i % AUDITS.length];
      String grade = GRADES[i % GRADES.length];
      LocalDate target = i == TYPO_ROW_INDEX ? LocalDate.of(2014, 12, 31)
          : LocalDate.of(2022, 3, 31).plusMonths(random.nextInt(30)).withDayOfMonth(1).plusMonths(1).minusDays(1);
      boolean revisedNow = i % 80 < 74;
      boolean earlier = i % 80 < 53;
      String summary = "<p>The Council&#39;s " + audit.replaceAll(" \\d.*", "").toLowerCase(Locale.UK)
          + " team should make sure that " + sentence(random, 12) + "</p>";
      String status = narrative(random, i, revisedNow, earlier, 1_500 + random.nextInt(3_500));
      out.append(quote(audit)).append(',').append(grade).append(',').append(quote(summary)).append(',')
          .append(UK.format(target)).append(',').append(quote(status)).append('\n');
      rows.add(new Row(i + 2, audit, grade, target, revisedNow, earlier));
    }
    csv = out.toString();
  }

  private static String narrative(Random random, int i, boolean revisedNow, boolean earlier, int length) {
    StringBuilder html = new StringBuilder("<p>Update December 2024: ").append(sentence(random, 20)).append("</p>");
    html.append("<ul><li>").append(sentence(random, 10)).append("</li><li>").append(sentence(random, 14)).append("</li></ul>");
    while (html.length() < length) {
      html.append("<p>").append(sentence(random, 25)).append("</p>");
    }
    if (revisedNow) {
      html.append("<p>Revised target date: 31<sup>st</sup> January 2025</p>");
    }
    if (earlier) {
      html.append("<p>Revised target dates from previous reporting cycles:</p><ul>")
          .append("<li>October 2024 &ndash; TBC</li>")
          .append("<li>July 2024 &ndash; 31 July 2024, then 1 Sep 2024</li>")
          .append("<li>March 2024 &ndash; 31 March 2024</li></ul>");
    }
    return html.toString();
  }

  private static final String[] WORDS = ("the officers reviewed arrears contracts ledger reconciliation supplier "
      + "budget monitoring policy procedures staff training system controls records approval evidence council's "
      + "committee quarterly report service manager finance team payments invoices").split(" ");

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      s.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
