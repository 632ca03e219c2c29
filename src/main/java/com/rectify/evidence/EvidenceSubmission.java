package com.rectify.evidence;

import com.rectify.common.Today;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Moves evidence items through their states as the process submits and reviews them. */
@Component
public class EvidenceSubmission {

  private final EvidenceRepository evidence;
  private final Today today;

  public EvidenceSubmission(EvidenceRepository evidence, Today today) {
    this.evidence = evidence;
    this.today = today;
  }

  /** Submits every uploaded, not yet submitted file; returns how many. */
  public int submitUploaded(Long recommendationId, String submittedBy) {
    List<Evidence> uploaded = evidence.findByRecommendationIdAndStateOrderByIdAsc(recommendationId, EvidenceState.UPLOADED);
    uploaded.forEach(item -> item.submit(submittedBy, today.now().toInstant()));
    return uploaded.size();
  }

  public List<Evidence> underReview(Long recommendationId) {
    return evidence.findByRecommendationIdAndStateOrderByIdAsc(recommendationId, EvidenceState.SUBMITTED);
  }

  /** Everyone who put the evidence under review forward: they uploaded it or submitted it. */
  public Set<String> submittersUnderReview(Long recommendationId) {
    Set<String> people = new LinkedHashSet<>();
    for (Evidence item : underReview(recommendationId)) {
      people.add(item.getUploadedBy());
      people.add(item.getSubmittedBy());
    }
    return people;
  }

  public void recordReview(Long recommendationId, ReviewDecision decision) {
    boolean accepted = decision.getOutcome() != ReviewOutcome.MORE_EVIDENCE;
    underReview(recommendationId).forEach(item -> item.review(accepted, decision.getId()));
  }

  public boolean hasAcceptedEvidence(Long recommendationId, Long reviewDecisionId) {
    return evidence.findByRecommendationIdAndStateOrderByIdAsc(recommendationId, EvidenceState.ACCEPTED).stream()
        .anyMatch(item -> reviewDecisionId.equals(item.getReviewDecisionId()));
  }
}
