package com.rectify.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

  private static final long HOUR = 60L * 60 * 1000;

  @Test
  void durationsReadAsDaysHoursOrMinutes() {
    assertThat(Durations.shown(36 * HOUR)).isEqualTo("1.5 days");
    assertThat(Durations.shown(24 * 15 * HOUR)).isEqualTo("15 days");
    assertThat(Durations.shown(3 * HOUR)).isEqualTo("3.0 h");
    assertThat(Durations.shown(HOUR / 2)).isEqualTo("30 min");
  }

  @Test
  void chartsUseHoursUntilTheLongestIsTwoDays() {
    assertThat(Durations.Unit.forLongest(47 * HOUR)).isEqualTo(Durations.Unit.HOURS);
    assertThat(Durations.Unit.forLongest(48 * HOUR)).isEqualTo(Durations.Unit.DAYS);
    assertThat(Durations.Unit.HOURS.of(90 * 60 * 1000)).isEqualTo(1.5);
    assertThat(Durations.Unit.DAYS.of(36 * HOUR)).isEqualTo(1.5);
  }
}
