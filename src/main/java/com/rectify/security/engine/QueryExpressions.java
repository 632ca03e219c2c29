package com.rectify.security.engine;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * Camunda evaluates a task query's {@code *Expression} fields with method calls enabled, and its own guard
 * looks only at the top of an ad hoc query. Here every query a person sends is refused if it carries an
 * expression anywhere: at the top, in each or-query, or in the query that extends a stored filter. A stored
 * filter may carry only the few expressions Tasklist's filters are made of (who is signed in, and dates
 * relative to now), checked when it is saved, administrators included.
 */
final class QueryExpressions {

  /** {@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}}, {@code ${dateTime().plusDays(2)}} … */
  private static final Pattern STORED_FILTER_EXPRESSION = Pattern.compile(
      "\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\(\\d{1,4}\\))*"
          + "(\\.(withTimeAtStartOfDay|toDate)\\(\\))*)\\s*}");

  private QueryExpressions() {}

  /** A query a person sent, at the top and in each or-query: no expression at all. */
  static void refuseAny(Object query, String where) {
    if (query instanceof AbstractQuery<?, ?> abstractQuery) {
      refuse(abstractQuery.getExpressions(), where, null);
    }
    if (query instanceof TaskQueryImpl taskQuery) {
      List<TaskQueryImpl> orQueries = taskQuery.getQueries();
      for (int i = 1; i < orQueries.size(); i++) {
        refuse(orQueries.get(i).getExpressions(), where, "orQueries[" + (i - 1) + "]");
      }
    }
  }

  /** The query sent to extend a stored filter (Tasklist's list is one). */
  static void refuseInExtension(Object extendingQuery) {
    if (extendingQuery != null) {
      refuseAny(extendingQuery, "the query extending a filter");
    }
  }

  /** A filter being saved: only the expressions Tasklist's own filters use. */
  static void allowOnlyStoredForms(Filter filter) {
    Query<?, ?> query = filter.getQuery();
    if (query instanceof TaskQueryImpl taskQuery) {
      List<TaskQueryImpl> all = taskQuery.getQueries();
      for (int i = 0; i < all.size(); i++) {
        for (Map.Entry<String, String> entry : all.get(i).getExpressions().entrySet()) {
          if (!STORED_FILTER_EXPRESSION.matcher(entry.getValue()).matches()) {
            throw new BadUserRequestException("Filter '" + filter.getName() + "': " + fieldName(entry.getKey())
                + (i == 0 ? "" : " in orQueries[" + (i - 1) + "]")
                + " may hold only ${currentUser()}, ${currentUserGroups()}, ${now()} or ${dateTime()} with plus/minus of a"
                + " number of days (or weeks, months, years, hours, minutes); it holds '" + entry.getValue() + "'.");
          }
        }
      }
    }
  }

  private static void refuse(Map<String, String> expressions, String where, String orQuery) {
    if (expressions.isEmpty()) {
      return;
    }
    String field = fieldName(expressions.keySet().iterator().next());
    throw new BadUserRequestException("Expressions are not accepted in " + where + ": '" + field + "'"
        + (orQuery == null ? "" : " in " + orQuery) + " holds an expression. Give the value itself.");
  }

  /** The engine's name for an expression ({@code taskAssignee}) as the REST API's field ({@code assigneeExpression}). */
  static String fieldName(String engineKey) {
    return RestTaskQueryFields.byEngineKey().getOrDefault(engineKey, engineKey + "Expression");
  }
}
