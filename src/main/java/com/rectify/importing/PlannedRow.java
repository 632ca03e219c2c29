package com.rectify.importing;

import com.rectify.recommendation.Grade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One row, read and checked, ready to write. */
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
  boolean complete;
  /** The date the sheet gives beside its completion marker ("23/05/2024 Complete"), if any. */
  LocalDate completedOn;
  String progress;
  final List<String> notes = new ArrayList<>();
  boolean isNew;
  /** Revised target dates read from the row's text, oldest first; the last one's new date is the current target date. */
  List<RevisedDates.Step> revisions = List.of();

  /** The target date now: the sheet's, moved by every revision its text records. */
  LocalDate currentTargetDate() {
    return revisions.isEmpty() ? targetDate : revisions.get(revisions.size() - 1).newDate();
  }

  PlannedRow(int row) {
    this.row = row;
  }
}
