package com.rectify.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The council's calendar: dates in Europe/London, following the engine's clock so that tests which
 * move the engine clock move "today" with it.
 */
@Component
public class Today {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  public LocalDate date() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON);
  }

  public ZonedDateTime now() {
    return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON);
  }

  /** End of the given day in London, as the engine wants due dates. */
  public static Date endOfDay(LocalDate date) {
    return Date.from(date.atTime(23, 59, 59).atZone(LONDON).toInstant());
  }
}
