package com.rectify.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins are slowed down ({@code rectify.login-throttle}): after its free attempts fail, an account
 * is locked (from every address), or a client address is locked (for the accounts that failed from it), for
 * {@code first-lock}, doubling with each further failure up to {@code max-lock}; failures older than
 * {@code forget-after} no longer count. See {@link LoginThrottle}.
 */
@ConfigurationProperties("rectify.login-throttle")
record LoginThrottleProperties(int accountFreeAttempts, int addressFreeAttempts, Duration firstLock,
    Duration maxLock, Duration forgetAfter, int maxTracked) {}
