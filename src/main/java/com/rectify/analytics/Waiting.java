package com.rectify.analytics;

/** Recommendations waiting at a step now: how many, the median wait and the longest, in milliseconds. */
public record Waiting(String step, String group, long waiting, long medianMillis, long longestMillis) {}
