package com.rectify.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.analytics.ProcessAnalytics.Split;
import com.rectify.dashboard.Chart;
import com.rectify.dashboard.Chart.Series;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Grade;
import com.rectify.common.AsApplication;
import com.rectify.security.RecommendationVisibility;
import com.rectify.security.RecommendationVisibility.Scope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** Process analytics for the head of audit: where recommendations spend their time, wait, and loop. */
@Controller
class AnalyticsPage {

  /** The register status a recommendation has while it is at each step, for links from a step to its recommendations. */
  private static final Map<String, String> STATUS_AT_STEP = Map.of(
      LifecycleVariables.TASK_AGREE_ACTION, "AWAITING_AGREEMENT",
      LifecycleVariables.TASK_IMPLEMENT_ACTION, "IN_IMPLEMENTATION",
      LifecycleVariables.TASK_REVIEW_EVIDENCE, "AWAITING_REVIEW",
      LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK, "AWAITING_RISK_ACCEPTANCE",
      LifecycleVariables.TASK_APPROVE_REVISED_DATE, "IN_IMPLEMENTATION");

  private final ProcessAnalytics analytics;
  private final RecommendationVisibility visibility;
  private final RepositoryService repositoryService;
  private final ObjectMapper json;
  private final AsApplication asApplication;

  public AnalyticsPage(ProcessAnalytics analytics, RecommendationVisibility visibility, RepositoryService repositoryService,
      ObjectMapper json, AsApplication asApplication) {
    this.analytics = analytics;
    this.visibility = visibility;
    this.repositoryService = repositoryService;
    this.json = json;
    this.asApplication = asApplication;
  }

  /** A table cell: the figure, its 90th percentile or count, a link, and how dark to shade it (0 to 1). */
  public record Cell(String figure, String detail, String link, double shade) {}

  public record Row(String step, String name, List<Cell> cells) {}

  public record Matrix(String id, String title, String caption, List<String> columns, List<Row> rows) {}

  @GetMapping("/analytics")
  public String analytics(Authentication authentication, Model model) throws JsonProcessingException {
    Scope scope = visibility.of(authentication);
    Map<String, String> steps = steps();

    List<StepStats> time = analytics.timeInSteps(Split.ALL, scope);
    List<Waiting> waiting = analytics.waitingNow(Split.ALL, scope);
    List<StepStats> lifecycle = analytics.wholeLifecycle(Split.ALL, scope);

    Chart timeChart = timeChart(steps, time);
    Chart waitingChart = waitingChart(steps, waiting);
    model.addAttribute("timeChart", timeChart);
    model.addAttribute("timeChartJson", json.writeValueAsString(timeChart));
    model.addAttribute("waitingChart", waitingChart);
    model.addAttribute("waitingChartJson", json.writeValueAsString(waitingChart));
    model.addAttribute("lifecycle", lifecycle.isEmpty() ? null : lifecycle.get(0));

    List<String> grades = Arrays.stream(Grade.values()).map(Grade::name).toList();
    List<StepStats> timeByGrade = analytics.timeInSteps(Split.GRADE, scope);
    List<StepStats> timeByService = analytics.timeInSteps(Split.SERVICE, scope);
    List<Waiting> waitingByGrade = analytics.waitingNow(Split.GRADE, scope);
    List<Waiting> waitingByService = analytics.waitingNow(Split.SERVICE, scope);
    List<String> services = new ArrayList<>(new TreeSet<>(concat(timeByService.stream().map(StepStats::group).toList(),
        waitingByService.stream().map(Waiting::group).toList())));

    model.addAttribute("matrices", List.of(
        timeMatrix("time-by-grade", "Time in each step by grade", grades, "grade", steps, timeByGrade),
        waitingMatrix("waiting-by-grade", "Waiting now by grade", grades, "grade", steps, waitingByGrade),
        timeMatrix("time-by-service", "Time in each step by service", services, "service", steps, timeByService),
        waitingMatrix("waiting-by-service", "Waiting now by service", services, "service", steps, waitingByService)));
    model.addAttribute("loopsByGrade", analytics.moreEvidenceLoops(Split.GRADE, scope));
    model.addAttribute("loopsByService", analytics.moreEvidenceLoops(Split.SERVICE, scope));
    model.addAttribute("loopsAll", analytics.moreEvidenceLoops(Split.ALL, scope));
    model.addAttribute("lifecycleByGrade", analytics.wholeLifecycle(Split.GRADE, scope));
    model.addAttribute("scope", scope);
    return "analytics";
  }

  /** The lifecycle's user tasks in the order the BPMN draws them, by id, with their names. */
  private Map<String, String> steps() {
    return asApplication.read(this::userTasks);
  }

  private Map<String, String> userTasks() {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(LifecycleVariables.LIFECYCLE_PROCESS).latestVersion().singleResult();
    Map<String, String> steps = new LinkedHashMap<>();
    for (UserTask task : repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
      steps.put(task.getId(), task.getName());
    }
    return steps;
  }

