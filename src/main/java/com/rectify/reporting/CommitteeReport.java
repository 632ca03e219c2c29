package com.rectify.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * The Audit Committee's annex as at a date: outstanding recommendations grouped as committee papers group
 * them, with summary counts, and what closed since the previous reporting cycle.
 */
public record CommitteeReport(LocalDate asAt, LocalDate since, String sinceLabel, List<Group> groups,
    List<SummaryLine> summary, int outstanding, int implementedSince, int riskAcceptedSince) {

  /** The committee's groups, in the order papers print them. */
  public enum Band {
    ESSENTIAL_OVERDUE("Essential — overdue"),
    HIGH_OVER_12_MONTHS("High — overdue more than 12 months"),
    HIGH_3_TO_12_MONTHS("High — overdue 3 to 12 months"),
    HIGH_UNDER_3_MONTHS("High — overdue less than 3 months"),
    MEDIUM_OVER_12_MONTHS("Medium — overdue more than 12 months"),
    MEDIUM_3_TO_12_MONTHS("Medium — overdue 3 to 12 months"),
    MEDIUM_UNDER_3_MONTHS("Medium — overdue less than 3 months"),
    LOW_OVERDUE("Low — overdue"),
    NOT_YET_DUE("Not yet due");

    private final String title;

    Band(String title) {
      this.title = title;
    }

    public String title() {
      return title;
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
