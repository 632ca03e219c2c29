package com.rectify.security.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's task manager, except for a query of the tasks offered to some groups and nothing else
 * (Tasklist's "My group's tasks", once {@link TaskInvolvement} has found it already narrow). The engine
 * answers it by joining every task to its identity links and removing duplicates over all the task's columns;
 * here the same tasks are counted and listed from the groups' links ({@code TaskQueriesFromGroupLinks.xml}), and a
 * page by due date or by creation, claimed or not, and its count from the table {@link TaskOffers} keeps. Any other
 * query, or one checked against authorizations, is the engine's.
 */
final class TaskQueriesFromGroupLinks extends TaskManager {

  static final String NAMESPACE = TaskQueriesFromGroupLinks.class.getName();
  static final String SELECT_TASKS = NAMESPACE + ".selectTasksOfferedToGroups";
  static final String SELECT_TASKS_ON_POSTGRES = NAMESPACE + ".selectTasksOfferedToGroupsOnPostgres";
  static final String SELECT_COUNT = NAMESPACE + ".selectTaskCountOfferedToGroups";
  static final String SELECT_FIRST_TASKS = NAMESPACE + ".selectFirstTasksOfferedToGroups";
  static final String SELECT_COUNT_FROM_OFFERS = NAMESPACE + ".selectTaskCountOfferedToGroupsFromOffers";

  /** The longest page read from the front of {@code task_offer}'s indexes; a longer one is read from the links. */
  static final int FIRST_TASKS_AT_MOST = 1_000;
  private static final Set<String> OFFER_ORDERS = Set.of(TaskQueryProperty.DUE_DATE.getName(), TaskQueryProperty.CREATE_TIME.getName());

  /**
   * Fields of the query that the statements answer; any other set to something a new query lacks sends it to the
   * engine. An empty array is as if unset: the engine's statement asks nothing of one (a filter extended over
   * the REST API carries several).
   */
  private static final Set<String> ANSWERED = Set.of("candidateGroup", "candidateGroups", "includeAssignedTasks",
      "initializeFormKeys", "withCommentAttachmentInfo", "cachedCandidateGroups", "cachedUserGroups", "queries");
  private static final Set<String> DATABASES = Set.of(DbSqlSessionFactory.H2, DbSqlSessionFactory.POSTGRES);
  private static final List<Field> CRITERIA = criteria();
  private static final TaskQueryImpl UNSET = new TaskQueryImpl();

  private final TaskOffers offers;

  TaskQueriesFromGroupLinks(TaskOffers offers) {
    this.offers = offers;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    String statement = !isOnlyOfferedToGroups(query) ? "selectTaskByQueryCriteria"
        : offers.kept() && isFirstPageByOfferedDate(query) ? SELECT_FIRST_TASKS
        : listStatement(Context.getProcessEngineConfiguration().getDatabaseType());
    return getDbEntityManager().selectList(statement, query);
  }

  /**
   * Whether a page of the groups' tasks, claimed or not, is asked in an order {@code task_offer} keeps beside each
   * group: by due date or by creation, then perhaps by id, and near enough the front that each group's own first
   * rows hold it (Tasklist asks 15 at a time).
   */
  static boolean isFirstPageByOfferedDate(TaskQueryImpl query) {
    List<QueryOrderingProperty> orderings = query.getOrderingProperties();
    if (!query.isIncludeAssignedTasks() || orderings.isEmpty() || orderings.size() > 2
        || !OFFER_ORDERS.contains(orderings.get(0).getQueryProperty().getName())
        || orderings.size() == 2 && !TaskQueryProperty.TASK_ID.getName().equals(orderings.get(1).getQueryProperty().getName())) {
      return false;
    }
    return query.getFirstResult() >= 0 && query.getMaxResults() > 0
        && (long) query.getFirstResult() + query.getMaxResults() <= FIRST_TASKS_AT_MOST;
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    String statement = !isOnlyOfferedToGroups(query) ? "selectTaskCountByQueryCriteria"
        : offers.kept() && query.isIncludeAssignedTasks() ? SELECT_COUNT_FROM_OFFERS : SELECT_COUNT;
    return (Long) getDbEntityManager().selectOne(statement, query);
  }

  /**
   * The statement that reads a page of the groups' tasks. H2 keeps a join as written, so the links are asked
   * first in a subquery; PostgreSQL plans such a subquery as a hash over every task, so there the offered ids
   * are gathered first and each task is read by its key (README, "Sizing").
   */
  static String listStatement(String databaseType) {
    return DbSqlSessionFactory.POSTGRES.equals(databaseType) ? SELECT_TASKS_ON_POSTGRES : SELECT_TASKS;
  }

  /** Whether the query asks for nothing but the tasks offered to some groups, sorted by the task's own columns. */
  static boolean isOnlyOfferedToGroups(TaskQueryImpl query) {
    if (query.getClass() != TaskQueryImpl.class || query.getQueries().size() != 1 || query.isOrQueryActive()
        || query.getAuthCheck().isAuthorizationCheckEnabled()
        || !DATABASES.contains(Context.getProcessEngineConfiguration().getDatabaseType())) {
      return false;
    }
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      if (ordering.getRelation() != null) {
        return false;
      }
    }
    if (!asksNothingElse(query) || query.getCandidateGroupsInternal() == null && query.getCandidateGroup() == null) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    return groups != null && !groups.isEmpty();
  }

  private static boolean asksNothingElse(TaskQueryImpl query) {
    try {
      for (Field field : CRITERIA) {
        Object asked = field.get(query);
        Object unset = field.get(UNSET);
        boolean emptyArray = asked != null && asked.getClass().isArray() && Array.getLength(asked) == 0;
        if (!emptyArray && !Objects.deepEquals(asked, unset)) {
          return false;
        }
      }
    } catch (IllegalAccessException e) {
      return false;
    }
    return true;
  }

  private static List<Field> criteria() {
    List<Field> fields = new ArrayList<>();
    for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !ANSWERED.contains(field.getName())) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }

  /** Adds the statements to the engine's MyBatis configuration, once. */
  static void addStatements(Configuration mybatis) {
    if (mybatis.hasStatement(SELECT_TASKS, false)) {
      return;
    }
    String resource = NAMESPACE.replace('.', '/') + ".xml";
    try (InputStream xml = TaskQueriesFromGroupLinks.class.getClassLoader().getResourceAsStream(resource)) {
      if (xml == null) {
        throw new ProcessEngineException("Missing " + resource);
      }
      new XMLMapperBuilder(xml, mybatis, resource, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new ProcessEngineException("Could not read " + resource, e);
    }
  }
}
