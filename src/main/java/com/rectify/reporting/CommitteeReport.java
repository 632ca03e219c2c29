package com.rectify.reporting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The Audit Committee's annex as at a date: outstanding recommendations grouped as committee papers group
 * them, with summary counts, and what closed since the previous reporting cycle. Its JSON is read by councils'
 * own scripts: fields are added, never renamed or removed (see CommitteeReportJsonTest).
 *
 * @param overdueBasis what how long overdue is measured from ({@code ORIGINAL} or {@code CURRENT})
 * @param overdueBasisStatement the same in words: "Overdue measured from the original target date"
 */
record CommitteeReport(LocalDate asAt, LocalDate since, String sinceLabel, List<Group> groups,
    List<SummaryLine> summary, int outstanding, int implementedSince, int riskAcceptedSince,
    OverdueRule.Basis overdueBasis, String overdueBasisStatement) {

  /** What a group holds: overdue ones by grade and band, or those that are not overdue, by why. */
  public enum Kind { OVERDUE, AWAITING_DECISION, NOT_YET_AGREED, NOT_YET_DUE }

  /**
   * The committee's groups, in the order papers print them: Essential and Low overdue as one group each, High
   * and Medium by {@link OverdueRule}'s bands; then, of those not overdue, the ones waiting for a decision (on
   * the residual risk, or on a revised target date), the ones management has not yet agreed, and the rest.
   */
  public enum Band {
    ESSENTIAL_OVERDUE(Grade.ESSENTIAL, null, Kind.OVERDUE),
    HIGH_OVER_12_MONTHS(Grade.HIGH, OverdueRule.Band.OVER_12_MONTHS, Kind.OVERDUE),
    HIGH_3_TO_12_MONTHS(Grade.HIGH, OverdueRule.Band.FROM_3_TO_12_MONTHS, Kind.OVERDUE),
    HIGH_UNDER_3_MONTHS(Grade.HIGH, OverdueRule.Band.UNDER_3_MONTHS, Kind.OVERDUE),
    MEDIUM_OVER_12_MONTHS(Grade.MEDIUM, OverdueRule.Band.OVER_12_MONTHS, Kind.OVERDUE),
    MEDIUM_3_TO_12_MONTHS(Grade.MEDIUM, OverdueRule.Band.FROM_3_TO_12_MONTHS, Kind.OVERDUE),
    MEDIUM_UNDER_3_MONTHS(Grade.MEDIUM, OverdueRule.Band.UNDER_3_MONTHS, Kind.OVERDUE),
    LOW_OVERDUE(Grade.LOW, null, Kind.OVERDUE),
    AWAITING_DECISION(null, null, Kind.AWAITING_DECISION),
    NOT_YET_AGREED(null, null, Kind.NOT_YET_AGREED),
    NOT_YET_DUE(null, OverdueRule.Band.NOT_DUE, Kind.NOT_YET_DUE);

    private final Grade grade;
    private final OverdueRule.Band band;
    private final Kind kind;

    Band(Grade grade, OverdueRule.Band band, Kind kind) {
      this.grade = grade;
      this.band = band;
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }

    /** "High — overdue more than 12 months", "Essential — overdue", "Awaiting a decision", "Not yet due". */
    public String title() {
      return switch (kind) {
        case OVERDUE -> grade.label() + " — "
            + (band == null ? OverdueRule.OVERDUE_LABEL.toLowerCase(Locale.UK) : band.phrase());
        case AWAITING_DECISION -> "Awaiting a decision: residual risk or a revised target date";
        case NOT_YET_AGREED -> "Not yet agreed by management";
        case NOT_YET_DUE -> band.label();
      };
    }

    /**
     * The group of a recommendation of this grade in this band of the rule. Overdue comes first: a late action
     * waiting for a decision is still late.
     */
    public static Band of(Grade grade, OverdueRule.Band band, Waiting waiting) {
      if (!band.isOverdue()) {
        return switch (waiting) {
          case DECISION -> AWAITING_DECISION;
          case AGREEMENT -> NOT_YET_AGREED;
          case NOTHING -> NOT_YET_DUE;
        };
      }
      for (Band group : values()) {
        if (group.kind == Kind.OVERDUE && group.grade == grade && (group.band == null || group.band == band)) {
          return group;
        }
      }
      throw new IllegalArgumentException("No committee group for " + grade + " " + band);
    }
  }

  /** What, besides its own officers, a recommendation waits for. */
  public enum Waiting { NOTHING, AGREEMENT, DECISION }

  public record Group(Band band, Kind kind, String title, List<Row> rows) {}

  /**
   * One recommendation. {@code businessKey} is its reference as people quote it ("FIN-2025-01/3"), {@code
   * reference} its number within the audit; {@code recommendation} and {@code latestUpdate} are plain text, the
   * formatted versions (paragraphs and lists, sanitized) are for the HTML and PDF only.
   *
   * @param status the status in words, as the register writes it ("in implementation")
   * @param awaitingDecision what waits to be decided, in words ("the residual risk", "a revised target date"), or null
   * @param statusInWords what the report's Status column says: the status, and a decision it waits for
   */
  public record Row(Long id, String businessKey, String audit, String reference, String grade, String recommendation,
      String leadOfficer, String status, LocalDate originalTargetDate, LocalDate currentTargetDate, Integer monthsOverdue,
      List<Revision> revisions, String latestUpdate, LocalDate latestUpdateOn, boolean firstCycleOverdue,
      String auditReference, String awaitingDecision, String statusInWords,
      @JsonIgnore String recommendationFormatted, @JsonIgnore String latestUpdateFormatted) {}

  /** One revision of the target date; {@code readFrom} says where one read from an imported sheet's text was read. */
  public record Revision(int number, LocalDate previousDate, LocalDate requestedDate, String decision, String cycle,
      String readFrom) {}

  /** One grade's counts: overdue more than 12 months, 3 to 12, less than 3, not yet due, and all outstanding. */
  public record SummaryLine(String grade, int over12, int from3To12, int under3, int overdue, int notYetDue, int total) {}
}
