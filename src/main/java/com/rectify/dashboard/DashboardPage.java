package com.rectify.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.common.Today;
import com.rectify.cycle.CurrentCycle;
import com.rectify.cycle.ReportingCycle;
import com.rectify.dashboard.Chart.Series;
import com.rectify.dashboard.DashboardQueries.Ageing;
import com.rectify.dashboard.DashboardQueries.GradeBands;
import com.rectify.dashboard.DashboardQueries.Load;
import com.rectify.dashboard.DashboardQueries.Quarter;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.OverdueRule.Band;
import com.rectify.register.OverdueBand;
import com.rectify.security.RecommendationVisibility;
import com.rectify.security.RecommendationVisibility.Scope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** The dashboard for managers and the committee: where things stand, each bar a link to the register filtered. */
@Controller
class DashboardPage {

  static final List<Ageing> AGEING = List.of(new Ageing("under 3 months", 0, 3), new Ageing("3–6 months", 3, 6),
      new Ageing("6–12 months", 6, 12), new Ageing("1–2 years", 12, 24), new Ageing("over 2 years", 24, null));
  static final int QUARTERS = 8;
  static final int TOP_AUDITS = 12;
  static final List<String> REVISION_BUCKETS = List.of("0", "1", "2", "3+");
  /** The register's code for overdue at all. */
  private static final String ANY = OverdueBand.ANY.code();

  private final DashboardQueries queries;
  private final RecommendationVisibility visibility;
  private final CurrentCycle currentCycle;
  private final Today today;
  private final ObjectMapper json;

  public DashboardPage(DashboardQueries queries, RecommendationVisibility visibility, CurrentCycle currentCycle, Today today,
      ObjectMapper json) {
    this.queries = queries;
    this.visibility = visibility;
    this.currentCycle = currentCycle;
    this.today = today;
    this.json = json;
  }

  @GetMapping("/dashboard")
  @Transactional(readOnly = true)
  public String dashboard(Authentication authentication, Model model) throws JsonProcessingException {
    Scope scope = visibility.of(authentication);
    LocalDate day = today.date();
    Map<Grade, GradeBands> bands = queries.openByGradeAndBand(day, scope);
    List<Quarter> quarters = queries.closuresByQuarter(DashboardQueries.quarterStart(day).minusMonths(3L * (QUARTERS - 1)), QUARTERS, scope);
    ReportingCycle cycle = currentCycle.orNull();

    List<Chart> charts = List.of(gradeBands(bands, queries.overdueBasis()), ageing(day, scope), quarters(quarters), revisions(scope),
        services(queries.openByService(day, scope)), audits(queries.openByAudit(day, scope, TOP_AUDITS)));
    Map<String, String> chartJson = new LinkedHashMap<>();
    for (Chart chart : charts) {
      chartJson.put(chart.id(), json.writeValueAsString(chart));
    }
    model.addAttribute("headlines", headlines(bands, quarters.get(quarters.size() - 1), cycle, scope));
    model.addAttribute("charts", charts);
    model.addAttribute("chartJson", chartJson);
    model.addAttribute("scope", scope);
    model.addAttribute("today", day);
    return "dashboard";
  }

  private List<Headline> headlines(Map<Grade, GradeBands> bands, Quarter thisQuarter, ReportingCycle cycle, Scope scope) {
    long notDue = bands.values().stream().mapToLong(GradeBands::notDue).sum();
    long overdue = bands.values().stream().mapToLong(GradeBands::overdue).sum();
    long overdueHigh = bands.get(Grade.ESSENTIAL).overdue() + bands.get(Grade.HIGH).overdue();
    List<Headline> headlines = new ArrayList<>(List.of(
        new Headline("Open", notDue + overdue, register("status", "open"), false),
        new Headline(OverdueRule.OVERDUE_LABEL, overdue, register("status", "open", "overdue", ANY), overdue > 0),
        new Headline("Essential or High overdue", overdueHigh, register("status", "open", "overdue", ANY, "sort", "grade"), overdueHigh > 0),
        new Headline("Implemented in " + thisQuarter.label(), thisQuarter.implemented(), register("status", "CLOSED_IMPLEMENTED",
            "closedFrom", thisQuarter.start().toString(), "closedTo", thisQuarter.end().toString()), false)));
    if (cycle != null) {
      long missed = queries.missedUpdates(cycle.getId(), scope);
      headlines.add(new Headline("No update in " + cycle.getName(), missed, register("status", "open", "noUpdate", "true"), missed > 0));
    }
    return headlines;
  }

  private static Chart gradeBands(Map<Grade, GradeBands> bands, OverdueRule.Basis basis) {
    List<String> grades = Arrays.stream(Grade.values()).map(Grade::label).toList();
    List<Series> series = List.of(
        band(Colours.NOT_DUE, Band.NOT_DUE, bands, GradeBands::notDue),
        band(Colours.UNDER_3, Band.UNDER_3_MONTHS, bands, GradeBands::under3),
        band(Colours.FROM_3_TO_12, Band.FROM_3_TO_12_MONTHS, bands, GradeBands::from3To12),
        band(Colours.OVER_12, Band.OVER_12_MONTHS, bands, GradeBands::over12));
    return new Chart("chart-grade-band", "Open recommendations by grade and how long overdue", "bar",
        basis.statement() + ", as the committee report measures it.", true, false, grades, series);
  }

