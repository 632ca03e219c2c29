package com.rectify.web;

import com.rectify.security.Workplaces;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's navigation (templates/fragments/nav.html) offers only what the signed-in user may open. */
@ControllerAdvice(annotations = Controller.class)
class NavigationLinks {

  private final Workplaces workplaces;

  public NavigationLinks(Workplaces workplaces) {
    this.workplaces = workplaces;
  }

  @ModelAttribute("navPlaces")
  public List<Workplaces.Place> places(Authentication authentication) {
    return signedIn(authentication) ? workplaces.open(authentication) : List.of();
  }

  static boolean signedIn(Authentication authentication) {
    return authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
