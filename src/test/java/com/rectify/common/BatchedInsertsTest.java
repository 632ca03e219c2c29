package com.rectify.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.rectify.lifecycle.LifecycleTestSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the driver sends a batch of inserts (the engine's flush, the change record's entries) as multi-row
 * inserts ({@code reWriteBatchedInserts} in {@code application-postgres.yaml}). A rewritten batch answers "done, rows
 * not counted" for each insert, where one sent row by row counts each.
 */
class BatchedInsertsTest extends LifecycleTestSupport {

  @Autowired DataSource dataSource;

  @Test
  void onPostgresABatchOfInsertsGoesAsMultiRowInserts() {
    String type = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDatabaseType();
    assumeThat(type).as("a setting of the PostgreSQL profile (mvn verify -Ppostgres)").isEqualTo(DbSqlSessionFactory.POSTGRES);
    // One connection throughout: the probe's table is temporary, the connection's own.
    new JdbcTemplate(dataSource).execute((Connection connection) -> {
      try (Statement create = connection.createStatement()) {
        create.execute("create temporary table batched_inserts_probe (n int)");
      }
      try (PreparedStatement insert = connection.prepareStatement("insert into batched_inserts_probe (n) values (?)")) {
        for (int n = 1; n <= 4; n++) {
          insert.setInt(1, n);
          insert.addBatch();
        }
        assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
      }
      try (Statement count = connection.createStatement();
          ResultSet rows = count.executeQuery("select count(*) from batched_inserts_probe")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(4);
        count.execute("drop table batched_inserts_probe");
      }
      return null;
    });
  }
}
