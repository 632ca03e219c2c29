package com.rectify.evidence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

  List<Evidence> findByRecommendationIdOrderByIdAsc(Long recommendationId);

  List<Evidence> findByRecommendationIdAndStateOrderByIdAsc(Long recommendationId, EvidenceState state);

  boolean existsByRecommendationIdAndStateIn(Long recommendationId, Collection<EvidenceState> states);
}
