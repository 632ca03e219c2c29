package com.rectify.audit;

public enum AuditStatus {
  FOLLOW_UP_OPEN,
  CLOSED
}
