package com.rectify.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** UK date formats for people; ISO for machines. */
public final class UkDates {

  public static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  public static final String TBC = "TBC";

  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private UkDates() {}

  /** 31/05/2024 as people write it, or 2024-05-31 as machines do; empty when it is neither. */
  public static Optional<LocalDate> parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    for (DateTimeFormatter format : new DateTimeFormatter[] {DAY_MONTH_YEAR, DateTimeFormatter.ISO_LOCAL_DATE}) {
      try {
        return Optional.of(LocalDate.parse(trimmed, format));
      } catch (DateTimeParseException notThisFormat) {
        // try the next
      }
    }
    return Optional.empty();
  }

  public static String display(LocalDate date) {
    return date == null ? TBC : DISPLAY.format(date);
  }
}
