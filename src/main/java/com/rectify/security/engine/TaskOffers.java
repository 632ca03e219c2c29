package com.rectify.security.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code task_offer}: each candidate group's link to a task beside the task's due date and creation time,
 * so that a group's first page by either is read from the front of an index ({@code TaskQueriesFromGroupLinks}).
 * Triggers on the engine's tables keep it in the engine's own transactions (a PostgreSQL function, on H2
 * {@link TaskOfferTrigger}). They are made once the engine has made its tables; when they are made, the table is
 * brought level with the links already there. Where they cannot be made, the list is read from the links alone.
 */
final class TaskOffers {

  static final String CANDIDATE = IdentityLinkType.CANDIDATE;
  /** The engine's tables the triggers are on, without the configured prefix. */
  static final String LINKS = "ACT_RU_IDENTITYLINK";
  static final String TASKS = "ACT_RU_TASK";

  private static final Logger log = LoggerFactory.getLogger(TaskOffers.class);
  /** The advisory lock nodes take in turn to make the triggers; "Offr" in ASCII. */
  private static final long LOCK = 0x4F666672L;
  private static final List<String> POSTGRES_TRIGGERS =
      List.of("rectify_task_offer_added", "rectify_task_offer_removed", "rectify_task_offer_due_date");
  private static final List<String> H2_TRIGGERS = List.of("RECTIFY_TASK_OFFER_LINKS", "RECTIFY_TASK_OFFER_DUE_DATE");

  private volatile boolean kept;

  /** Whether the triggers are there, so that {@code task_offer} holds every group's link to a task. */
  boolean kept() {
    return kept;
  }

  /** A link's values as a statement names them: a row's columns in a PostgreSQL trigger, parameters in H2's. */
  record Link(String id, String taskId, String groupId, String tenantId) {

    /** H2's trigger passes link, task, group and tenant; the task is named twice in {@link #addOffer}. */
    static final Link PARAMETERS = new Link("?1", "?2", "?3", "?4");

    static Link columnsOf(String row) {
      return new Link(row + ".ID_", row + ".TASK_ID_", row + ".GROUP_ID_", row + ".TENANT_ID_");
    }
  }

  /** Adds a row for each link {@code from} yields, {@code T} being its task. */
  static String addOffers(Link link, String from) {
    return "insert into task_offer (link_id, task_id, group_id, tenant_id, due_date, create_time) select " + link.id()
        + ", " + link.taskId() + ", " + link.groupId() + ", " + link.tenantId() + ", T.DUE_DATE_, T.CREATE_TIME_ from " + from;
  }

  /** Adds the row of one link, {@code link} naming its values. */
  static String addOffer(Link link, String taskTable) {
    return addOffers(link, taskTable + " T where T.ID_ = " + link.taskId());
  }

  static String removeOffer(String linkId) {
    return "delete from task_offer where link_id = " + linkId;
  }

  static String moveDueDate(String dueDate, String taskId) {
    return "update task_offer set due_date = " + dueDate + " where task_id = " + taskId;
  }

  /** Whether a link's row is a group's offer of a task: the engine also links users, and groups to definitions. */
  static String isGroupOffer(String row) {
    return row + ".TYPE_ = '" + CANDIDATE + "' and " + row + ".TASK_ID_ is not null and " + row + ".GROUP_ID_ is not null";
  }

