package com.rectify.recommendation.revision;

public enum RevisionDecision {
  PENDING,
  APPROVED,
  REFUSED
}
