package com.rectify.register;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * How far past its date an open recommendation is, as committee papers band it: counted from the original
 * target date; overdue when the date that applies (the current one, or the original while revised to TBC)
 * has passed.
 */
public enum OverdueBand {
  NOT_DUE("not-due", "Not yet due"),
  UNDER_3_MONTHS("under-3m", "Overdue < 3 months"),
  FROM_3_TO_12_MONTHS("3-12m", "Overdue 3–12 months"),
  OVER_12_MONTHS("over-12m", "Overdue > 12 months"),
  /** Overdue at all: the three overdue bands together. */
  ANY("any", "Overdue");

  private final String code;
  private final String label;

  OverdueBand(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() { return code; }
  public String label() { return label; }

  public static Optional<OverdueBand> ofCode(String code) {
    return Arrays.stream(values()).filter(b -> b.code.equalsIgnoreCase(code.trim())).findFirst();
  }

  /** Bounds on the original date for the overdue bands: a recommendation first due on or after {@code from} and before {@code to}. */
  public record Cut(LocalDate from, LocalDate to) {}

  public Cut originalDateCut(LocalDate today) {
    LocalDate twelveMonthsAgo = today.minusMonths(12);
    LocalDate threeMonthsAgo = today.minusMonths(3);
    return switch (this) {
      case OVER_12_MONTHS -> new Cut(null, twelveMonthsAgo);
      case FROM_3_TO_12_MONTHS -> new Cut(twelveMonthsAgo, threeMonthsAgo.plusDays(1));
      case UNDER_3_MONTHS -> new Cut(threeMonthsAgo.plusDays(1), null);
      default -> new Cut(null, null);
    };
  }
}
