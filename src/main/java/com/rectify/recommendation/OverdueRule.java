package com.rectify.recommendation;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Overdue, and how long: the one rule that the API, the register, the dashboard, the committee report, the
 * mails and the Tasklist briefs all use, in Java for one recommendation and as query conditions for many.
 *
 * <ul>
 *   <li><b>Overdue</b>: open, and the date that applies has passed. The date that applies is the current
 *       target date, or the original one while a revision has made the date TBC: asking for more time does
 *       not make a late action stop being late.
 *   <li><b>How long</b> (days, months, band) is measured as the council's policy says ({@link Basis},
 *       {@code rectify.overdue.basis}). From the <b>original</b> target date (the default, as committee papers
 *       count it): a revised date does not restart the clock; should a revision have brought the date forward,
 *       the count starts from that earlier date instead, so an overdue recommendation is never "overdue by"
 *       less than nothing. From the <b>current</b> target date: an approved revision restarts the clock, and
 *       while the date is TBC the original one applies.
 *   <li><b>Bands</b>: not yet due; overdue less than {@value #SHORT_MONTHS} months; {@value #SHORT_MONTHS} to
 *       {@value #LONG_MONTHS} months; more than {@value #LONG_MONTHS} months. A recommendation exactly
 *       {@value #SHORT_MONTHS} or {@value #LONG_MONTHS} months overdue is in the middle band.
 * </ul>
 *
 * Whether a recommendation is overdue at all does not depend on the basis; how long, and so its band, does:
 * those are asked of the one configured instance of this class. The Java and the query forms are built from
 * the same cut dates ({@link #shortCut}, {@link #longCut}), so a recommendation falls in the same band
 * whichever asks.
 */
@Component
public class OverdueRule {

  /** Overdue less than this many months is the first overdue band. */
  public static final int SHORT_MONTHS = 3;
  /** Overdue more than this many months is the last. */
  public static final int LONG_MONTHS = 12;

  /** What the three overdue bands together are called. */
  public static final String OVERDUE_LABEL = "Overdue";

  private static final Set<RecommendationStatus> OPEN = EnumSet.copyOf(
      Arrays.stream(RecommendationStatus.values()).filter(s -> !s.isClosed()).toList());

  /** What how long overdue is measured from. */
  public enum Basis {
    ORIGINAL("the original target date"),
    CURRENT("the current target date");

    private final String date;

    Basis(String date) {
      this.date = date;
    }

    /** "the original target date". */
    public String date() { return date; }

    /** "Overdue measured from the original target date", as reports and charts state it. */
    public String statement() { return "Overdue measured from " + date; }
  }

  private final Basis basis;

  public OverdueRule(OverdueProperties properties) {
    this.basis = properties.basis();
  }

  public Basis basis() {
    return basis;
  }

  /** Where an open recommendation stands, as the register, the dashboard and the committee papers band it. */
  public enum Band {
    NOT_DUE("not-due", "Not yet due", "not yet due"),
    UNDER_3_MONTHS("under-" + SHORT_MONTHS + "m", "Overdue < " + SHORT_MONTHS + " months",
        "overdue less than " + SHORT_MONTHS + " months"),
    FROM_3_TO_12_MONTHS(SHORT_MONTHS + "-" + LONG_MONTHS + "m", "Overdue " + SHORT_MONTHS + "–" + LONG_MONTHS + " months",
        "overdue " + SHORT_MONTHS + " to " + LONG_MONTHS + " months"),
    OVER_12_MONTHS("over-" + LONG_MONTHS + "m", "Overdue > " + LONG_MONTHS + " months", "overdue more than " + LONG_MONTHS + " months");

    private final String code;
    private final String label;
    private final String phrase;

    Band(String code, String label, String phrase) {
      this.code = code;
      this.label = label;
      this.phrase = phrase;
    }

    /** As an address writes it: {@code /register?overdue=3-12m}. */
    public String code() { return code; }

    /** As a heading: "Overdue 3–12 months". */
    public String label() { return label; }

    /** Within a sentence or after a grade: "High — overdue 3 to 12 months". */
    public String phrase() { return phrase; }

    public boolean isOverdue() { return this != NOT_DUE; }
  }

  /**
   * One recommendation as at a day: its band ({@code null} once closed) and, while it is overdue, the date its
   * lateness counts from and how long that is in whole days and whole months.
   */
  public record Standing(Band band, LocalDate countedFrom, Long days, Integer months) {

    static final Standing CLOSED = new Standing(null, null, null, null);
    static final Standing NOT_DUE = new Standing(Band.NOT_DUE, null, null, null);

    public boolean overdue() {
      return band != null && band.isOverdue();
    }
  }

  // ------------------------------------------------------------------------------------------ one recommendation

  public Standing standing(Recommendation r, LocalDate asAt) {
    return standing(!r.getStatus().isClosed(), r.getOriginalTargetDate(), r.getCurrentTargetDate(), asAt);
  }

  /** Open and past the date that applies, whatever the basis. */
  public static boolean isOverdue(Recommendation r, LocalDate asAt) {
    LocalDate due = dateThatApplies(r);
    return !r.getStatus().isClosed() && due != null && due.isBefore(asAt);
  }

  /** The date that applies now: the current target date, or the original one while the current is TBC. */
  public static LocalDate dateThatApplies(Recommendation r) {
    return dateThatApplies(r.getOriginalTargetDate(), r.getCurrentTargetDate());
  }

  /**
   * From plain values, for a recommendation as it stood on some day (the committee report rebuilds them from
   * the history): whether it was open, its original target date and its current one ({@code null}: TBC).
   */
  public Standing standing(boolean open, LocalDate original, LocalDate current, LocalDate asAt) {
    if (!open) {
      return Standing.CLOSED;
    }
    LocalDate due = dateThatApplies(original, current);
    if (due == null || !due.isBefore(asAt)) {
      return Standing.NOT_DUE;
    }
    LocalDate from = countedFrom(original, current);
    Band band = from.isBefore(longCut(asAt)) ? Band.OVER_12_MONTHS
        : !from.isAfter(shortCut(asAt)) ? Band.FROM_3_TO_12_MONTHS
        : Band.UNDER_3_MONTHS;
    return new Standing(band, from, ChronoUnit.DAYS.between(from, asAt), (int) ChronoUnit.MONTHS.between(from, asAt));
  }

  public static LocalDate dateThatApplies(LocalDate original, LocalDate current) {
    return current != null ? current : original;
  }

  /**
   * The date lateness counts from. From the original: the original target date, or the date that applies if a
   * revision brought it earlier. From the current: the date that applies.
   */
  public LocalDate countedFrom(LocalDate original, LocalDate current) {
    if (basis == Basis.CURRENT) {
      return dateThatApplies(original, current);
    }
    return original == null || (current != null && current.isBefore(original)) ? current : original;
  }

  /** Counted from before this day, a recommendation is overdue more than {@value #LONG_MONTHS} months. */
  static LocalDate longCut(LocalDate asAt) {
    return asAt.minusMonths(LONG_MONTHS);
  }

  /** Counted from this day or before, it is overdue at least {@value #SHORT_MONTHS} months. */
  static LocalDate shortCut(LocalDate asAt) {
    return asAt.minusMonths(SHORT_MONTHS);
  }

  // ------------------------------------------------------------------------------------------ as query conditions

  /** Not closed. */
  public static Predicate open(Path<Recommendation> r, CriteriaBuilder cb) {
    return r.get("status").in(OPEN);
  }

  /** The date that applies, as a query expression. */
  public static Expression<LocalDate> dateThatApplies(Path<Recommendation> r, CriteriaBuilder cb) {
    return cb.coalesce(r.<LocalDate>get("currentTargetDate"), r.<LocalDate>get("originalTargetDate"));
  }

  /** The date lateness counts from, as a query expression. */
  public Expression<LocalDate> countedFrom(Path<Recommendation> r, CriteriaBuilder cb) {
    if (basis == Basis.CURRENT) {
      return dateThatApplies(r, cb);
    }
    Path<LocalDate> original = r.get("originalTargetDate");
    Path<LocalDate> current = r.get("currentTargetDate");
    return cb.<LocalDate>selectCase().when(cb.lessThan(current, original), current).otherwise(cb.coalesce(original, current));
  }

  /** Open and overdue as at the day. */
  public static Predicate overdue(Path<Recommendation> r, CriteriaBuilder cb, LocalDate asAt) {
    return cb.and(open(r, cb), cb.lessThan(dateThatApplies(r, cb), asAt));
  }

  /** Everything {@link #overdue} does not find, closed recommendations included. */
  public static Predicate notOverdue(Path<Recommendation> r, CriteriaBuilder cb, LocalDate asAt) {
    return cb.or(cb.not(open(r, cb)), cb.isNull(dateThatApplies(r, cb)), cb.greaterThanOrEqualTo(dateThatApplies(r, cb), asAt));
  }

  /** Open and in the band as at the day. */
  public Predicate in(Band band, Path<Recommendation> r, CriteriaBuilder cb, LocalDate asAt) {
    if (band == Band.NOT_DUE) {
      return cb.and(open(r, cb), cb.or(cb.isNull(dateThatApplies(r, cb)), cb.greaterThanOrEqualTo(dateThatApplies(r, cb), asAt)));
    }
    Expression<LocalDate> from = countedFrom(r, cb);
    Predicate within = switch (band) {
      case OVER_12_MONTHS -> cb.lessThan(from, longCut(asAt));
      case FROM_3_TO_12_MONTHS -> cb.and(cb.greaterThanOrEqualTo(from, longCut(asAt)), cb.lessThanOrEqualTo(from, shortCut(asAt)));
      default -> cb.greaterThan(from, shortCut(asAt));
    };
    return cb.and(overdue(r, cb, asAt), within);
  }
}
