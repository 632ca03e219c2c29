package com.rectify.importing;

import com.rectify.recommendation.Grade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One row, read and checked, ready to write; with the rows below it that continue it, joined in. */
final class PlannedRow {
  final int row;
  AuditPlan audit;
  String reference;
  String text;
  String finding;
  Grade grade;
  String gradeAsWritten;
  String leadOfficer;
  String agreedAction;
  LocalDate targetDate;
  /** The target-date cell as the sheet wrote it ("Sep-04", "1/2 yrly"), blank when empty. */
  String targetDateAsWritten = "";
  boolean complete;
  /** The date the sheet gives beside its completion marker ("23/05/2024 Complete"), if any. */
  LocalDate completedOn;
  String progress;
  final List<String> notes = new ArrayList<>();
  /** Rows below with no recommendation text but an action or date of their own: further parts of this one. */
  final List<Part> parts = new ArrayList<>();
  boolean isNew;
  /** Revised target dates read from the row's text, oldest first; the last one's new date is the current target date. */
  List<RevisedDates.Step> revisions = List.of();

  /** The target date now: the sheet's, moved by every revision its text records. */
  LocalDate currentTargetDate() {
    return revisions.isEmpty() ? targetDate : revisions.get(revisions.size() - 1).newDate();
  }
  /** False when the row has an error: it is not written, and neither is anything else. */
  boolean errorFree = true;

  PlannedRow(int row) {
    this.row = row;
  }

  /** A further agreed action of the recommendation, from a row that continues it. */
  record Part(int row, String action, String dateAsWritten, LocalDate date, boolean complete, LocalDate completedOn) {}
}
