package com.rectify.node;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
    // The embedded default's settings (application.yaml), in a directory of the test's own.
    return new NodeDatabase("jdbc:h2:file:" + directory.resolve("rectify").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "sa", "");
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

  /** A connection for looking at what the nodes left (PostgreSQL only: an H2 file belongs to one process). */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  /** Test set-up only: drops everything in the public schema, the engine's tables too. */
  void empty() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("drop schema public cascade");
      statement.execute("create schema public");
    }
  }
}
