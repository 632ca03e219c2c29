package com.rectify.importing;

import com.rectify.common.UkDates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Target dates that look like a slip of the keyboard (31/12/2014 among dates of 2022 to 2025), whatever the audit
 * is called: a date more than {@code years} from the middle (median) of the sheet's target dates, from the day the
 * sheet describes (its as-at date, or today), or from the year its audit names. One warning per cell, naming its row
 * and every reason; none stops the import.
 *
 * <p>{@code years} is {@code rectify.import.plausible-years}, 5 unless configured: a tracker's agreed dates rarely
 * span more than five years, while a year typed with a wrong tens digit (2014 for 2024) lands ten years out.
 * The median, not the mean: one typo cannot move it. It needs three dates or more. When the sheet as a whole
 * stands years from its as-at date (an action plan of 2004 imported today), that is said once for the sheet, not on
 * every row, and its rows are measured against one another and their audits only.
 */
final class UnlikelyDates {

  /** A target date read from a row. */
  record Dated(int row, LocalDate date, Integer auditYear) {}

  private final int years;
  private final LocalDate asAt;
  private final String asAtName;

  /** asAtGiven: the as-at date was given with the import, not today's. */
  UnlikelyDates(int years, LocalDate asAt, boolean asAtGiven) {
    this.years = years;
    this.asAt = asAt;
    this.asAtName = asAtGiven ? "the as-at date (" + UkDates.display(asAt) + ")" : "today (" + UkDates.display(asAt) + ")";
  }

  List<ImportProblem> check(List<Dated> dates, String column) {
    List<ImportProblem> warnings = new ArrayList<>();
    List<LocalDate> sorted = dates.stream().map(Dated::date).sorted(Comparator.naturalOrder()).toList();
    LocalDate median = sorted.size() >= 3 ? sorted.get((sorted.size() - 1) / 2) : null;
    boolean sheetFarFromAsAt = median != null && far(median, asAt);
    if (sheetFarFromAsAt) {
      warnings.add(ImportProblem.warning(null, column, "The sheet's target dates centre on " + UkDates.display(median)
          + ", more than " + years + " years from " + asAtName + ". If the sheet describes the register as at another day, "
          + "give that day as the import's as-at date (parameter asAt)."));
    }
    for (Dated dated : dates) {
      List<String> reasons = new ArrayList<>();
      if (median != null && far(dated.date(), median)) {
        reasons.add("more than " + years + " years from the middle of the sheet's target dates (" + UkDates.display(median) + ")");
      }
      if (!sheetFarFromAsAt && far(dated.date(), asAt)) {
        reasons.add("more than " + years + " years " + (dated.date().isBefore(asAt) ? "before " : "after ") + asAtName);
      }
      if (dated.auditYear() != null && Math.abs(dated.date().getYear() - dated.auditYear()) > years) {
        reasons.add("more than " + years + " years from the audit's year (" + dated.auditYear() + ")");
      }
      if (!reasons.isEmpty()) {
        warnings.add(ImportProblem.warning(dated.row(), column, "Target date " + UkDates.display(dated.date()) + " looks wrong: it is "
            + String.join(", and ", reasons) + "; check it."));
      }
    }
    return warnings;
  }

  private boolean far(LocalDate date, LocalDate from) {
    return date.isBefore(from.minusYears(years)) || date.isAfter(from.plusYears(years));
  }
}
