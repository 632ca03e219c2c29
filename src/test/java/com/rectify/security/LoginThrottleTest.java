package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The throttle's arithmetic, on a clock the test moves: free attempts, a lock that doubles, its ceiling, forgetting;
 * an account locked for everyone, an address locked only at the accounts that failed from it.
 */
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
  void aSprayingAddressIsSlowedAtTheAccountsItHasTriedAndNobodyElseIsRefused() {
    spray("10.0.0.9", 9);
    assertThat(throttle.lockedFor("guess0", "10.0.0.9")).as("nine failures: not yet").isEmpty();
    throttle.failed("guess9", "10.0.0.9");
    assertThat(throttle.lockedFor("guess0", "10.0.0.9")).as("a second guess at an account it tried").contains(Duration.ofSeconds(5));
    assertThat(throttle.lockedFor("GUESS9", "10.0.0.9")).isPresent();
    assertThat(throttle.lockedFor("colleague", "10.0.0.9")).as("an account that has not failed from here").isEmpty();
    assertThat(throttle.lockedFor("guess0", "10.0.0.8")).as("the same account from elsewhere").isEmpty();

    throttle.failed("guess10", "10.0.0.9");
    assertThat(throttle.lockedFor("guess10", "10.0.0.9")).as("each further failure doubles the lock").contains(Duration.ofSeconds(10));
    assertThat(throttle.lockedFor("guess0", "10.0.0.9")).contains(Duration.ofSeconds(10));
    assertThat(throttle.lockedFor("colleague", "10.0.0.9")).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(throttle.lockedFor("guess0", "10.0.0.9")).as("after the lock, one more guess each").isEmpty();
    throttle.failed("guess0", "10.0.0.9");
    assertThat(throttle.lockedFor("guess1", "10.0.0.9")).contains(Duration.ofSeconds(20));
  }

  @Test
  void theAccountLockStillHoldsWhateverTheAddress() {
    spray("10.0.0.9", 10);
    fail("carol", "10.0.0.9", 3);
    assertThat(throttle.lockedFor("carol", "10.0.0.9")).isPresent();
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).as("carol's own lock, from anywhere").contains(Duration.ofSeconds(5));
  }

  @Test
  void typosThatTheRightPasswordFollowsDoNotAddUpAgainstTheAddress() {
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i, "10.0.0.5");
      throttle.succeeded("USER" + i, "10.0.0.5");
    }
    throttle.failed("olivia", "10.0.0.5");
    assertThat(throttle.lockedFor("olivia", "10.0.0.5")).as("one failure left on the address's count").isEmpty();
  }

  @Test
  void aCorrectPasswordClearsOnlyItsOwnAccountsFailures() {
    fail("carol", "10.0.0.1", 2);
    throttle.succeeded("carol", "10.0.0.1");
    assertThat(throttle.lockedFor("carol", "10.0.0.7")).isEmpty();
    spray("10.0.0.1", 10);
    throttle.succeeded("guesser", "10.0.0.1");
    assertThat(throttle.lockedFor("guess0", "10.0.0.1")).as("the attacker's own good login hides nothing").isPresent();

    spray("10.0.0.2", 10);
    throttle.succeeded("guess0", "10.0.0.2");
    assertThat(throttle.lockedFor("guess1", "10.0.0.2")).as("nine failures left: below the address's free attempts").isEmpty();
  }

  @Test
  void failuresOlderThanTheForgettingTimeNoLongerCount() {
    fail("carol", "10.0.0.1", 2);
    clock.advance(Duration.ofHours(2));
    fail("carol", "10.0.0.1", 1);
    assertThat(throttle.lockedFor("carol", "10.0.0.1")).isEmpty();
  }

  /** One wrong password at each of {@code accounts} accounts, guess0, guess1…, from one address. */
  private void spray(String address, int accounts) {
    for (int i = 0; i < accounts; i++) {
      throttle.failed("guess" + i, address);
    }
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
