package com.rectify.security.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2's trigger keeping {@code task_offer} ({@link TaskOffers}): H2 runs a Java class where PostgreSQL runs a
 * function. One class serves both triggers, the links' (a link added or removed) and the task's (its due date moved).
 */
public final class TaskOfferTrigger implements Trigger {

  private static final String REMOVE_OFFER = TaskOffers.removeOffer("?");
  private static final String MOVE_DUE_DATE = TaskOffers.moveDueDate("?", "?");

  private Map<String, Integer> columns;
  private boolean onLinks;
  private String addOffer;

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    onLinks = table.toUpperCase(Locale.ROOT).endsWith(TaskOffers.LINKS);
    if (onLinks) {
      // The engine's tables share a schema and a prefix: the task's table is named as the link's is.
      String taskTable = table.substring(0, table.length() - TaskOffers.LINKS.length()) + TaskOffers.TASKS;
      addOffer = TaskOffers.addOffer(TaskOffers.Link.PARAMETERS, "\"" + schema + "\".\"" + taskTable + "\"");
    }
    columns = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "select COLUMN_NAME, ORDINAL_POSITION from INFORMATION_SCHEMA.COLUMNS where TABLE_SCHEMA = ? and TABLE_NAME = ?")) {
      statement.setString(1, schema);
      statement.setString(2, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1).toUpperCase(Locale.ROOT), rows.getInt(2) - 1);
        }
      }
    }
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (onLinks) {
      if (oldRow != null && isGroupCandidate(oldRow)) {
        execute(connection, REMOVE_OFFER, value(oldRow, "ID_"));
      }
      if (newRow != null && isGroupCandidate(newRow)) {
        execute(connection, addOffer, value(newRow, "ID_"), value(newRow, "TASK_ID_"), value(newRow, "GROUP_ID_"),
            value(newRow, "TENANT_ID_"));
      }
    } else if (oldRow != null && newRow != null && !Objects.equals(value(oldRow, "DUE_DATE_"), value(newRow, "DUE_DATE_"))) {
      execute(connection, MOVE_DUE_DATE, value(newRow, "DUE_DATE_"), value(newRow, "ID_"));
    }
  }

  private boolean isGroupCandidate(Object[] row) {
    return TaskOffers.CANDIDATE.equals(value(row, "TYPE_")) && value(row, "TASK_ID_") != null && value(row, "GROUP_ID_") != null;
  }

  private Object value(Object[] row, String column) {
    return row[columns.get(column)];
  }

  private static void execute(Connection connection, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }

  @Override
  public void close() {}

  @Override
  public void remove() {}
}
