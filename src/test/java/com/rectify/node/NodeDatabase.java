package com.rectify.node;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database the nodes of a test share: PostgreSQL when {@code rectify.test.db.url} names one (mvn verify
 * -Ppostgres), otherwise an H2 file of the test's own, as the embedded default keeps its data.
 */
final class NodeDatabase {

  private final String url;
  private final String username;
  private final String password;

  private NodeDatabase(String url, String username, String password) {
    this.url = url;
    this.username = username;
    this.password = password;
  }

  static NodeDatabase forTest(Path directory) {
    String url = System.getProperty("rectify.test.db.url", "");
    if (url.startsWith("jdbc:postgresql:")) {
      return new NodeDatabase(url, System.getProperty("rectify.test.db.username", "postgres"),
          System.getProperty("rectify.test.db.password", ""));
    }
    // The embedded default's file database (application.yaml: WRITE_DELAY=0, in the node's own process), in a
    // directory of the test's own, with two additions so the test can see and hold what the node is doing:
    // AUTO_SERVER lets the test's JVM reach the database through the node that has it open (the node stays its
    // only owner, so a killed node takes the database down with it, as in production), and a long LOCK_TIMEOUT
    // makes the node's work wait for a row the test holds (RowHold) instead of failing after H2's default of a
    // second or so. H2 refuses AUTO_SERVER together with the default's DB_CLOSE_ON_EXIT=FALSE, which only
    // matters for a graceful stop; kill -9 runs no shutdown hook either way.
    return new NodeDatabase("jdbc:h2:file:" + directory.resolve("rectify").toAbsolutePath()
        + ";WRITE_DELAY=0;AUTO_SERVER=TRUE;LOCK_TIMEOUT=600000", "sa", "");
  }

  boolean postgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** The settings that point a node at this database. */
  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    if (postgres()) {
      settings.put("spring.profiles.active", "postgres");
    }
    settings.put("spring.datasource.url", url);
    settings.put("spring.datasource.username", username);
    settings.put("spring.datasource.password", password);
    return settings;
  }

  /**
   * A connection of the test's own to the nodes' database. On H2 only while a node is up and has the file open:
   * the connection then goes through that node. Were no node up, the test's JVM would open the file itself, and
   * a node started next would depend on the test; that is refused.
   */
  Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(url, username, password);
    if (!postgres()) {
      try (Statement statement = connection.createStatement();
          ResultSet sessions = statement.executeQuery("select count(*) from information_schema.sessions")) {
        sessions.next();
        if (sessions.getLong(1) < 2) {
          connection.close();
          throw new IllegalStateException("No node has the H2 database open: connect only while a node is up");
        }
      }
    }
    return connection;
  }

  /** Test set-up only: drops everything in the public schema, the engine's tables too. */
  void empty() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("drop schema public cascade");
      statement.execute("create schema public");
    }
  }
}
