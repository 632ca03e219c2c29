package com.rectify.lifecycle;

import com.rectify.common.LifecycleRuleViolation;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in a generic exception, which its REST API reports
 * as a server error. This outermost interceptor, outside the transaction (which has rolled back by
 * then), hands callers the {@link LifecycleRuleViolation} itself, so a refused move reaches Tasklist
 * and {@code /engine-rest} as a bad request with the rule's own message.
 */
@Component
class RuleViolationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new Unwrapper());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static class Unwrapper extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof LifecycleRuleViolation violation) {
            throw violation;
          }
        }
        throw e;
      }
    }
  }
}
