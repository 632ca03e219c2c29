package com.rectify.cycle;

import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/reporting-cycles}: the head of audit opens a cycle; the updates are requested in the background. */
@RestController
class ReportingCycleController {

  private final ReportingCycles cycles;

  public ReportingCycleController(ReportingCycles cycles) {
    this.cycles = cycles;
  }

  public record NewCycle(String name, LocalDate asAt, LocalDate updateDeadline) {}

  public record CycleView(Long id, String name, LocalDate asAt, LocalDate updateDeadline, String openedBy) {
    static CycleView of(ReportingCycle c) {
      return new CycleView(c.getId(), c.getName(), c.getAsAt(), c.getUpdateDeadline(), c.getOpenedBy());
    }
  }

  @PostMapping("/api/reporting-cycles")
  public ResponseEntity<CycleView> open(@RequestBody NewCycle request, Authentication authentication) {
    requireAuditManager(authentication);
    ReportingCycle cycle = cycles.open(request.name(), request.asAt(), request.updateDeadline(), authentication.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(CycleView.of(cycle));
  }

  static void requireAuditManager(Authentication authentication) {
    GroupCheck.requireAny(authentication, "name", "Only audit managers may open a reporting cycle.", Groups.AUDIT_MANAGERS);
  }
}