  void keep(ProcessEngineConfigurationImpl configuration) {
    String prefix = configuration.getDatabaseTablePrefix();
    String type = configuration.getDatabaseType();
    if (!DbSqlSessionFactory.POSTGRES.equals(type) && !DbSqlSessionFactory.H2.equals(type)) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        boolean made = DbSqlSessionFactory.POSTGRES.equals(type) ? onPostgres(statement, prefix) : onH2(statement, prefix);
        if (made) {
          bringLevel(statement, prefix);
        }
        connection.commit();
        kept = true;
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      log.warn("Could not keep the table of tasks offered to groups; Tasklist's group lists are read from the engine's"
          + " links instead: {}", e.getMessage());
    }
  }

  /** Makes the triggers where any is missing, under a lock the nodes take in turn; true when they were made. */
  private static boolean onPostgres(Statement statement, String prefix) throws SQLException {
    statement.execute("select pg_advisory_xact_lock(" + LOCK + ")");
    if (count(statement, "select count(*) from pg_trigger where not tgisinternal and tgname in ("
        + quoted(POSTGRES_TRIGGERS) + ")") == POSTGRES_TRIGGERS.size()) {
      return false;
    }
    String links = prefix + LINKS;
    String tasks = prefix + TASKS;
    function(statement, "rectify_task_offer_added", addOffer(Link.columnsOf("NEW"), tasks));
    function(statement, "rectify_task_offer_removed", removeOffer("OLD.ID_"));
    function(statement, "rectify_task_offer_due_date", moveDueDate("NEW.DUE_DATE_", "NEW.ID_"));
    trigger(statement, "rectify_task_offer_added", "after insert on " + links, isGroupOffer("NEW"));
    trigger(statement, "rectify_task_offer_removed", "after delete on " + links, isGroupOffer("OLD"));
    trigger(statement, "rectify_task_offer_due_date", "after update of DUE_DATE_ on " + tasks,
        "OLD.DUE_DATE_ is distinct from NEW.DUE_DATE_");
    return true;
  }

  private static void function(Statement statement, String name, String body) throws SQLException {
    statement.execute("create or replace function " + name + "() returns trigger language plpgsql as $$ begin " + body
        + "; return null; end $$");
  }

  private static void trigger(Statement statement, String name, String on, String when) throws SQLException {
    String table = on.substring(on.lastIndexOf(' ') + 1);
    statement.execute("drop trigger if exists " + name + " on " + table);
    statement.execute("create trigger " + name + " " + on + " for each row when (" + when + ") execute function " + name + "()");
  }

  /** H2 serves one node; its triggers name the class that runs them. */
  private static boolean onH2(Statement statement, String prefix) throws SQLException {
    // H2 lists a trigger once for each operation it fires on.
    if (count(statement, "select count(distinct TRIGGER_NAME) from INFORMATION_SCHEMA.TRIGGERS where TRIGGER_NAME in ("
        + quoted(H2_TRIGGERS) + ")") == H2_TRIGGERS.size()) {
      return false;
    }
    String runner = TaskOfferTrigger.class.getName();
    statement.execute("create trigger if not exists " + H2_TRIGGERS.get(0) + " after insert, delete on " + prefix + LINKS
        + " for each row call '" + runner + "'");
    statement.execute("create trigger if not exists " + H2_TRIGGERS.get(1) + " after update on " + prefix + TASKS
        + " for each row call '" + runner + "'");
    return true;
  }

  /** The links made while there were no triggers (a database from before them) are added, and stale rows removed. */
  private static void bringLevel(Statement statement, String prefix) throws SQLException {
    String links = prefix + LINKS;
    String tasks = prefix + TASKS;
    int removed = statement.executeUpdate("delete from task_offer where not exists (select 1 from " + links
        + " I where I.ID_ = task_offer.link_id)");
    int added = statement.executeUpdate(addOffers(Link.columnsOf("I"), links + " I join " + tasks + " T on T.ID_ = I.TASK_ID_"
        + " where " + isGroupOffer("I") + " and not exists (select 1 from task_offer O where O.link_id = I.ID_)"));
    int moved = statement.executeUpdate("update task_offer set due_date = (select T.DUE_DATE_ from " + tasks
        + " T where T.ID_ = task_offer.task_id) where exists (select 1 from " + tasks
        + " T where T.ID_ = task_offer.task_id and T.DUE_DATE_ is distinct from task_offer.due_date)");
    log.info("Tasks offered to groups: {} added from the engine's links, {} removed, {} due dates brought level", added,
        removed, moved);
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(name -> "'" + name + "'").toList());
  }
}
