package com.rectify.audit;

import com.rectify.recommendation.RecommendationQueries;
import com.rectify.recommendation.RecommendationSummary;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audits")
public class AuditController {

  private final AuditService audits;
  private final RecommendationQueries recommendations;

  public AuditController(AuditService audits, RecommendationQueries recommendations) {
    this.audits = audits;
    this.recommendations = recommendations;
  }

  public record AuditView(Long id, String reference, String title, String service, AuditStatus status,
      List<RecommendationSummary> recommendations) {}

  @PostMapping
  public ResponseEntity<AuditView> create(@Valid @RequestBody NewAudit request, Principal principal) {
    Audit audit = audits.create(request, principal.getName());
    List<RecommendationSummary> created = recommendations.ofAudit(audit.getId());
    return ResponseEntity.created(URI.create("/api/recommendations?audit=" + audit.getReference()))
        .body(new AuditView(audit.getId(), audit.getReference(), audit.getTitle(), audit.getService(), audit.getStatus(), created));
  }
}
