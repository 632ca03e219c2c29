package com.rectify.cycle;

import com.rectify.common.Today;
import org.springframework.stereotype.Component;

/** The reporting cycle under way today, if any; updates and revisions are filed under it. */
@Component
public class CurrentCycle {

  private final ReportingCycleRepository cycles;
  private final Today today;

  public CurrentCycle(ReportingCycleRepository cycles, Today today) {
    this.cycles = cycles;
    this.today = today;
  }

  public ReportingCycle orNull() {
    return cycles.findFirstByAsAtLessThanEqualOrderByAsAtDesc(today.date()).orElse(null);
  }
}
