package com.rectify.evidence;

public enum EvidenceState {
  /** Uploaded to the open implementation step, not yet submitted for review. */
  UPLOADED,
  /** Submitted with the implementation step; waiting for an auditor. */
  SUBMITTED,
  ACCEPTED,
  RETURNED;

  /** As people read it: "submitted for review", "sent back". */
  public String label() {
    return switch (this) {
      case UPLOADED -> "uploaded";
      case SUBMITTED -> "submitted for review";
      case ACCEPTED -> "accepted";
      case RETURNED -> "sent back";
    };
  }
}
