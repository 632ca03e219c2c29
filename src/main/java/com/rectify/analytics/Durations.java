package com.rectify.analytics;

import java.util.Locale;

/** A duration as a head of audit reads it: days once it is a day or more, hours or minutes below. */
public final class Durations {

  private static final double MINUTE = 60_000;
  private static final double HOUR = 60 * MINUTE;
  private static final double DAY = 24 * HOUR;

  private Durations() {}

  public static String shown(double millis) {
    if (millis >= DAY) {
      double days = millis / DAY;
      return (days >= 10 ? String.valueOf(Math.round(days)) : String.format(Locale.UK, "%.1f", days)) + " days";
    }
    if (millis >= HOUR) {
      return String.format(Locale.UK, "%.1f", millis / HOUR) + " h";
    }
    return Math.max(0, Math.round(millis / MINUTE)) + " min";
  }

  /** The unit a chart of these durations reads best in: days, or hours when the longest is under two days. */
  public enum Unit {
    DAYS("days", DAY), HOURS("hours", HOUR);

    private final String label;
    private final double millis;

    Unit(String label, double millis) {
      this.label = label;
      this.millis = millis;
    }

    public static Unit forLongest(double longestMillis) {
      return longestMillis >= 2 * DAY ? DAYS : HOURS;
    }

    public String label() {
      return label;
    }

    /** The duration in this unit, to one decimal place. */
    public double of(double durationMillis) {
      return Math.round(durationMillis / millis * 10) / 10.0;
    }
  }
}
