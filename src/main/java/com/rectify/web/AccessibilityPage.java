package com.rectify.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement a UK public body publishes for a service its staff must use; open to all. */
@Controller
class AccessibilityPage {

  @GetMapping("/accessibility")
  String statement() {
    return "accessibility";
  }
}
