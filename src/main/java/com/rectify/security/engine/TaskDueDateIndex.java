package com.rectify.security.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tasklist lists a group's tasks by due date. With an index on the due date the database walks the tasks in
 * that order and stops at the end of the page ({@link TaskQueriesFromGroupLinks}); without it, it sorts every
 * task the group is offered first. The engine's own schema indexes the creation time but not the due date.
 */
@Component
class TaskDueDateIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "ix_act_ru_task_duedate";
  private static final Logger log = LoggerFactory.getLogger(TaskDueDateIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    try (Connection connection = configuration.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + INDEX + " on " + table + " (DUE_DATE_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // Two nodes starting together may both try; the one that loses finds the index made.
      log.warn("Could not add the index {} on {}: {}", INDEX, table, e.getMessage());
    } catch (RuntimeException e) {
      throw new ProcessEngineException("Could not add the index " + INDEX + " on " + table, e);
    }
  }
}
