package com.rectify.evidence;

import java.time.Instant;

/** An evidence file as the API and the recommendation page show it. */
public record EvidenceView(Long id, String filename, String contentType, long sizeBytes, String sha256, String uploadedBy,
    Instant uploadedAt, String submittedBy, String state, String downloadUrl) {

  public static EvidenceView of(Evidence e) {
    return new EvidenceView(e.getId(), e.getOriginalFilename(), e.getContentType(), e.getSizeBytes(), e.getSha256(),
        e.getUploadedBy(), e.getUploadedAt(), e.getSubmittedBy(), e.getState().name(),
        "/api/recommendations/" + e.getRecommendationId() + "/evidence/" + e.getId());
  }
}
