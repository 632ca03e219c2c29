package com.rectify.web;

import com.rectify.security.Workplaces;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The product's address and where signing in leads: each person is sent on to where their work is. */
@Controller
class HomePage {

  private final Workplaces workplaces;

  HomePage(Workplaces workplaces) {
    this.workplaces = workplaces;
  }

  @GetMapping("/")
  String home(Authentication user) {
    return "redirect:" + workplaces.homeAddress(user);
  }
}
