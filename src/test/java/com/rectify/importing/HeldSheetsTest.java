package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Checked sheets kept for their checker only, for a while, and never more of them or more bytes than allowed. */
class HeldSheetsTest {

  private final MovableClock clock = new MovableClock();
  private final HeldSheets sheets = new HeldSheets(
      new HeldSheetProperties(Duration.ofMinutes(30), 3, 2, DataSize.ofBytes(100)), clock);

  @Test
  void aSheetIsFoundByItsTokenOnlyByWhoeverCheckedItAndOnlyOnce() {
    String token = sheets.keep(sheet("helen", 10)).orElseThrow();
    assertThat(sheets.take(token, "deputy")).isEmpty();
    assertThat(sheets.take("a-token-never-given", "helen")).isEmpty();
    assertThat(sheets.take(token, "helen")).get().extracting(HeldSheet::fileName).isEqualTo("helen.csv");
    assertThat(sheets.take(token, "helen")).isEmpty();
  }

  @Test
  void aSheetIsLetGoOnceKeptForItsTime() {
    String token = sheets.keep(sheet("helen", 10)).orElseThrow();
    clock.move(Duration.ofMinutes(29));
    String later = sheets.keep(sheet("helen", 10)).orElseThrow();
    clock.move(Duration.ofMinutes(1));
    assertThat(sheets.take(token, "helen")).isEmpty();
    assertThat(sheets.take(later, "helen")).isPresent();
  }

  @Test
  void pastAPersonsLimitTheirOldestSheetIsLetGo() {
    String first = sheets.keep(sheet("helen", 10)).orElseThrow();
    String deputys = sheets.keep(sheet("deputy", 10)).orElseThrow();
    clock.move(Duration.ofSeconds(1));
    String second = sheets.keep(sheet("helen", 10)).orElseThrow();
    clock.move(Duration.ofSeconds(1));
    String third = sheets.keep(sheet("helen", 10)).orElseThrow();
    assertThat(sheets.take(first, "helen")).isEmpty();
    assertThat(sheets.take(second, "helen")).isPresent();
    assertThat(sheets.take(third, "helen")).isPresent();
    assertThat(sheets.take(deputys, "deputy")).isPresent();
  }

  @Test
  void pastTheLimitsOfAllSheetsTheOldestIsLetGoAndOneTooLargeIsNotKept() {
    String a = sheets.keep(sheet("a", 40)).orElseThrow();
    clock.move(Duration.ofSeconds(1));
    String b = sheets.keep(sheet("b", 40)).orElseThrow();
    clock.move(Duration.ofSeconds(1));
    String c = sheets.keep(sheet("c", 40)).orElseThrow();
    assertThat(sheets.take(a, "a")).as("120 bytes would be over the 100 kept in all").isEmpty();
    assertThat(sheets.take(b, "b")).isPresent();
    assertThat(sheets.take(c, "c")).isPresent();

    String d = sheets.keep(sheet("d", 1)).orElseThrow();
    clock.move(Duration.ofSeconds(1));
    String e = sheets.keep(sheet("e", 1)).orElseThrow();
    String f = sheets.keep(sheet("f", 1)).orElseThrow();
    String g = sheets.keep(sheet("g", 1)).orElseThrow();
    assertThat(sheets.take(d, "d")).as("three sheets at most").isEmpty();
    assertThat(sheets.take(e, "e")).isPresent();
    assertThat(sheets.take(f, "f")).isPresent();
    assertThat(sheets.take(g, "g")).isPresent();

    assertThat(sheets.keep(sheet("h", 101))).isEmpty();
  }

  private static HeldSheet sheet(String owner, int size) {
    return new HeldSheet(owner, owner + ".csv", new byte[size], new ImportOptions(null, null, null, null, null, null, null, null));
  }

  /** A clock the test moves on. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2025-01-06T09:00:00Z");

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
