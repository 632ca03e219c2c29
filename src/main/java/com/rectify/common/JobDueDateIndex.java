package com.rectify.common;

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
 * The job executor asks for due jobs by due date ({@code job-executor-acquire-by-due-date}, with every job
 * given one, {@code ensure-job-due-date-not-null}); with a reminder and an overdue timer waiting on each open
 * recommendation, that query needs an index on the due date, which the engine's own schema does not have.
 * It is added once the engine has made its tables, before the job executor starts; jobs a database holds from
 * before (made without a due date, which the job executor would now pass over) are given their creation time.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

  static final String INDEX = "ix_act_ru_job_duedate";
  private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
    try (Connection connection = configuration.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + INDEX + " on " + table + " (DUEDATE_)");
      statement.executeUpdate("update " + table + " set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // Two nodes starting together may both try; the one that loses finds the index made.
      log.warn("Could not add the index {} on {} or date its jobs: {}", INDEX, table, e.getMessage());
    } catch (RuntimeException e) {
      throw new ProcessEngineException("Could not add the index " + INDEX + " on " + table, e);
    }
  }
}
