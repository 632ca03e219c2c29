package com.rectify.security.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.springframework.stereotype.Component;

/**
 * Task visibility without an authorization row per task (README, "Who may do what"): the engine writes none
 * ({@link NoTaskAuthorizations}), its checks on one task let the people it is for through
 * ({@link TaskChecksByInvolvement}), and its task queries show them what they are involved in
 * ({@link TaskQueriesByInvolvement}), a group's tasks found from the group's links ({@link TaskQueriesFromGroupLinks}),
 * its first page by due date or creation from the table {@link TaskOffers} keeps.
 */
@Component
class TaskVisibilityPlugin extends AbstractProcessEnginePlugin {

  private final TaskOffers offers = new TaskOffers();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoTaskAuthorizations());
    List<CommandChecker> checkers = new ArrayList<>();
    checkers.add(new TenantCommandChecker());
    checkers.add(new TaskChecksByInvolvement());
    configuration.setCommandCheckers(checkers);
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new ManagerInstead(AuthorizationManager.class, TaskQueriesByInvolvement::new));
    factories.add(new ManagerInstead(TaskManager.class, () -> new TaskQueriesFromGroupLinks(offers)));
    configuration.setCustomSessionFactories(factories);
  }

  /** Opens Rectify's manager wherever the engine asks for one of its own ({@code sessionType}). */
  private record ManagerInstead(Class<?> sessionType, Supplier<Session> manager) implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return sessionType;
    }

    @Override
    public Session openSession() {
      return manager.get();
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    TaskQueriesFromGroupLinks.addStatements(configuration.getSqlSessionFactory().getConfiguration());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    offers.keep((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration());
  }
}
