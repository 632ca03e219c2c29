package com.rectify.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address, for the login form and both HTTP Basic entry
 * points alike, and says how long either is locked. In memory on each node: a restart forgets, and a
 * cluster of n nodes allows n times the attempts, which still turns guessing from thousands a minute into
 * a handful.
 */
@Component
public class LoginThrottle {

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

  /** How long the account or the address must still wait, if either is locked. */
  public Optional<Duration> lockedFor(String account, String address) {
    Instant now = clock.instant();
    Instant until = later(lockedUntil(accountKey(account), now), lockedUntil(addressKey(address), now));
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  public void failed(String account, String address) {
    if (failures.size() >= properties.maxTracked()) {
      forgetOld();
    }
    record(accountKey(account), properties.accountFreeAttempts());
    record(addressKey(address), properties.addressFreeAttempts());
  }

  /** A correct password clears the account's failures; the address keeps its own, so one good login cannot hide guessing. */
  public void succeeded(String account) {
    failures.remove(accountKey(account));
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
    return "account:" + (account == null ? "" : account.trim().toLowerCase(java.util.Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
