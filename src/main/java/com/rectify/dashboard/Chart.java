package com.rectify.dashboard;

import java.util.List;

/**
 * One chart as the page draws it (Chart.js) and as its table shows the same numbers: categories along one
 * axis, a series per colour, and for every bar the register link that lists what it counts.
 */
public record Chart(String id, String title, String kind, String caption, boolean stacked, boolean horizontal,
    List<String> categories, List<Series> series) {

  /** {@code kind} of the series: "bar" or "line"; a line reads the right-hand axis (a percentage). */
  public record Series(String label, String kind, String colour, List<Number> values, List<String> links) {}

  public long total() {
    return series.stream().filter(s -> "bar".equals(s.kind())).flatMap(s -> s.values().stream())
        .mapToLong(Number::longValue).sum();
  }
}
