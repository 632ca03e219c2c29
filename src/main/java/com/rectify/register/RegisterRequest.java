package com.rectify.register;

import com.rectify.cycle.CurrentCycle;
import com.rectify.cycle.ReportingCycle;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.GradeScheme;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the register's query parameters ({@code /register?grade=HIGH&overdue=3-12m&service=finance}) into a
 * filter, a sort and a page, and refuses a bad one with a message naming the parameter.
 */
@Component
public class RegisterRequest {

  public static final List<String> FILTERS = List.of("q", "status", "grade", "overdue", "service", "leadOfficer", "audit",
      "noUpdate", "dueFrom", "dueTo", "closedFrom", "closedTo", "revisions");
  public static final int DEFAULT_SIZE = 25;
  public static final int MAX_SIZE = 200;

  private final GradeScheme grades;
  private final CurrentCycle currentCycle;

  public RegisterRequest(GradeScheme grades, CurrentCycle currentCycle) {
    this.grades = grades;
    this.currentCycle = currentCycle;
  }

  /** What was asked, as read: the filter, sort and page, and the parameters to build links from. */
  public record Parsed(RegisterFilter filter, RegisterSort sort, int page, int size, Map<String, String> parameters,
      ReportingCycle missedCycle) {

    /** A link to the register with these parameters, some replaced ({@code null} removes one). */
    public String link(String path, String... replacements) {
      Map<String, String> next = new LinkedHashMap<>(parameters);
      for (int i = 0; i < replacements.length; i += 2) {
        if (replacements[i + 1] == null) {
          next.remove(replacements[i]);
        } else {
          next.put(replacements[i], replacements[i + 1]);
        }
      }
      UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
      next.forEach(uri::queryParam);
      return uri.encode().build().toUriString();
    }

    public String pageLink(int number) {
      return link("/register", "page", number == 0 ? null : String.valueOf(number));
    }

    /** Sorting by a column: ascending first, descending when it is already sorted ascending by it. */
    public String sortLink(String column) {
      String dir = sort.column().equals(column) && sort.ascending() ? "desc" : "asc";
      return link("/register", "sort", column, "dir", dir, "page", null);
    }

    public String exportLink(String format) {
      return link("/register/export", "format", format, "page", null, "size", null);
    }
  }

  public Parsed parse(MultiValueMap<String, String> query) {
    Map<String, String> given = new LinkedHashMap<>();
    query.forEach((name, values) -> {
      String value = values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).reduce((a, b) -> b).orElse(null);
      if (value != null) {
        given.put(name, value);
      }
    });
    List<FieldProblem> problems = new ArrayList<>();

    Set<RecommendationStatus> statuses = Set.of();
    String status = given.get("status");
    if (status != null) {
      if ("open".equalsIgnoreCase(status)) {
        statuses = RegisterFilter.OPEN;
      } else if ("closed".equalsIgnoreCase(status)) {
        statuses = Set.copyOf(RecommendationStatus.closedOnes());
      } else {
        try {
          statuses = Set.of(RecommendationStatus.valueOf(status.toUpperCase(Locale.UK)));
        } catch (IllegalArgumentException e) {
          problems.add(new FieldProblem("status", "Parameter 'status' cannot be '" + status + "'; use open, closed or one of "
              + Arrays.toString(RecommendationStatus.values()) + "."));
        }
      }
    }
    Grade grade = null;
    if (given.containsKey("grade")) {
      grade = grades.parse(given.get("grade")).orElse(null);
      if (grade == null) {
        problems.add(new FieldProblem("grade", "Parameter 'grade' cannot be '" + given.get("grade") + "'; use Essential, High, Medium or Low."));
      }
    }
    OverdueBand overdue = null;
    if (given.containsKey("overdue")) {
      overdue = OverdueBand.ofCode(given.get("overdue")).orElse(null);
      if (overdue == null) {
        problems.add(new FieldProblem("overdue", "Parameter 'overdue' cannot be '" + given.get("overdue") + "'; use one of "
            + Arrays.stream(OverdueBand.values()).map(OverdueBand::code).toList() + "."));
      }
    }
    Long missedCycleId = null;
    ReportingCycle missedCycle = null;
    if (given.containsKey("noUpdate")) {
      String noUpdate = given.get("noUpdate");
      if ("true".equalsIgnoreCase(noUpdate)) {
        missedCycle = currentCycle.orNull();
        missedCycleId = missedCycle == null ? -1L : missedCycle.getId();
      } else if (!"false".equalsIgnoreCase(noUpdate)) {
        problems.add(new FieldProblem("noUpdate", "Parameter 'noUpdate' must be true or false, not '" + noUpdate + "'."));
      }
    }
    LocalDate dueFrom = date(given, "dueFrom", problems);
    LocalDate dueTo = date(given, "dueTo", problems);
    LocalDate closedFrom = date(given, "closedFrom", problems);
    LocalDate closedTo = date(given, "closedTo", problems);
    Integer minRevisions = null;
    Integer maxRevisions = null;
    String revisions = given.get("revisions");
    if (revisions != null) {
      boolean orMore = revisions.endsWith("+");
      Integer count = integer(orMore ? revisions.substring(0, revisions.length() - 1) : revisions);
      if (count == null || count < 0) {
        problems.add(new FieldProblem("revisions", "Parameter 'revisions' must be a number of approved revisions (0, 1, 2) or one "
            + "followed by + (3+), not '" + revisions + "'."));
      } else {
        minRevisions = count;
        maxRevisions = orMore ? null : count;
      }
    }
    RegisterSort sort = RegisterSort.parse(given.get("sort"), given.get("dir"), problems);
    int page = bounded(given, "page", 0, 0, Integer.MAX_VALUE, problems);
    int size = bounded(given, "size", DEFAULT_SIZE, 1, MAX_SIZE, problems);
    if ((long) page * size > Integer.MAX_VALUE) {
      problems.add(new FieldProblem("page", "Parameter 'page' is too large: page " + page + " of " + size
          + " starts past the last row the register can count (" + Integer.MAX_VALUE + ")."));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    RegisterFilter filter = new RegisterFilter(given.get("q"), statuses, grade, overdue, given.get("service"),
        given.get("leadOfficer"), given.get("audit"), missedCycleId, dueFrom, dueTo, closedFrom, closedTo, minRevisions, maxRevisions);
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : FILTERS) {
      if (given.containsKey(name)) {
        kept.put(name, given.get(name));
      }
    }
    for (String name : List.of("sort", "dir", "size")) {
      if (given.containsKey(name)) {
        kept.put(name, given.get(name));
      }
    }
    return new Parsed(filter, sort, page, size, kept, missedCycle);
  }

  private static LocalDate date(Map<String, String> given, String name, List<FieldProblem> problems) {
    String text = given.get(name);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "Parameter '" + name + "' must be a date written YYYY-MM-DD, not '" + text + "'."));
      return null;
    }
  }

  private static int bounded(Map<String, String> given, String name, int fallback, int min, int max, List<FieldProblem> problems) {
    String text = given.get(name);
    if (text == null) {
      return fallback;
    }
    Integer value = integer(text);
    if (value == null || value < min || value > max) {
      problems.add(new FieldProblem(name, "Parameter '" + name + "' must be a whole number from " + min
          + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not '" + text + "'."));
      return fallback;
    }
    return value;
  }

  private static Integer integer(String text) {
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
