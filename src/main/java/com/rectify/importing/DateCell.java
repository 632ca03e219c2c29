package com.rectify.importing;

import com.rectify.common.UkDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target-date cell as councils write it: 31/05/2024, 31 May 2024, Sep-04 (the last day of that month),
 * TBC, or "23/05/2023 Complete" (a date with a completion marker: the action is done).
 */
record DateCell(LocalDate date, boolean complete, String warning, String error) {

  private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)([a-z]*)\\.?";
  private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+" + MONTH + "[\\s,-]+(\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b" + MONTH + "\\s*['’/-]?\\s*-?\\s*(\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final String[] MONTHS =
      {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};

  public static DateCell read(String raw, List<String> completionMarkers, List<String> undatedWords) {
    String text = raw == null ? "" : raw.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    if (text.isEmpty()) {
      return new DateCell(null, false, null, null);
    }
    boolean complete = false;
    for (String marker : completionMarkers) {
      Matcher m = Pattern.compile("(?i)(?<![a-z])" + Pattern.quote(marker) + "(?![a-z])").matcher(text);
      if (m.find()) {
        complete = true;
        text = (text.substring(0, m.start()) + " " + text.substring(m.end())).trim();
        break;
      }
    }
    String bare = text.replaceAll("[\\s.()\\-:;,]+$", "").replaceAll("^[\\s.()\\-:;,]+", "");
    for (String word : undatedWords) {
      if (bare.equalsIgnoreCase(word)) {
        return new DateCell(null, complete, null, null);
      }
    }
    if (bare.isEmpty()) {
      return new DateCell(null, complete, null, null);
    }
    StringBuilder rest = new StringBuilder(text);
    java.util.TreeMap<Integer, LocalDate> found = new java.util.TreeMap<>();
    try {
      collect(NUMERIC, rest, found, m -> LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
      collect(ISO, rest, found, m -> LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      collect(DAY_MONTH_YEAR, rest, found, m -> LocalDate.of(year(m.group(4)), month(m.group(2), m.group(3)), Integer.parseInt(m.group(1))));
      collect(MONTH_YEAR, rest, found, m -> YearMonth.of(year(m.group(3)), month(m.group(1), m.group(2))).atEndOfMonth());
    } catch (DateTimeException | IllegalArgumentException e) {
      return new DateCell(null, complete, null, "'" + raw.trim() + "' is not a date (" + e.getMessage()
          + "); write 31/05/2024, 31 May 2024, May-24 or TBC.");
    }
    if (found.isEmpty()) {
      return new DateCell(null, complete, null, "'" + raw.trim() + "' cannot be read as a date; write 31/05/2024, 31 May 2024, May-24 or TBC.");
    }
    LocalDate date = found.lastEntry().getValue();
    String leftover = rest.toString().replaceAll("[\\s\\p{Punct}]+", "");
    String warning = found.size() > 1 || !leftover.isEmpty()
        ? "'" + raw.trim() + "' read as " + UkDates.display(date) + "; the words are kept in a progress note."
        : null;
    return new DateCell(date, complete, warning, null);
  }

  /** True when the cell said more than a date (its words are worth keeping). */
  public boolean hasWords() {
    return warning != null;
  }

  private interface Reading {
    LocalDate of(Matcher m);
  }

  /** Finds every match, in order of position in the cell, and blanks it out so shorter patterns do not match it again. */
  private static void collect(Pattern pattern, StringBuilder rest, java.util.TreeMap<Integer, LocalDate> found, Reading reading) {
    Matcher m = pattern.matcher(rest.toString());
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      if (m.groupCount() >= 2 && pattern != NUMERIC && pattern != ISO) {
        String monthGroup = pattern == DAY_MONTH_YEAR ? m.group(2) + m.group(3) : m.group(1) + m.group(2);
        if (!isMonth(monthGroup)) {
          continue;
        }
      }
      found.put(m.start(), reading.of(m));
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int[] span : spans) {
      for (int i = span[0]; i < span[1]; i++) {
        rest.setCharAt(i, ' ');
      }
    }
  }

  private static boolean isMonth(String word) {
    String lower = word.toLowerCase(Locale.UK).replace(".", "");
    for (String month : MONTHS) {
      if (month.startsWith(lower) || (lower.equals("sept"))) {
        return true;
      }
    }
    return false;
  }

  private static int month(String prefix, String tail) {
    String word = (prefix + tail).toLowerCase(Locale.UK);
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].startsWith(word) || (word.equals("sept") && i == 8)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("'" + prefix + tail + "' is not a month");
  }

  private static int year(String digits) {
    int year = Integer.parseInt(digits);
    return digits.length() == 2 ? 2000 + year : year;
  }
}
