package com.rectify.common;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A move the process does not allow. Thrown inside the engine's transaction, so nothing the move wrote
 * survives; the engine's REST API and Tasklist report it as a bad request with this message.
 */
public class LifecycleRuleViolation extends FormFieldValidationException {

  private final String field;

  public LifecycleRuleViolation(String field, String message) {
    super(field, message);
    this.field = field;
  }

  public String getField() {
    return field;
  }
}
