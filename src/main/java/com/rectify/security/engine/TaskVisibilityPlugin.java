package com.rectify.security.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Task visibility without an authorization row per task (README, "Who may do what"): the engine writes none
 * ({@link NoTaskAuthorizations}), its checks on one task let the people it is for through
 * ({@link TaskChecksByInvolvement}), and its task queries show them what they are involved in
 * ({@link TaskQueriesByInvolvement}), a group's tasks found from the group's links ({@link TaskQueriesFromGroupLinks}).
 */
@Component
class TaskVisibilityPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoTaskAuthorizations());
    List<CommandChecker> checkers = new ArrayList<>();
    checkers.add(new TenantCommandChecker());
    checkers.add(new TaskChecksByInvolvement());
    configuration.setCommandCheckers(checkers);
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new TaskQueriesByInvolvement.Factory());
    factories.add(new TaskQueriesFromGroupLinks.Factory());
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    TaskQueriesFromGroupLinks.addStatements(configuration.getSqlSessionFactory().getConfiguration());
  }
}
