package com.rectify.analytics;

/**
 * "More evidence needed" loops: reviews completed, how many sent the evidence back, how many recommendations
 * were sent back at least once, and the most times one was.
 */
public record Loops(String group, long reviews, long sentBack, long recommendationsSentBack, long mostLoops) {
  public long sentBackPercent() {
    return reviews == 0 ? 0 : Math.round(100.0 * sentBack / reviews);
  }
}
