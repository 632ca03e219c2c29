package com.rectify.importing;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month a reporting cycle belongs to, read from its name as people write it, to put cycles in order:
 * "October 2024", "September 2024 Audit Committee", "March 2024 cycle", "Sep-24", "Q3 2024/25" or "2024/25 Q3"
 * (a council's financial year starts in April, so Q3 2024/25 is October 2024). A quarter without a financial year
 * ("Q3 2024") could be either kind of year and gives no month.
 */
final class CycleStart {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  /** A month and a year anywhere in the name: "October 2024", "Sep-24", "Mar '25". */
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b" + DateWords.MONTH + "(?:[\\s,]*(\\d{4})\\b|\\s*[-/'’]\\s*(\\d{2})\\b)", FLAGS);
  private static final String QUARTER = "(?:q|quarter\\s*)([1-4])";
  private static final String FINANCIAL_YEAR = "(\\d{4})\\s*[/-]\\s*(\\d{4}|\\d{2})";
  /** "Q3 2024/25", "Quarter 3 2024-25". */
  private static final Pattern QUARTER_THEN_YEAR = Pattern.compile("\\b" + QUARTER + "\\s*(?:of\\s+)?" + FINANCIAL_YEAR + "\\b", FLAGS);
  /** "2024/25 Q3". */
  private static final Pattern YEAR_THEN_QUARTER = Pattern.compile("\\b" + FINANCIAL_YEAR + "\\s*" + QUARTER + "\\b", FLAGS);

  private CycleStart() {}

  static Optional<YearMonth> of(String cycleName) {
    if (cycleName == null) {
      return Optional.empty();
    }
    Matcher m = MONTH_YEAR.matcher(cycleName);
    if (m.find()) {
      String year = m.group(2) != null ? m.group(2) : m.group(3);
      return Optional.of(YearMonth.of(DateWords.year(year), DateWords.month(m.group(1))));
    }
    if ((m = QUARTER_THEN_YEAR.matcher(cycleName)).find()) {
      return quarter(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
    }
    if ((m = YEAR_THEN_QUARTER.matcher(cycleName)).find()) {
      return quarter(Integer.parseInt(m.group(3)), m.group(1), m.group(2));
    }
    return Optional.empty();
  }

  /** Q1 is April to June of the first year, Q4 January to March of the second; the years must follow each other. */
  private static Optional<YearMonth> quarter(int quarter, String firstYear, String secondYear) {
    int first = Integer.parseInt(firstYear);
    int second = Integer.parseInt(secondYear);
    boolean follows = secondYear.length() == 2 ? second == (first + 1) % 100 : second == first + 1;
    if (!follows) {
      return Optional.empty();
    }
    return Optional.of(YearMonth.of(first, 4).plusMonths(3L * (quarter - 1)));
  }
}
