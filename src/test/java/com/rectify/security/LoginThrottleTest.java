package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic, on a clock the test moves: free attempts, a lock that doubles, its ceiling, forgetting. */
class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottleProperties(3, 10, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 1000), clock);

  @Test
  void anAccountIsLockedAfterItsFreeAttemptsForLongerEachTime() {
    fail("carol", "10.0.0.1", 2);
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).isEmpty();

    fail("carol", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("carol", "10.0.0.2")).contains(Duration.ofSeconds(5));
    assertThat(throttle.lockedFor("CAROL", "10.0.0.2")).as("names are compared ignoring case").isPresent();
    assertThat(throttle.lockedFor("olivia", "10.0.0.2")).as("other accounts from elsewhere").isEmpty();

    clock.advance(Duration.ofSeconds(5));
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).isEmpty();
    fail("carol", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).contains(Duration.ofSeconds(10));
    fail("carol", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).contains(Duration.ofSeconds(20));
    fail("carol", "10.0.0.1", 3);
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).as("up to the ceiling").contains(Duration.ofSeconds(30));
  }

  @Test
  void anAddressIsLockedAfterItsOwnFreeAttemptsWhateverTheAccounts() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("guess" + i, "10.0.0.9");
    }
    assertThat(throttle.lockedFor("someone", "10.0.0.9")).isEmpty();
    throttle.failed("guess9", "10.0.0.9");
    assertThat(throttle.lockedFor("someone", "10.0.0.9")).contains(Duration.ofSeconds(5));
    assertThat(throttle.lockedFor("someone", "10.0.0.8")).isEmpty();
  }

  @Test
  void aCorrectPasswordClearsTheAccountButNotTheAddress() {
    fail("carol", "10.0.0.1", 4);
    throttle.succeeded("carol");
    assertThat(throttle.lockedFor("carol", "10.0.0.7")).isEmpty();
    for (int i = 0; i < 7; i++) {
      throttle.failed("guess" + i, "10.0.0.1");
    }
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).as("the address has 11 failures").isPresent();
  }

  @Test
  void failuresOlderThanTheForgettingTimeNoLongerCount() {
    fail("carol", "10.0.0.1", 2);
    clock.advance(Duration.ofHours(2));
    fail("carol", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).isEmpty();
  }

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(account, address);
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
