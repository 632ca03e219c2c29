package com.rectify.lifecycle;

import com.rectify.common.Today;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import com.rectify.common.Groups;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who gets an officer's task: the lead officer when exactly one has a login; all lead officers with a login
 * as candidates; and always the owning service's officers' group, so that an action whose lead officer
 * has no login ("Head of Financial Services") still reaches someone.
 */
@Component("taskRouting")
public class TaskRouting {

  private final RecommendationLookup lookup;

  public TaskRouting(RecommendationLookup lookup) {
    this.lookup = lookup;
  }

  public String assignee(Long recommendationId) {
    List<String> logins = lookup.byId(recommendationId).leadOfficerLoginList();
    return logins.size() == 1 ? logins.get(0) : null;
  }

  /** Every lead officer with a login, also the one it is assigned to: they can take it back after giving it up. */
  public List<String> candidateUsers(Long recommendationId) {
    return lookup.byId(recommendationId).leadOfficerLoginList();
  }

  public String candidateGroups(Long recommendationId) {
    return Groups.ofService(lookup.byId(recommendationId).getService());
  }

  /** The current target date, so Tasklist shows it as the task's due date and the "Overdue" filter finds it. */
  public Date dueDate(Long recommendationId) {
    Recommendation recommendation = lookup.byId(recommendationId);
    return recommendation.getCurrentTargetDate() == null ? null : Today.endOfDay(recommendation.getCurrentTargetDate());
  }
}
