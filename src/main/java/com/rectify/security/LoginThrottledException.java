package com.rectify.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password is checked, because the account or the address is locked for a while. */
class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  public LoginThrottledException(Duration wait) {
    super(message(seconds(wait)));
    this.retryAfterSeconds = seconds(wait);
  }

  public long getRetryAfterSeconds() {
    return retryAfterSeconds;
  }

  public static String message(long seconds) {
    return "Too many failed sign-ins: try again in " + seconds + " s.";
  }

  private static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
