package com.rectify.recommendation;

public enum RevisionDecision {
  PENDING,
  APPROVED,
  REFUSED
}
