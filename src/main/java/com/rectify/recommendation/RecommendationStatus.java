package com.rectify.recommendation;

public enum RecommendationStatus {
  /** Raised by audit; management has not yet agreed an action. */
  AWAITING_AGREEMENT,
  IN_IMPLEMENTATION,
  AWAITING_REVIEW,
  AWAITING_RISK_ACCEPTANCE,
  CLOSED_IMPLEMENTED,
  CLOSED_RISK_ACCEPTED,
  CLOSED_SUPERSEDED;

  private final String label = name().replace('_', ' ').toLowerCase(java.util.Locale.UK);
  private final boolean closed = name().startsWith("CLOSED_");

  /** As people read it: "awaiting review", "closed implemented". */
  public String label() {
    return label;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Every closed status, for queries that leave closed recommendations out. */
  public static java.util.List<RecommendationStatus> closedOnes() {
    return java.util.Arrays.stream(values()).filter(RecommendationStatus::isClosed).toList();
  }
}
