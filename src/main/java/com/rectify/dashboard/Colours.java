package com.rectify.dashboard;

import com.rectify.recommendation.Grade;

/** The dashboard's colours, one meaning each, readable by people with the common colour-vision deficiencies. */
final class Colours {

  static final String NOT_DUE = "#8fb8de";
  static final String UNDER_3 = "#f2c14e";
  static final String FROM_3_TO_12 = "#f08a24";
  static final String OVER_12 = "#b3261e";
  static final String IMPLEMENTED = "#2e7d32";
  static final String RISK_ACCEPTED = "#6a4c93";
  static final String LINE = "#1d3557";

  private Colours() {}

  static String of(Grade grade) {
    return switch (grade) {
      case ESSENTIAL -> "#7f0000";
      case HIGH -> "#d1495b";
      case MEDIUM -> "#edae49";
      case LOW -> "#66a182";
    };
  }
}
