package com.rectify.node;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rows of the nodes' database locked by an open transaction of the test's own ({@code select ... for update}).
 * Work on a node that must write one of those rows stops at that write and waits, having done everything before
 * it in its transaction and unable to commit, for as long as the hold lasts; the database's own lock tables say
 * who waits and what each has written. A test holds rows, sends the work, waits until the work provably waits
 * at the hold, and kills the node there: a known point, with no hook in the application.
 *
 * <p>Close the hold after killing the node: on H2 the test's connection went through the dead node and is
 * gone with it; on PostgreSQL closing it ends the transaction and lets the rows go.
 */
final class RowHold implements AutoCloseable {

  private final Connection connection;
  private final boolean postgres;
  private final long session;
  private final int rows;

  private RowHold(Connection connection, boolean postgres, long session, int rows) {
    this.connection = connection;
    this.postgres = postgres;
    this.session = session;
    this.rows = rows;
  }

  /** Locks the rows of {@code table} where {@code condition} holds (with {@code ?} for the parameters). */
  static RowHold take(NodeDatabase database, String table, String condition, Object... parameters) throws SQLException {
    Connection connection = database.connect();
    try {
      connection.setAutoCommit(false);
      long session = single(connection, database.postgres() ? "select pg_backend_pid()" : "select session_id()");
      int rows = 0;
      try (PreparedStatement lock = connection.prepareStatement("select * from " + table + " where " + condition + " for update")) {
        for (int i = 0; i < parameters.length; i++) {
          lock.setObject(i + 1, parameters[i]);
        }
        try (ResultSet held = lock.executeQuery()) {
          while (held.next()) {
            rows++;
          }
        }
      }
      if (rows == 0) {
        throw new IllegalStateException("Nothing to hold: no row of " + table + " where " + condition);
      }
      return new RowHold(connection, database.postgres(), session, rows);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** How many rows are held. */
  int rows() {
    return rows;
  }

  /** The sessions waiting for a held row, directly or behind another session that waits for one. */
  Set<Long> waiting() throws SQLException {
    Map<Long, Set<Long>> waitsFor = new HashMap<>();
    String sql = postgres
        ? "select pid, pg_blocking_pids(pid) from pg_stat_activity where datname = current_database()"
        : "select session_id, blocker_id from information_schema.sessions where blocker_id is not null";
    try (Statement statement = connection.createStatement()) {
      forgetActivitySnapshot(statement);
      try (ResultSet sessions = statement.executeQuery(sql)) {
        while (sessions.next()) {
          Set<Long> blockers = waitsFor.computeIfAbsent(sessions.getLong(1), s -> new HashSet<>());
          if (postgres) {
            Array pids = sessions.getArray(2);
            for (Object pid : (Object[]) pids.getArray()) {
              blockers.add(((Number) pid).longValue());
            }
          } else {
            blockers.add(sessions.getLong(2));
          }
        }
      }
    }
    Set<Long> waiting = new LinkedHashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<Long, Set<Long>> entry : waitsFor.entrySet()) {
        if (!waiting.contains(entry.getKey())
            && (entry.getValue().contains(session) || entry.getValue().stream().anyMatch(waiting::contains))) {
          waiting.add(entry.getKey());
          grew = true;
        }
      }
    }
    return waiting;
  }

  /**
   * For each session waiting for the hold, the tables (lower case) it has inserted into, updated or deleted
   * from in its open transaction.
   */
  Map<Long, Set<String>> writesOfWaiting() throws SQLException {
    Set<Long> waiting = waiting();
    Map<Long, Set<String>> writes = new HashMap<>();
    waiting.forEach(s -> writes.put(s, new HashSet<>()));
    // PostgreSQL: the table lock every insert, update and delete takes and keeps to the end of the transaction.
    // H2: a session is listed against a table only once a change to it has locked it for the transaction.
    String sql = postgres
        ? "select l.pid, c.relname from pg_locks l join pg_class c on c.oid = l.relation"
            + " where l.locktype = 'relation' and l.mode = 'RowExclusiveLock' and l.granted"
        : "select session_id, table_name from information_schema.locks";
    try (Statement statement = connection.createStatement(); ResultSet locks = statement.executeQuery(sql)) {
      while (locks.next()) {
        Set<String> tables = writes.get(locks.getLong(1));
        if (tables != null) {
          tables.add(locks.getString(2).toLowerCase(Locale.ROOT));
        }
      }
    }
    return writes;
  }

  /** Every session of the database but the hold's, with what it is doing and what it waits for: for a failure's message. */
  String sessions() {
    String sql = postgres
        ? "select pid, state, wait_event_type, wait_event, pg_blocking_pids(pid), clock_timestamp() - xact_start, left(query, 300)"
            + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() order by pid"
        : "select session_id, blocker_id, isolation_level, executing_statement_start, left(executing_statement, 300)"
            + " from information_schema.sessions where session_id <> session_id() order by session_id";
    StringBuilder text = new StringBuilder();
    try (Statement statement = connection.createStatement()) {
      forgetActivitySnapshot(statement);
      try (ResultSet sessions = statement.executeQuery(sql)) {
        int columns = sessions.getMetaData().getColumnCount();
        while (sessions.next()) {
          for (int column = 1; column <= columns; column++) {
            text.append(column == 1 ? "" : " | ").append(sessions.getString(column));
          }
          text.append('\n');
        }
      }
    } catch (SQLException e) {
      text.append("(sessions not read: ").append(e).append(')');
    }
    return text.toString();
  }

  /** Ends the hold. After the node was killed there is nothing left to end on H2, which is not a failure. */
  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException goneWithTheNode) {
      // H2: the connection went through the node that was killed.
    }
  }

  /**
   * PostgreSQL reads {@code pg_stat_activity} once per transaction and answers from that copy until it ends, and
   * the hold is one long transaction: without this, sessions the node opens after the hold's first look, as its
   * connection pool grows, would never be seen.
   */
  private void forgetActivitySnapshot(Statement statement) throws SQLException {
    if (postgres) {
      statement.execute("select pg_stat_clear_snapshot()");
    }
  }

  private static long single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Override
  public String toString() {
    return rows + " row(s) held by session " + session;
  }
}
