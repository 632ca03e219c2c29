package com.rectify.lifecycle;

import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.recommendation.RecommendationRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** CallActivity_RecommendationLifecycle: which lifecycles an audit starts, and under which business key. */
@Component("auditFollowUp")
public class AuditFollowUp {

  private final RecommendationRepository recommendations;
  private final RecommendationLookup lookup;

  public AuditFollowUp(RecommendationRepository recommendations, RecommendationLookup lookup) {
    this.recommendations = recommendations;
    this.lookup = lookup;
  }

  public List<Long> recommendationIds(Long auditId) {
    return recommendations.findByAuditIdOrderByIdAsc(auditId).stream().map(Recommendation::getId).toList();
  }

  public String businessKey(Long recommendationId) {
    return lookup.byId(recommendationId).getBusinessKey();
  }
}
