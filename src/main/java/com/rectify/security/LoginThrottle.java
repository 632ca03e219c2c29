package com.rectify.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins, for the login form and both HTTP Basic entry points alike, and says how long a sign-in
 * must wait. Two locks, each doubling with every further failure from {@code first-lock} up to {@code max-lock}:
 *
 * <ul>
 *   <li>An <b>account</b> that has failed {@code account-free-attempts} times, from anywhere, is locked for
 *       everyone: guessing one person's password is slow wherever it comes from.
 *   <li>An <b>address</b> is locked after {@code address-free-attempts} failures from it: password spraying, a
 *       guess or two at each of many accounts. Many people share one address (a council's outgoing address), and
 *       before a password is checked nothing tells a colleague from the attacker but this: the colleague's account
 *       has not failed from that address. So the address's lock refuses only the accounts that have failed from
 *       it; any other account there is checked as usual, and a wrong password makes it one more failure. The
 *       sprayer gets one guess at each account per lock instead of guess after guess, and everyone else behind
 *       the address signs in. A failure that the same account's right password then follows from the same
 *       address (a typo) is taken off the address's count, so a busy office's typos do not add up to a lock;
 *       an attacker's own good login clears only its own account's failures.
 * </ul>
 *
 * <p>In memory on each node: a restart forgets, and a cluster of n nodes allows n times the attempts, which still
 * turns guessing from thousands a minute into a handful.
 */
@Component
class LoginThrottle {

  private record Failures(int count, Instant last, Instant lockedUntil) {}

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  @Autowired
  public LoginThrottle(LoginThrottleProperties properties) {
    this(properties, Clock.systemUTC());
  }

  LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * How long a sign-in to this account from this address must still wait: while the account is locked, or while
   * the address is locked and this account has failed from it.
   */
  public Optional<Duration> lockedFor(String account, String address) {
    Instant now = clock.instant();
    Instant until = lockedUntil(accountKey(account), now);
    if (hasFailed(pairKey(address, account), now)) {
      until = later(until, lockedUntil(addressKey(address), now));
    }
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  public void failed(String account, String address) {
    if (failures.size() >= properties.maxTracked()) {
      forgetOld();
    }
    record(accountKey(account), properties.accountFreeAttempts());
    record(pairKey(address, account), Integer.MAX_VALUE);
    record(addressKey(address), properties.addressFreeAttempts());
  }

  /**
   * A correct password clears the account's failures, and takes its failures from this address off the address's
   * count: they were typos. Failures at other accounts from the address still count, so one good login cannot
   * hide guessing.
   */
  public void succeeded(String account, String address) {
    Instant now = clock.instant();
    failures.remove(accountKey(account));
    Failures typos = failures.remove(pairKey(address, account));
    if (typos == null || isForgotten(typos, now)) {
      return;
    }
    failures.computeIfPresent(addressKey(address), (key, before) -> {
      int left = before.count() - typos.count();
      if (left <= 0) {
        return null;
      }
      return new Failures(left, before.last(), left >= properties.addressFreeAttempts() ? before.lockedUntil() : null);
    });
  }

  private void record(String key, int freeAttempts) {
    Instant now = clock.instant();
    failures.compute(key, (k, before) -> {
      int count = before == null || isForgotten(before, now) ? 1 : before.count() + 1;
      Instant lockedUntil = null;
      if (count >= freeAttempts) {
        int doublings = Math.min(count - freeAttempts, 30);
        Duration lock = properties.firstLock().multipliedBy(1L << doublings);
        lockedUntil = now.plus(lock.compareTo(properties.maxLock()) > 0 ? properties.maxLock() : lock);
      }
      return new Failures(count, now, lockedUntil);
    });
  }

  private boolean hasFailed(String key, Instant now) {
    Failures entry = failures.get(key);
    return entry != null && !isForgotten(entry, now);
  }

  private Instant lockedUntil(String key, Instant now) {
    Failures entry = failures.get(key);
    return entry == null || entry.lockedUntil() == null || !entry.lockedUntil().isAfter(now) ? null : entry.lockedUntil();
  }

  private boolean isForgotten(Failures entry, Instant now) {
    return entry.last().plus(properties.forgetAfter()).isBefore(now);
  }

  private void forgetOld() {
    Instant now = clock.instant();
    failures.entrySet().removeIf(e -> isForgotten(e.getValue(), now));
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static String accountKey(String account) {
    return "account:" + normalised(account);
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }

  private static String pairKey(String address, String account) {
    return "pair:" + address + " " + normalised(account);
  }

  private static String normalised(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }
}
