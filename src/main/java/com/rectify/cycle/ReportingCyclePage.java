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
    model.addAttribute("cycles", repository.findAllByOrderByIdDesc());
    return "reporting-cycles";
  }

  @PostMapping("/reporting-cycles")
  public String open(@RequestParam(required = false) String name,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updateDeadline,
      Principal principal, RedirectAttributes redirect) {
    try {
      ReportingCycle cycle = cycles.open(name, asAt, updateDeadline, principal.getName());
      redirect.addFlashAttribute("message", "Opened " + cycle.getName()
          + ". Every open recommendation is being asked for its update; the officers' tasks appear in Tasklist within moments.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getProblems().stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
    }
    return "redirect:/reporting-cycles";
  }
}
