package com.rectify.importing;

import com.rectify.common.UkDates;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target-date cell as councils write it: 31/05/2024, 31 May 2024, Sep-04 (the last day of that month),
 * "23/05/2023 Complete" (a date with a completion marker: the action is done), or no date at all ("TBC",
 * "ongoing", "1/2 yrly"): no target date, with a warning, as the words are worth keeping. Only a date that
 * cannot be (31/02/2024) is an error: the sheet meant a day, and which one cannot be told.
 */
record DateCell(LocalDate date, boolean complete, String warning, String error) {

  private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)([a-z]*)\\.?";
  private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})\\b");
  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  /** A day before a month, unless the number is the year of a month before it ("Sep- 04 Dec-04" is two months). */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?<!\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\\.?[\\s'’/-]{1,3})\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+" + MONTH + "[\\s,-]+(\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b" + MONTH + "\\s*['’/-]?\\s*-?\\s*(\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE);
  private static final String[] MONTHS =
      {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
  /** Longest first: a day-month-year is not read again as a month-year. */
  private static final List<Pattern> PATTERNS = List.of(NUMERIC, ISO, DAY_MONTH_YEAR, MONTH_YEAR);

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
    if (bare.isEmpty()) {
      return new DateCell(null, complete, null, null);
    }
    for (String word : undatedWords) {
      if (bare.equalsIgnoreCase(word)) {
        return new DateCell(null, complete, "'" + text + "' gives no date: imported as TBC (no target date)", null);
      }
    }
    StringBuilder rest = new StringBuilder(text);
    TreeMap<Integer, LocalDate> found = new TreeMap<>();
    try {
      for (Pattern pattern : PATTERNS) {
        collect(pattern, rest, found);
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      return new DateCell(null, complete, null, "'" + raw.trim() + "' is not a date (" + e.getMessage()
          + "); write 31/05/2024, 31 May 2024, May-24 or TBC.");
    }
    if (found.isEmpty()) {
      return new DateCell(null, complete, "'" + raw.trim() + "' is not a date: imported as TBC (no target date)", null);
    }
    LocalDate date = found.lastEntry().getValue();
    String leftover = rest.toString().replaceAll("[\\s\\p{Punct}]+", "");
    String warning = found.size() > 1 || !leftover.isEmpty() ? "'" + raw.trim() + "' read as " + UkDates.display(date) : null;
    return new DateCell(date, complete, warning, null);
  }

  /**
   * Where dates stand in a text, in order, as [start, end) pairs: the same dates {@link #read} reads, found among
   * other words ("Draft by Jun-04 Agree with staff- Aug-04 Sep-04" holds three). Dates that cannot be are left out.
   */
  static List<int[]> find(String text) {
    StringBuilder rest = new StringBuilder(text);
    TreeMap<Integer, int[]> spans = new TreeMap<>();
    for (Pattern pattern : PATTERNS) {
      Matcher m = pattern.matcher(rest.toString());
      List<int[]> matched = new ArrayList<>();
      while (m.find()) {
        try {
          if (isDate(pattern, m)) {
            matched.add(new int[] {m.start(), m.end()});
          }
        } catch (DateTimeException | IllegalArgumentException notADate) {
          // a month-like word with a number that is no date: left as words
        }
      }
      blank(rest, matched);
      matched.forEach(span -> spans.put(span[0], span));
    }
    return new ArrayList<>(spans.values());
  }

  /** Finds every match, in order of position in the cell, and blanks it out so shorter patterns do not match it again. */
  private static void collect(Pattern pattern, StringBuilder rest, TreeMap<Integer, LocalDate> found) {
    Matcher m = pattern.matcher(rest.toString());
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      if (!isDate(pattern, m)) {
        continue;
      }
      found.put(m.start(), dateOf(pattern, m));
      spans.add(new int[] {m.start(), m.end()});
    }
    blank(rest, spans);
  }

  private static boolean isDate(Pattern pattern, Matcher m) {
    if (pattern == DAY_MONTH_YEAR) {
      return isMonth(m.group(2) + m.group(3)) && dateOf(pattern, m) != null;
    }
    if (pattern == MONTH_YEAR) {
      return isMonth(m.group(1) + m.group(2)) && dateOf(pattern, m) != null;
    }
    return dateOf(pattern, m) != null;
  }

  private static LocalDate dateOf(Pattern pattern, Matcher m) {
    if (pattern == NUMERIC) {
      return LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }
    if (pattern == ISO) {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    if (pattern == DAY_MONTH_YEAR) {
      return LocalDate.of(year(m.group(4)), month(m.group(2), m.group(3)), Integer.parseInt(m.group(1)));
    }
    return YearMonth.of(year(m.group(3)), month(m.group(1), m.group(2))).atEndOfMonth();
  }

  private static void blank(StringBuilder rest, List<int[]> spans) {
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
