package com.rectify.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A council's tracker as the bench imports it: a hundred recommendations an audit, grades in turn, one of the
 * officers of the row's service as lead officer, and nine rows in ten with an agreed action and a target date one to three
 * years ahead (so no reminder falls due while the bench runs); the tenth awaits agreement.
 */
final class BenchSheet {

  static final String HEADINGS = "Audit,Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action,Progress\n";
  private static final String[] GRADES = {"High", "Medium", "Low", "Essential"};
  private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private BenchSheet() {}

  static boolean agreed(int row) {
    return row % 10 != 0;
  }

  static String grade(int row) {
    return GRADES[row % 4].toUpperCase();
  }

  static String audit(String prefix, int row) {
    return prefix + "-" + String.format("%04d", row / 100) + " 2026";
  }

  static String reference(int row) {
    return String.valueOf(row % 100 + 1);
  }

  static LocalDate targetDate(int row, LocalDate today) {
    return today.plusDays(400 + (row * 7L) % 700);
  }

  static String text(int row) {
    return "Recommendation number " + row + ": reconcile the ledger monthly and keep the evidence of review.";
  }

  static String agreedAction(int row) {
    return "Monthly reconciliation, signed off by the service manager (" + row + ").";
  }

  static String progress(int row) {
    return "Update for quarter " + (row % 4 + 1);
  }

  static byte[] csv(String prefix, int from, int count, BenchUsers users, LocalDate today) {
    StringBuilder csv = new StringBuilder(HEADINGS);
    for (int i = from; i < from + count; i++) {
      boolean agreed = agreed(i);
      csv.append(audit(prefix, i)).append(',').append(reference(i))
          .append(",\"").append(text(i)).append("\",")
          .append(GRADES[i % 4]).append(',').append(users.officer(i)).append(',')
          .append(agreed ? UK.format(targetDate(i, today)) : "").append(',')
          .append(agreed ? "\"" + agreedAction(i) + "\"" : "").append(',')
          .append(progress(i)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
