package com.rectify.recommendation;

/** Canonical grades; each council's own words map onto these through configured aliases. */
public enum Grade {
  ESSENTIAL("Essential"),
  HIGH("High"),
  MEDIUM("Medium"),
  LOW("Low");

  private final String label;

  Grade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
