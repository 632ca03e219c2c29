package com.rectify.analytics;

/**
 * Time a step took, per recommendation (all its visits to the step added up): how many recommendations went
 * through it, the median and the 90th percentile, in milliseconds.
 */
record StepStats(String step, String group, long recommendations, double medianMillis, double p90Millis) {}
