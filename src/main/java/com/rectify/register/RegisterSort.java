package com.rectify.register;

import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.common.FieldProblem;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;

/** The register's order: a column people can sort by, and its direction; ties in reference order. */
record RegisterSort(String column, boolean ascending) {

  /** Column names as the page and its links say them. */
  public static final List<String> COLUMNS = List.of("reference", "audit", "grade", "service", "leadOfficer", "status", "due",
      "original", "closed");
  private static final Map<String, String> ATTRIBUTES = Map.of("reference", "businessKey", "service", "service",
      "leadOfficer", "leadOfficer", "status", "status", "original", "originalTargetDate", "closed", "closedOn");

  public static RegisterSort byDefault() {
    return new RegisterSort("due", true);
  }

  static RegisterSort parse(String column, String direction, List<FieldProblem> problems) {
    String chosen = byDefault().column();
    if (column != null) {
      if (COLUMNS.contains(column)) {
        chosen = column;
      } else {
        problems.add(new FieldProblem("sort", "Parameter 'sort' cannot be '" + column + "'; use one of " + COLUMNS + "."));
      }
    }
    boolean ascending = true;
    if (direction != null) {
      if (direction.equals("asc") || direction.equals("desc")) {
        ascending = direction.equals("asc");
      } else {
        problems.add(new FieldProblem("dir", "Parameter 'dir' must be asc or desc, not '" + direction + "'."));
      }
    }
    return new RegisterSort(chosen, ascending);
  }

  List<Order> orders(Root<Recommendation> root, CriteriaBuilder cb) {
    Expression<?> key = switch (column) {
      case "audit" -> root.get("audit").get("reference");
      // Essential first: the enum's order, not its name's.
      case "grade" -> cb.selectCase(root.get("grade")).when(Grade.ESSENTIAL, 0).when(Grade.HIGH, 1).when(Grade.MEDIUM, 2).otherwise(3);
      case "due" -> OverdueRule.dateThatApplies(root, cb);
      default -> root.get(ATTRIBUTES.get(column));
    };
    Order first = ascending ? cb.asc(key) : cb.desc(key);
    return List.of(first, cb.asc(root.get("businessKey")));
  }
}
