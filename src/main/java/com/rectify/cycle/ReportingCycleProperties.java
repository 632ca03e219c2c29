package com.rectify.cycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code rectify.reporting-cycles}: how many recommendations one transaction asks for their update. */
@ConfigurationProperties("rectify.reporting-cycles")
public record ReportingCycleProperties(@DefaultValue("200") int chunkSize) {}
