package com.rectify.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rectify.reporting-cycles}: how many recommendations one transaction asks for their update
 * ({@code chunk-size}), and how many of a person's recommendations their one update-request mail names
 * ({@code requests-listed}; Tasklist lists them all).
 */
@ConfigurationProperties("rectify.reporting-cycles")
public record ReportingCycleProperties(@DefaultValue("200") int chunkSize, @DefaultValue("50") int requestsListed) {}
