package com.rectify.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins are slowed down ({@code rectify.login-throttle}): after its free attempts fail, an account
 * or a client address is locked for {@code first-lock}, doubling with each further failure up to
 * {@code max-lock}; failures older than {@code forget-after} no longer count.
 */
@ConfigurationProperties("rectify.login-throttle")
public record LoginThrottleProperties(int accountFreeAttempts, int addressFreeAttempts, Duration firstLock,
    Duration maxLock, Duration forgetAfter, int maxTracked) {}
