package com.rectify.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

/**
 * Lets a text variable of any length through the engine. The engine keeps a String variable in a column of
 * 4,000 characters and fails the whole transaction when one is longer (a brief, an officer's update typed
 * into a Tasklist form, a narrative from a council's annex); the engine's last community release will not
 * change that. Longer texts are kept in the engine's byte-array table instead, still typed as strings, so
 * forms, the REST API and history read them as any other text.
 */
@Component
class LongTextVariables extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> first = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    first.add(new LongStringSerializer());
    configuration.setCustomPreVariableSerializers(first);
  }
}
