package com.rectify.web;

import com.rectify.recommendation.access.RecommendationAccess;
import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The pages' navigation offers only what the signed-in user may open. */
@ControllerAdvice(annotations = Controller.class)
class NavigationLinks {

  private final RecommendationAccess access;

  public NavigationLinks(RecommendationAccess access) {
    this.access = access;
  }

  @ModelAttribute("navAnalytics")
  public boolean analytics(Authentication authentication) {
    return GroupCheck.isInAny(authentication, Groups.ANALYTICS_READERS.toArray(String[]::new));
  }

  @ModelAttribute("navReports")
  public boolean reports(Authentication authentication) {
    return access.canReadReports(authentication);
  }
}
