package com.rectify.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A council's annex with long narratives, as a sheet to import: {@value #ROWS} recommendations, each with
 * {@value #SHORTEST} to {@value #LONGEST} characters of narrative (spread evenly over the rows, markup aside): a
 * recommendation of a paragraph or two (300–900 characters) and a latest update in paragraphs with a bulleted list
 * making up the rest, dates written dd/mm/yyyy inside the text as officers write them. The same every run (a fixed
 * seed).
 */
final class LongNarratives {

  static final int ROWS = 80;
  static final int SHORTEST = 1_500;
  static final int LONGEST = 5_000;

  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String[] GRADES = {"Essential", "High", "High", "Medium", "Medium", "Medium", "Low"};
  private static final String[] OFFICERS = {"Head of Financial Services", "Director Finance & S.151 Officer",
      "Community Partnerships Service Manager", "Head of Payroll", "Revenues and Benefits Manager", "ICT Security Lead"};
  private static final String[] SENTENCES = {
      "The service has reviewed the control framework with the finance business partner and agreed a revised approach",
      "Reconciliations between the ledger and the feeder systems are now completed monthly and signed by a second officer",
      "A working group of officers from procurement, legal and the service meets fortnightly to track the remaining actions",
      "Training has been delivered to budget holders, and attendance is recorded so that gaps can be followed up by managers",
      "The new finance system will send reminders automatically once the configuration work by the supplier is complete",
      "Exception reports are produced each period and reviewed by the team leader, with queries logged and resolved",
      "The policy has been drafted and is awaiting approval by the corporate management team before it goes to Cabinet",
      "Resourcing pressures in the team delayed the work, but two temporary officers have now been appointed to catch up",
      "Documentation of the procedure has been updated and published on the intranet so that all staff follow one process",
      "Evidence of the completed reviews will be provided to internal audit once the first quarter has been tested",
      "Outstanding debts over ninety days have been prioritised, starting with the largest balances and the oldest cases",
      "Access rights to the system were reviewed and leavers removed, and the review will be repeated every six months"};
  private static final String[] BULLETS = {
      "contracts register reconciled to the ledger", "supplier bank detail changes verified by call back",
      "monthly budget monitoring signed off by the head of service", "business continuity plan tested with the partner",
      "write-offs approved within the delegated limits", "purchase card statements reviewed by a named budget holder",
      "asset register reconciled to the fixed asset note", "data sharing agreement signed by both councils"};

  final String csv;
  final List<String> updates = new ArrayList<>();
  final List<String> recommendations = new ArrayList<>();

  LongNarratives(LocalDate today) {
    Random random = new Random(20_250_331L);
    StringBuilder sheet = new StringBuilder("Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action,Latest update from officers\n");
    for (int i = 0; i < ROWS; i++) {
      int length = SHORTEST + (LONGEST - SHORTEST) * i / (ROWS - 1);
      String recommendation = narrative(random, 300 + random.nextInt(600), false);
      String update = narrative(random, length - plainLength(recommendation), true);
      recommendations.add(recommendation);
      updates.add(update);
      LocalDate target = today.minusDays(20 + random.nextInt(600));
      sheet.append(i + 1).append(',').append(quote(recommendation)).append(',').append(GRADES[i % GRADES.length]).append(',')
          .append(quote(OFFICERS[i % OFFICERS.length])).append(',').append(UK.format(target)).append(',')
          .append("Agreed; actions as set out in the update.").append(',').append(quote(update)).append('\n');
    }
    this.csv = sheet.toString();
  }

  /**
   * Paragraphs of two to four sentences (some carrying a date) until the text, markup aside, is as long as asked;
   * an update has a bulleted list after its first paragraph.
   */
  private static String narrative(Random random, int length, boolean withList) {
    StringBuilder html = new StringBuilder();
    int written = 0;
    boolean listed = !withList;
    while (written < length) {
      html.append("<p>");
      for (int s = 0, sentences = 2 + random.nextInt(3); s < sentences && written < length; s++) {
        String sentence = (s == 0 ? "" : " ") + SENTENCES[random.nextInt(SENTENCES.length)]
            + (random.nextInt(3) == 0 ? " by " + someDate(random) : "") + ".";
        html.append(sentence);
        written += sentence.length();
      }
      html.append("</p>");
      if (!listed) {
        html.append("<p>Actions completed so far:</p><ul>");
        written += "Actions completed so far:".length();
        for (int b = 0, n = 3 + random.nextInt(3); b < n; b++) {
          String item = BULLETS[random.nextInt(BULLETS.length)] + " (" + someDate(random) + ")";
          html.append("<li>").append(item).append("</li>");
          written += item.length();
        }
        html.append("</ul>");
        listed = true;
      }
    }
    return html.toString();
  }

  static int plainLength(String html) {
    return html.replaceAll("<[^>]+>", "").length();
  }

  private static String someDate(Random random) {
    return UK.format(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700)));
  }

  private static String quote(String cell) {
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
