package com.rectify.security.engine;

import com.rectify.common.Groups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Closes what Camunda 7 CE leaves open and will no longer patch (see README, "Security model"): puts
 * {@link EngineDoors} in front of every command, and keeps Java serialisation of variables off with
 * deserialisation checked, whatever the configuration says.
 */
@Component
class EngineDoorsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDeserializationTypeValidationEnabled(true);
    TaskRules tasks = new TaskRules(configuration);
    // One instance per chain: an interceptor holds the next one in its chain.
    configuration.setCustomPreCommandInterceptorsTxRequired(withFirst(configuration.getCustomPreCommandInterceptorsTxRequired(),
        new EngineDoors(Groups.CAMUNDA_ADMIN, tasks)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(withFirst(configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
        new EngineDoors(Groups.CAMUNDA_ADMIN, tasks)));
  }

  private static List<CommandInterceptor> withFirst(List<CommandInterceptor> existing, CommandInterceptor first) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(0, first);
    return interceptors;
  }
}
