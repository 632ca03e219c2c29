package com.rectify.common;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A string too long for the engine's text column, written as UTF-8 bytes. Shorter strings are left to the
 * engine's own serializer, so they stay queryable by value as before.
 */
class LongStringSerializer extends StringValueSerializer {

  /** The engine's text columns hold this many characters on every database it supports. */
  static final int TEXT_COLUMN_CHARACTERS = 4000;

  static final String NAME = "rectify-long-string";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue value) {
    return super.canWriteValue(value) && value.getValue() != null
        && ((String) value.getValue()).length() > TEXT_COLUMN_CHARACTERS;
  }

  @Override
  public void writeValue(StringValue value, ValueFields fields) {
    fields.setTextValue(null);
    fields.setTextValue2(null);
    fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields fields, boolean asTransientValue) {
    byte[] bytes = fields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
  }
}
