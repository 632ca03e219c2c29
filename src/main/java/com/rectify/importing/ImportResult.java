package com.rectify.importing;

import java.util.List;

/** What an import did, or (dry run) would do: every row's outcome and every problem by row and column. */
public record ImportResult(String fileName, boolean dryRun, boolean written, int rowsRead, int created,
    int alreadyPresent, int skipped, int errorCount, int warningCount, List<RowOutcome> rows, List<ImportProblem> problems) {

  /** CONTINUES_ABOVE: a row with no recommendation text of its own, read as a further part of the one above. */
  public enum Outcome { NEW, ALREADY_PRESENT, SKIPPED, ERROR, CONTINUES_ABOVE }

  /**
   * One row: what it is, and for a new row what will be written, including every revised target date read from
   * its text ("31/03/2024 to 31/07/2024, July 2024"), so a person can check them before importing.
   */
  public record RowOutcome(int row, Outcome outcome, String audit, String reference, String grade, String leadOfficer,
      String targetDate, String status, String recommendation, String currentTargetDate, List<String> revisionsRead) {

    public RowOutcome(int row, Outcome outcome, String audit, String reference, String grade, String leadOfficer,
        String targetDate, String status, String recommendation) {
      this(row, outcome, audit, reference, grade, leadOfficer, targetDate, status, recommendation, targetDate, List.of());
    }
  }
}
