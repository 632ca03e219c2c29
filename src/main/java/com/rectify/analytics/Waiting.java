package com.rectify.analytics;

/** Recommendations waiting at a step now: how many, the median wait and the longest, in milliseconds. */
record Waiting(String step, String group, long waiting, long medianMillis, long longestMillis) {}
