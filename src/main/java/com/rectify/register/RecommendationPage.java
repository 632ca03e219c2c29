package com.rectify.register;

import com.rectify.common.GroupNames;
import com.rectify.common.Today;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.api.RecommendationDetail;
import com.rectify.recommendation.api.RecommendationQueries;
import com.rectify.recommendation.access.RecommendationAccess;
import com.rectify.common.ApiException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One recommendation: where it stands among the lifecycle's stages, its story as a timeline, and the whole
 * lifecycle diagram on request.
 */
@Controller
class RecommendationPage {

  static final String CANNOT_SHOW = "We cannot show this recommendation";

  private final RecommendationAccess access;
  private final RecommendationQueries queries;
  private final ProcessDiagram diagrams;
  private final StepNames steps;
  private final GroupNames groupNames;
  private final Today today;

  public RecommendationPage(RecommendationAccess access, RecommendationQueries queries, ProcessDiagram diagrams, StepNames steps,
      GroupNames groupNames, Today today) {
    this.access = access;
    this.queries = queries;
    this.diagrams = diagrams;
    this.steps = steps;
    this.groupNames = groupNames;
    this.today = today;
  }

  @GetMapping("/recommendations/{id}")
  @Transactional(readOnly = true)
  public String show(@PathVariable Long id, Authentication authentication, Model model) {
    Recommendation recommendation = visible(id, authentication);
    RecommendationDetail detail = queries.detail(id);
    model.addAttribute("recommendation", recommendation);
    model.addAttribute("auditTitle", recommendation.getAudit().getTitle());
    model.addAttribute("detail", detail);
    model.addAttribute("timeline", Timeline.of(detail, id, steps.deployed(), groupNames::of));
    model.addAttribute("stages", LifecycleStages.of(recommendation.getStatus(), detail));
    model.addAttribute("instance", diagrams.of(recommendation.getBusinessKey()).orElse(null));
    model.addAttribute("today", today.date());
    return "recommendation";
  }

  @GetMapping("/recommendations/{id}/diagram")
  public ResponseEntity<byte[]> diagram(@PathVariable Long id, Authentication authentication) {
    Recommendation recommendation = visible(id, authentication);
    ProcessDiagram.Instance instance = diagrams.of(recommendation.getBusinessKey())
        .orElseThrow(() -> ApiException.of(HttpStatus.NOT_FOUND, "id",
            "This recommendation has no lifecycle diagram: it was imported as already closed."));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
        .body(diagrams.bpmnXml(instance.definitionId()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One the user may not read answers as missing would (404), in words saying why; either way under a heading that
   * says what happened and with what to do next, never the number asked for.
   */
  private Recommendation visible(Long id, Authentication authentication) {
    try {
      return access.requireReadable(authentication, id);
    } catch (ApiException refused) {
      ApiException answer = switch (refused.getStatus()) {
        case FORBIDDEN -> refused.withStatus(HttpStatus.NOT_FOUND);
        case NOT_FOUND -> ApiException.of(HttpStatus.NOT_FOUND, "id", "There is no recommendation at this address: it may have"
            + " been mistyped, or removed. Look for it in the register, or ask the audit team.");
        default -> refused;
      };
      throw answer.headed(CANNOT_SHOW);
    }
  }
}
