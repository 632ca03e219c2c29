package com.rectify.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Nodes that start together on a new PostgreSQL database would each create the engine's tables and all but
 * one would fail. While its engine is built (and creates or checks those tables), a node holds a PostgreSQL
 * advisory lock, so the others wait for it. Other databases (the embedded H2 file) serve one node only.
 */
@Component
class EngineSchemaLock extends AbstractProcessEnginePlugin {

  /** Any number of the application's own choosing; "Rect" in ASCII. */
  private static final long LOCK = 0x52656374L;

  private final DataSource dataSource;
  private Connection held;

  public EngineSchemaLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("select pg_advisory_lock(" + LOCK + ")");
      }
      held = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the lock that keeps nodes from creating the engine's tables at once", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement statement = connection.createStatement()) {
      statement.execute("select pg_advisory_unlock(" + LOCK + ")");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not release the engine's start-up lock", e);
    } finally {
      held = null;
    }
  }
}
