package com.rectify.reporting;

import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The Audit Committee's annex as at a date: outstanding recommendations grouped as committee papers group
 * them, with summary counts, and what closed since the previous reporting cycle.
 */
record CommitteeReport(LocalDate asAt, LocalDate since, String sinceLabel, List<Group> groups,
    List<SummaryLine> summary, int outstanding, int implementedSince, int riskAcceptedSince) {

  /**
   * The committee's groups, in the order papers print them: Essential and Low overdue as one group each, High
   * and Medium by {@link OverdueRule}'s bands, and everything not yet due.
   */
  public enum Band {
    ESSENTIAL_OVERDUE(Grade.ESSENTIAL, null),
    HIGH_OVER_12_MONTHS(Grade.HIGH, OverdueRule.Band.OVER_12_MONTHS),
    HIGH_3_TO_12_MONTHS(Grade.HIGH, OverdueRule.Band.FROM_3_TO_12_MONTHS),
    HIGH_UNDER_3_MONTHS(Grade.HIGH, OverdueRule.Band.UNDER_3_MONTHS),
    MEDIUM_OVER_12_MONTHS(Grade.MEDIUM, OverdueRule.Band.OVER_12_MONTHS),
    MEDIUM_3_TO_12_MONTHS(Grade.MEDIUM, OverdueRule.Band.FROM_3_TO_12_MONTHS),
    MEDIUM_UNDER_3_MONTHS(Grade.MEDIUM, OverdueRule.Band.UNDER_3_MONTHS),
    LOW_OVERDUE(Grade.LOW, null),
    NOT_YET_DUE(null, OverdueRule.Band.NOT_DUE);

    private final Grade grade;
    private final OverdueRule.Band band;

    Band(Grade grade, OverdueRule.Band band) {
      this.grade = grade;
      this.band = band;
    }

    /** "High — overdue more than 12 months", "Essential — overdue", "Not yet due". */
    public String title() {
      if (grade == null) {
        return band.label();
      }
      return grade.label() + " — " + (band == null ? OverdueRule.OVERDUE_LABEL.toLowerCase(Locale.UK) : band.phrase());
    }

    /** The group of a recommendation of this grade in this band of the rule. */
    public static Band of(Grade grade, OverdueRule.Band band) {
      if (!band.isOverdue()) {
        return NOT_YET_DUE;
      }
      for (Band group : values()) {
        if (group.grade == grade && (group.band == null || group.band == band)) {
          return group;
        }
      }
      throw new IllegalArgumentException("No committee group for " + grade + " " + band);
    }
  }

  public record Group(Band band, String title, List<Row> rows) {}

  public record Row(Long id, String businessKey, String audit, String reference, String grade, String recommendation,
      String leadOfficer, String status, LocalDate originalTargetDate, LocalDate currentTargetDate, Integer monthsOverdue,
      List<Revision> revisions, String latestUpdate, LocalDate latestUpdateOn, boolean firstCycleOverdue) {}

  public record Revision(int number, LocalDate previousDate, LocalDate requestedDate, String decision, String cycle) {}

  /** One grade's counts: overdue more than 12 months, 3 to 12, less than 3, not yet due, and all outstanding. */
  public record SummaryLine(String grade, int over12, int from3To12, int under3, int overdue, int notYetDue, int total) {}
}
