package com.rectify.recommendation;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For audit managers: does the record of changes still hold? */
@RestController
class AuditTrailController {

  private final ChangeChainVerifier verifier;

  public AuditTrailController(ChangeChainVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/api/audit-trail/verify")
  public Map<String, Object> verify() {
    return verifier.verify();
  }
}
