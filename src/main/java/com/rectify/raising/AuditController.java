package com.rectify.raising;

import com.rectify.audit.Audit;
import com.rectify.audit.AuditStatus;
import com.rectify.recommendation.api.RecommendationQueries;
import com.rectify.recommendation.api.RecommendationSummary;
import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audits")
class AuditController {

  private final AuditService audits;
  private final RecommendationQueries recommendations;

  public AuditController(AuditService audits, RecommendationQueries recommendations) {
    this.audits = audits;
    this.recommendations = recommendations;
  }

  public record AuditView(Long id, String reference, String title, String service, AuditStatus status,
      List<RecommendationSummary> recommendations) {}

  @PostMapping
  public ResponseEntity<AuditView> create(@Valid @RequestBody NewAudit request, Authentication principal) {
    GroupCheck.requireAny(principal, "reference", "Only auditors and audit managers may raise an audit.",
        Groups.AUDITORS, Groups.AUDIT_MANAGERS);
    Audit audit = audits.create(request, principal.getName());
    List<RecommendationSummary> created = recommendations.ofAudit(audit.getId());
    return ResponseEntity.created(URI.create("/api/recommendations?audit=" + audit.getReference()))
        .body(new AuditView(audit.getId(), audit.getReference(), audit.getTitle(), audit.getService(), audit.getStatus(), created));
  }
}
