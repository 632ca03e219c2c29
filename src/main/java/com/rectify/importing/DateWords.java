package com.rectify.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target date as committee papers write it in running text: 31st January 2025, 1 Sept 2024, 31/03/2024,
 * 31.03.24, 2024-03-31, January 31, 2025, March 2025, TBC; and chains of them joined by "then" (the date was moved
 * more than once). Rules, so that nothing is guessed:
 * <ul>
 *   <li>numbers are day first, as in the UK: 01/03/2024 is the 1st of March;</li>
 *   <li>a two-digit year is 20xx;</li>
 *   <li>a month and year alone (March 2025, end of March 2025, Sep-24) is the last day of that month: papers
 *       mean "by the end of March";</li>
 *   <li>a two-digit year after a month needs a mark (Sep-24, Mar '25): "March 24" could be the 24th, so it is not read;</li>
 *   <li>a day and month without a year, or a day the calendar does not have, is not read.</li>
 * </ul>
 * Text that is not read comes back with the problem in words; the caller keeps the text and says so.
 */
final class DateWords {

  /** Dates read, in the order written (null stands for TBC), or the problem when the words are not dates. */
  record Reading(List<LocalDate> dates, String problem) {

    static Reading of(List<LocalDate> dates) {
      return new Reading(Collections.unmodifiableList(new ArrayList<>(dates)), null);
    }

    static Reading problem(String problem) {
      return new Reading(List.of(), problem);
    }

    boolean isRead() {
      return problem == null;
    }
  }

  /** The start of a text read as dates: the words read, what they say, and the text after them. */
  record Clause(String words, Reading reading, String rest) {}

  /** A clause is short: sentence ends further in than this are not tried (keeps a long narrative quick to read). */
  static final int LONGEST_CLAUSE = 200;

  /** Month names in English, full or short, as one alternative ("sept" before "sep" so the longer one wins). */
  static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december"
      + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";

  private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
      Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
      Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
      Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("jun", 6),
      Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10),
      Map.entry("nov", 11), Map.entry("dec", 12));

  /** 1st, 2nd, 3rd, 31st: the letters may be split from the number where a superscript was removed. */
  private static final String ORDINAL = "(?:\\s*(?:st|nd|rd|th))?";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** 31/03/2024, 31.03.24, 31-03-2024: day, month, year with the same mark between them. */
  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})");
  /** 2024-03-31. */
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  /** 31st January 2025, 31 Jan 25, 31-Jan-2025, 1st of March 2024. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(\\d{1,2})" + ORDINAL + "(?:\\s+of)?[\\s-]*" + MONTH + "[\\s,-]*(\\d{4}|\\d{2})", FLAGS);
  /** January 31st 2025, January 31, 2025. */
  private static final Pattern MONTH_DAY_YEAR = Pattern.compile(MONTH + "\\s*(\\d{1,2})" + ORDINAL + ",?\\s+(\\d{4})", FLAGS);
  /** March 2025, end of March 2025, Sep-24, Mar '25. */
  private static final Pattern MONTH_YEAR =
      Pattern.compile("(?:(?:the\\s+)?end\\s+(?:of\\s+)?)?" + MONTH + "(?:[\\s,]*(\\d{4})|\\s*[-/'’]\\s*(\\d{2}))", FLAGS);
  /** TBC, T.B.C., TBA, to be confirmed, to be agreed. */
  private static final Pattern TO_BE_CONFIRMED =
      Pattern.compile("t\\.?\\s?b\\.?\\s?[ca]\\.?|to\\s+be\\s+(?:confirmed|agreed|advised)", FLAGS);

  /** 31st January, January 31st: a date with no year. */
  private static final Pattern NO_YEAR = Pattern.compile(
      "(?:\\d{1,2}" + ORDINAL + "(?:\\s+of)?[\\s-]*" + MONTH + ")|(?:" + MONTH + "\\s*\\d{1,2}" + ORDINAL + ")", FLAGS);
  /** March 24: the 24th of March, or March 2024? */
  private static final Pattern MONTH_AND_TWO_DIGITS = Pattern.compile(MONTH + "\\s+\\d{2}", FLAGS);

  /** "31 July 2024, then 1 Sep 2024", "TBC and then March 2025". */
  private static final Pattern THEN = Pattern.compile("\\s*[,;.]?\\s*\\b(?:and\\s+)?then\\b[\\s,:]*", FLAGS);
  private static final Pattern LEADING_BY = Pattern.compile("^by\\s+", FLAGS);

  private DateWords() {}

  /**
   * The longest start of the text that reads as dates and ends at the end of a sentence ("." or ";") or of the
   * text; or, when no start reads, the first sentence with its problem.
   */
  static Clause readClause(String text) {
    List<Integer> ends = sentenceEnds(text);
    for (int i = ends.size() - 1; i >= 0; i--) {
      int end = ends.get(i);
      Reading reading = readChain(text.substring(0, end));
      if (reading.isRead()) {
        return new Clause(text.substring(0, end).trim(), reading, text.substring(Math.min(end + 1, text.length())).trim());
      }
    }
    int firstEnd = ends.isEmpty() ? text.length() : ends.get(0);
    String words = text.substring(0, firstEnd).trim();
    return new Clause(words, readChain(words), text.substring(Math.min(firstEnd + 1, text.length())).trim());
  }

  /** Dates joined by "then", in the order written; read only when every one of them is. */
  static Reading readChain(String words) {
    String[] parts = THEN.split(words.trim(), -1);
    List<LocalDate> dates = new ArrayList<>();
    for (String part : parts) {
      Reading one = readOne(part);
      if (!one.isRead()) {
        return one;
      }
      dates.addAll(one.dates());
    }
    return Reading.of(dates);
  }

  /** One date or TBC, nothing else around it but a leading "by" and closing punctuation. */
  static Reading readOne(String words) {
    String text = LEADING_BY.matcher(withoutClosingMarks(words)).replaceFirst("");
    if (text.isEmpty()) {
      return Reading.problem("a date is missing");
    }
    if (text.length() > LONGEST_CLAUSE) {
      return Reading.problem("these words are not a date");
    }
    Matcher m;
    try {
      if ((m = NUMERIC.matcher(text)).matches()) {
        return date(LocalDate.of(year(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1))));
      }
      if ((m = ISO.matcher(text)).matches()) {
        return date(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      }
      if ((m = DAY_MONTH_YEAR.matcher(text)).matches()) {
        return date(LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))));
      }
      if ((m = MONTH_DAY_YEAR.matcher(text)).matches()) {
        return date(LocalDate.of(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))));
      }
      if ((m = MONTH_YEAR.matcher(text)).matches()) {
        String year = m.group(2) != null ? m.group(2) : m.group(3);
        return date(YearMonth.of(year(year), month(m.group(1))).atEndOfMonth());
      }
    } catch (DateTimeException noSuchDay) {
      return Reading.problem("\"" + text + "\" is not a day in the calendar");
    }
    if (TO_BE_CONFIRMED.matcher(text).matches()) {
      List<LocalDate> tbc = new ArrayList<>();
      tbc.add(null);
      return Reading.of(tbc);
    }
    if (MONTH_AND_TWO_DIGITS.matcher(text).matches()) {
      return Reading.problem("\"" + text + "\" could be a day of that month or a year");
    }
    if (NO_YEAR.matcher(text).matches()) {
      return Reading.problem("\"" + text + "\" gives no year");
    }
    return Reading.problem("\"" + text + "\" is not a date");
  }

  /** The number of a month named in English, full or short. */
  static int month(String name) {
    Integer number = MONTH_NUMBERS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    if (number == null) {
      throw new IllegalArgumentException("not a month: " + name);
    }
    return number;
  }

  /** Two-digit years are this century's. */
  static int year(String digits) {
    int year = Integer.parseInt(digits);
    return digits.length() == 2 ? 2000 + year : year;
  }

  /** The words without spaces and punctuation at their end: "TBC." is "TBC". */
  private static String withoutClosingMarks(String words) {
    int end = words.length();
    while (end > 0 && (Character.isWhitespace(words.charAt(end - 1)) || ".,;:".indexOf(words.charAt(end - 1)) >= 0)) {
      end--;
    }
    return words.substring(0, end).trim();
  }

  private static Reading date(LocalDate date) {
    return Reading.of(List.of(date));
  }

  /** Where a clause may end: before a "." or ";" that closes a sentence, and at the end of a short text. */
  private static List<Integer> sentenceEnds(String text) {
    List<Integer> ends = new ArrayList<>();
    int limit = Math.min(text.length(), LONGEST_CLAUSE);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == ';') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
        ends.add(i);
      }
    }
    if (text.length() <= LONGEST_CLAUSE) {
      ends.add(text.length());
    }
    return ends;
  }
}
