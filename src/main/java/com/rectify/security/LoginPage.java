package com.rectify.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one sign-in page, for Rectify's pages and the Camunda webapps alike (Spring Security handles its POST). */
@Controller
class LoginPage {

  static final String WRONG_PASSWORD = "Wrong user name or password. Passwords are case-sensitive.";

  @GetMapping("/login")
  public String show(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
      HttpSession session, Model model) {
    if (error != null) {
      Object refusal = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
      model.addAttribute("error", refusal instanceof LoginThrottledException throttled ? throttled.getMessage() : WRONG_PASSWORD);
      session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
    if (logout != null) {
      model.addAttribute("message", "You have signed out of Rectify and the Camunda webapps.");
    }
    return "login";
  }
}