  private static Chart timeChart(Map<String, String> steps, List<StepStats> stats) {
    Durations.Unit unit = Durations.Unit.forLongest(stats.stream().mapToDouble(StepStats::p90Millis).max().orElse(0));
    List<String> names = new ArrayList<>();
    List<Number> median = new ArrayList<>();
    List<Number> p90 = new ArrayList<>();
    List<String> links = new ArrayList<>();
    steps.forEach((id, name) -> stats.stream().filter(s -> s.step().equals(id)).findFirst().ifPresent(s -> {
      names.add(name);
      median.add(unit.of(s.medianMillis()));
      p90.add(unit.of(s.p90Millis()));
      links.add(link(id, null, null));
    }));
    return new Chart("chart-time", "Time spent in each step, completed (" + unit.label() + ")", "bar",
        "Per recommendation, every visit to the step added up: half took less than the median, nine in ten less than the 90th percentile.",
        false, true, names, List.of(new Series("Median (" + unit.label() + ")", "bar", "#8fb8de", median, links),
            new Series("90th percentile (" + unit.label() + ")", "bar", "#f08a24", p90, links)));
  }

  private static Chart waitingChart(Map<String, String> steps, List<Waiting> waiting) {
    Durations.Unit unit = Durations.Unit.forLongest(waiting.stream().mapToDouble(Waiting::longestMillis).max().orElse(0));
    List<String> names = new ArrayList<>();
    List<Number> median = new ArrayList<>();
    List<Number> longest = new ArrayList<>();
    List<String> links = new ArrayList<>();
    steps.forEach((id, name) -> waiting.stream().filter(w -> w.step().equals(id)).findFirst().ifPresent(w -> {
      names.add(name + " (" + w.waiting() + ")");
      median.add(unit.of(w.medianMillis()));
      longest.add(unit.of(w.longestMillis()));
      links.add(link(id, null, null));
    }));
    return new Chart("chart-waiting", "Where recommendations wait now (" + unit.label() + "; how many wait in brackets)", "bar",
        "Open tasks of the lifecycle: the median wait so far and the longest.", false, true, names,
        List.of(new Series("Median wait (" + unit.label() + ")", "bar", "#8fb8de", median, links),
            new Series("Longest wait (" + unit.label() + ")", "bar", "#b3261e", longest, links)));
  }

  private static Matrix timeMatrix(String id, String title, List<String> columns, String parameter, Map<String, String> steps,
      List<StepStats> stats) {
    double max = stats.stream().mapToDouble(StepStats::medianMillis).max().orElse(1);
    return matrix(id, title, "Median, with the 90th percentile and how many recommendations below it.", columns, parameter, steps,
        (step, column) -> stats.stream().filter(s -> s.step().equals(step) && s.group().equals(column)).findFirst()
            .map(s -> new Cell(Durations.shown(s.medianMillis()), "p90 " + Durations.shown(s.p90Millis()) + " · " + s.recommendations(),
                link(step, parameter, column), max == 0 ? 0 : s.medianMillis() / max))
            .orElse(null));
  }

  private static Matrix waitingMatrix(String id, String title, List<String> columns, String parameter, Map<String, String> steps,
      List<Waiting> waiting) {
    double max = waiting.stream().mapToDouble(Waiting::longestMillis).max().orElse(1);
    return matrix(id, title, "How many wait, the median wait and the longest.", columns, parameter, steps,
        (step, column) -> waiting.stream().filter(w -> w.step().equals(step) && w.group().equals(column)).findFirst()
            .map(w -> new Cell(w.waiting() + " waiting", "median " + Durations.shown(w.medianMillis()) + " · longest "
                + Durations.shown(w.longestMillis()), link(step, parameter, column), max == 0 ? 0 : w.longestMillis() / max))
            .orElse(null));
  }

  private interface CellOf {
    Cell of(String step, String column);
  }

  private static Matrix matrix(String id, String title, String caption, List<String> columns, String parameter,
      Map<String, String> steps, CellOf cellOf) {
    List<Row> rows = new ArrayList<>();
    steps.forEach((step, name) -> {
      List<Cell> cells = columns.stream().map(column -> cellOf.of(step, column)).toList();
      if (cells.stream().anyMatch(c -> c != null)) {
        rows.add(new Row(step, name, cells));
      }
    });
    Function<String, String> heading = column -> "grade".equals(parameter) ? Grade.valueOf(column).label() : column;
    return new Matrix(id, title, caption, columns.stream().map(heading).toList(), rows);
  }

  private static String link(String step, String parameter, String value) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/register")
        .queryParam("status", STATUS_AT_STEP.getOrDefault(step, "open"));
    if (parameter != null) {
      uri.queryParam(parameter, value);
    }
    return uri.encode().build().toUriString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