  private static Series band(String colour, Band band, Map<Grade, GradeBands> bands, Function<GradeBands, Long> count) {
    List<Number> values = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (Grade grade : Grade.values()) {
      values.add(count.apply(bands.get(grade)));
      links.add(register("status", "open", "grade", grade.name(), "overdue", band.code()));
    }
    return new Series(band.label(), "bar", colour, values, links);
  }

  private Chart ageing(LocalDate day, Scope scope) {
    Map<Grade, long[]> counts = queries.ageing(day, AGEING, scope);
    List<Series> series = new ArrayList<>();
    for (Grade grade : Grade.values()) {
      List<Number> values = new ArrayList<>();
      List<String> links = new ArrayList<>();
      for (int i = 0; i < AGEING.size(); i++) {
        Ageing bucket = AGEING.get(i);
        values.add(counts.get(grade)[i]);
        links.add(register("status", "open", "grade", grade.name(),
            "dueFrom", bucket.maxMonths() == null ? null : bucket.from(day).toString(), "dueTo", bucket.to(day).toString(),
            "sort", "due"));
      }
      series.add(new Series(grade.label(), "bar", Colours.of(grade), values, links));
    }
    return new Chart("chart-ageing", "Ageing: how long open recommendations are past their current target date", "bar",
        "By the date that applies now, after any approved revision.", true, false, AGEING.stream().map(Ageing::label).toList(), series);
  }

  private static Chart quarters(List<Quarter> quarters) {
    List<String> labels = quarters.stream().map(Quarter::label).toList();
    List<Number> implemented = new ArrayList<>();
    List<Number> accepted = new ArrayList<>();
    List<Number> onTime = new ArrayList<>();
    List<String> implementedLinks = new ArrayList<>();
    List<String> acceptedLinks = new ArrayList<>();
    for (Quarter q : quarters) {
      implemented.add(q.implemented());
      accepted.add(q.riskAccepted());
      onTime.add(q.implemented() == 0 ? null : Math.round(100.0 * q.implementedOnTime() / q.implemented()));
      implementedLinks.add(register("status", "CLOSED_IMPLEMENTED", "closedFrom", q.start().toString(), "closedTo", q.end().toString(), "sort", "closed"));
      acceptedLinks.add(register("status", "CLOSED_RISK_ACCEPTED", "closedFrom", q.start().toString(), "closedTo", q.end().toString(), "sort", "closed"));
    }
    return new Chart("chart-quarters", "Implementation by quarter", "bar",
        "Recommendations closed in each quarter; the line is the share implemented by their original target date.", false, false, labels,
        List.of(new Series("Implemented", "bar", Colours.IMPLEMENTED, implemented, implementedLinks),
            new Series("Risk accepted", "bar", Colours.RISK_ACCEPTED, accepted, acceptedLinks),
            new Series("Implemented on time (%)", "line", Colours.LINE, onTime, implementedLinks)));
  }

  private Chart revisions(Scope scope) {
    long[] counts = queries.approvedRevisions(REVISION_BUCKETS.size(), scope);
    List<Number> values = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      values.add(counts[i]);
      links.add(register("revisions", REVISION_BUCKETS.get(i)));
    }
    return new Chart("chart-revisions", "Revised target dates per recommendation", "bar",
        "Agreed recommendations by how many revised dates were approved for them.", false, false,
        REVISION_BUCKETS.stream().map(b -> b.equals("1") ? "1 revision" : b + " revisions").toList(),
        List.of(new Series("Recommendations", "bar", Colours.LINE, values, links)));
  }

  private static Chart services(List<Load> loads) {
    return load("chart-services", "Open recommendations by service", "service", loads);
  }

  private static Chart audits(List<Load> loads) {
    return load("chart-audits", "Open recommendations by audit (the " + TOP_AUDITS + " with most)", "audit", loads);
  }

  private static Chart load(String id, String title, String parameter, List<Load> loads) {
    List<String> labels = new ArrayList<>();
    List<Number> high = new ArrayList<>();
    List<Number> otherOverdue = new ArrayList<>();
    List<Number> notOverdue = new ArrayList<>();
    List<String> highLinks = new ArrayList<>();
    List<String> overdueLinks = new ArrayList<>();
    List<String> notOverdueLinks = new ArrayList<>();
    for (Load load : loads) {
      labels.add(load.key().equals(load.title()) ? load.key() : load.key() + " " + load.title());
      high.add(load.overdueHigh());
      otherOverdue.add(load.overdue() - load.overdueHigh());
      notOverdue.add(load.notOverdue());
      highLinks.add(register("status", "open", parameter, load.key(), "overdue", ANY, "sort", "grade"));
      overdueLinks.add(register("status", "open", parameter, load.key(), "overdue", ANY));
      notOverdueLinks.add(register("status", "open", parameter, load.key(), "overdue", Band.NOT_DUE.code()));
    }
    return new Chart(id, title, "bar", null, true, true, labels, List.of(
        new Series("Overdue, Essential or High", "bar", Colours.OVER_12, high, highLinks),
        new Series("Overdue, Medium or Low", "bar", Colours.UNDER_3, otherOverdue, overdueLinks),
        new Series(Band.NOT_DUE.label(), "bar", Colours.NOT_DUE, notOverdue, notOverdueLinks)));
  }

  /** A link to the register with these parameters (name, value, …); a null value leaves its parameter out. */
  static String register(String... parameters) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/register");
    for (int i = 0; i < parameters.length; i += 2) {
      if (parameters[i + 1] != null) {
        uri.queryParam(parameters[i], parameters[i + 1]);
      }
    }
    return uri.encode().build().toUriString();
  }
}
