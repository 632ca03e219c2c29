package com.rectify.cycle;

import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.security.Principal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /reporting-cycles}: the head of audit opens a cycle from the browser (audit-managers). */
@Controller
class ReportingCyclePage {

  private final ReportingCycles cycles;
  private final ReportingCycleRepository repository;

  public ReportingCyclePage(ReportingCycles cycles, ReportingCycleRepository repository) {
    this.cycles = cycles;
    this.repository = repository;
  }

  @GetMapping("/reporting-cycles")
  public String show(Model model) {
    model.addAttribute("cycles", repository.findAllByOrderByIdDesc().stream().map(Row::of).toList());
    return "reporting-cycles";
  }

  /** A cycle as the page lists it, with who was asked in words. */
  record Row(String name, LocalDate asAt, LocalDate updateDeadline, String openedBy, String asked) {
    static Row of(ReportingCycle cycle) {
      return new Row(cycle.getName(), cycle.getAsAt(), cycle.getUpdateDeadline(), cycle.getOpenedBy(), askedInWords(cycle));
    }
  }

  private static String askedInWords(ReportingCycle cycle) {
    if (cycle.getAskedCount() == null) {
      return "Every open recommendation was asked.";
    }
    int asked = cycle.getAskedCount();
    int notAsked = cycle.getNotAskedCount();
    if (cycle.getAllAskedAt() == null) {
      return asked == 0 ? "Being asked now." : "Being asked: " + recommendations(asked) + " in implementation asked so far.";
    }
    String words = recommendations(asked) + " in implementation asked for an update.";
    if (notAsked == 0) {
      return words + " No other recommendation was open.";
    }
    return words + " " + notAsked + " other open " + (notAsked == 1 ? "one was" : "ones were")
        + " not asked: not yet agreed, evidence under review or awaiting a risk decision, nothing is theirs to do yet.";
  }

  private static String recommendations(int count) {
    return count + (count == 1 ? " recommendation" : " recommendations");
  }

  @PostMapping("/reporting-cycles")
  public String open(@RequestParam(required = false) String name,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updateDeadline,
      Principal principal, RedirectAttributes redirect) {
    try {
      ReportingCycle cycle = cycles.open(name, asAt, updateDeadline, principal.getName());
      redirect.addFlashAttribute("message", "Opened " + cycle.getName()
          + ". The recommendations in implementation are being asked for their update; the officers' tasks appear in"
          + " Tasklist within moments. Those not yet agreed, with evidence under review or awaiting a risk decision are not"
          + " asked: nothing is theirs to do yet. The table of cycles below says how many were asked.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getProblems().stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
    }
    return "redirect:/reporting-cycles";
  }
}
