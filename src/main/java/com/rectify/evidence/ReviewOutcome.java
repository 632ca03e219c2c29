package com.rectify.evidence;

public enum ReviewOutcome {
  IMPLEMENTED,
  MORE_EVIDENCE,
  PARTIALLY_IMPLEMENTED
}
