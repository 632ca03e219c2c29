package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import com.rectify.common.TextSanitizer;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Reads what a person submitted on a task form. Text is copied into the register and then removed from
 * the engine, which keeps only the small routing variables.
 */
final class FormInput {

  private static final int MAX_TEXT = com.rectify.common.TextLimits.LONGEST_TEXT;

  private final DelegateTask task;

  FormInput(DelegateTask task) {
    this.task = task;
  }

  String requiredText(String field, String label) {
    String text = optionalText(field);
    if (text == null || text.isBlank()) {
      throw new LifecycleRuleViolation(field, label + " is required (field '" + field + "').");
    }
    return text;
  }

  String optionalText(String field) {
    Object raw = task.getVariable(field);
    task.removeVariable(field);
    if (raw == null) {
      return null;
    }
    String text = TextSanitizer.plain(raw.toString());
    if (text.length() > MAX_TEXT) {
      throw new LifecycleRuleViolation(field, "Field '" + field + "' is longer than " + MAX_TEXT + " characters.");
    }
    return text.isBlank() ? null : text;
  }

  LocalDate requiredDate(String field, String label) {
    Object raw = task.getVariable(field);
    task.removeVariable(field);
    if (raw == null || raw.toString().isBlank()) {
      throw new LifecycleRuleViolation(field, label + " is required (field '" + field + "').");
    }
    if (raw instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), com.rectify.common.Today.LONDON);
    }
    String text = raw.toString().trim();
    return com.rectify.common.UkDates.parse(text.length() > 10 && text.charAt(4) == '-' ? text.substring(0, 10) : text)
        .orElseThrow(() -> new LifecycleRuleViolation(field,
            "Field '" + field + "' must be a date written day/month/year (31/03/2027), not '" + text + "'."));
  }

  boolean flag(String field) {
    Object raw = task.getVariable(field);
    task.removeVariable(field);
    return raw instanceof Boolean b ? b : raw != null && Boolean.parseBoolean(raw.toString());
  }

  <E extends Enum<E>> E choice(String field, Class<E> choices) {
    Object raw = task.getVariable(field);
    if (raw == null) {
      throw new LifecycleRuleViolation(field, "Choose an option for '" + field + "'.");
    }
    try {
      return Enum.valueOf(choices, raw.toString());
    } catch (IllegalArgumentException e) {
      throw new LifecycleRuleViolation(field, "'" + raw + "' is not a valid choice for '" + field + "'; choose one of "
          + java.util.Arrays.toString(choices.getEnumConstants()) + ".");
    }
  }
}
