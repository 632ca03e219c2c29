package com.rectify.common;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The job executor locks jobs in this node's name instead of an anonymous one. */
@Component
class JobLockOwner extends AbstractProcessEnginePlugin {

  private final NodeName node;

  public JobLockOwner(NodeName node) {
    this.node = node;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(node.get());
    }
  }
}
