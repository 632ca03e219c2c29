package com.rectify.evidence;

public enum EvidenceState {
  /** Uploaded to the open implementation step, not yet submitted for review. */
  UPLOADED,
  /** Submitted with the implementation step; waiting for an auditor. */
  SUBMITTED,
  ACCEPTED,
  RETURNED
}
