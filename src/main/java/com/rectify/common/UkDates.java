package com.rectify.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** UK date formats for people; ISO for machines. */
public final class UkDates {

  public static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  public static final String TBC = "TBC";

  private UkDates() {}

  public static String display(LocalDate date) {
    return date == null ? TBC : DISPLAY.format(date);
  }
}
