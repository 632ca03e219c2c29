package com.rectify.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database one bench run uses, chosen by {@code bench.database} ({@code h2} or {@code postgres}) and
 * emptied before the application starts, so every run begins from nothing. H2 is the embedded default's
 * file database; PostgreSQL is a database of the bench's own ({@code bench.postgres.url}), created when
 * missing and cleared schema and all.
 */
record BenchDatabase(String name, String url, String user, String password) {

  static BenchDatabase fromSystemProperties() {
    String name = System.getProperty("bench.database", "h2");
    return switch (name) {
      case "h2" -> new BenchDatabase("h2", "jdbc:h2:file:./target/bench/h2/rectify;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=256", "sa", "");
      case "postgres" -> new BenchDatabase("postgres",
          System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/rectify_bench"),
          System.getProperty("bench.postgres.user", "postgres"), System.getProperty("bench.postgres.password", ""));
      default -> throw new IllegalArgumentException("bench.database must be h2 or postgres, not '" + name + "'");
    };
  }

  /** Empties the database and points the application at it. */
  void prepare(DynamicPropertyRegistry registry) {
    if (name.equals("h2")) {
      deleteDirectory(Paths.get("target/bench/h2"));
    } else {
      resetPostgres();
    }
    registry.add("spring.datasource.url", this::url);
    registry.add("spring.datasource.username", this::user);
    registry.add("spring.datasource.password", this::password);
  }

  private void resetPostgres() {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String database = url.substring(slash + 1, query < 0 ? url.length() : query);
    if (!database.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("bench.postgres.url must name a database of lower-case letters, digits and _: " + url);
    }
    if (database.equals("test") || database.equals("postgres")) {
      // The bench empties its database: never the test suite's nor the server's own.
      throw new IllegalArgumentException("bench.postgres.url names the database '" + database + "', which the bench would empty; "
          + "give it a database of its own, e.g. rectify_bench");
    }
    try {
      try (Connection admin = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", user, password);
          Statement statement = admin.createStatement()) {
        var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
        if (!exists.next()) {
          statement.execute("create database " + database);
        }
      }
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema if exists public cascade");
        statement.execute("create schema public");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the bench database " + url + ": " + e.getMessage(), e);
    }
  }

  private static void deleteDirectory(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
