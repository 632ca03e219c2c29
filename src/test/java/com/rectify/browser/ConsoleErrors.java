package com.rectify.browser;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * Every console error and uncaught script error a page logs. One is expected and tolerated, by name:
 * before anyone has logged in, Tasklist asks who is logged in and its 404 answer means "nobody".
 */
public final class ConsoleErrors {

  static final String TASKLIST_WHO_IS_LOGGED_IN = "/camunda/api/admin/auth/user/default";

  private final List<String> errors = new ArrayList<>();

  public static ConsoleErrors watch(Page page, String who) {
    ConsoleErrors watcher = new ConsoleErrors();
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type()) && !isTasklistAskingWhoIsLoggedIn(message.text(), message.location())) {
        watcher.errors.add(who + " on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
      }
    });
    page.onPageError(error -> watcher.errors.add(who + " on " + page.url() + ": uncaught " + error));
    return watcher;
  }

  private static boolean isTasklistAskingWhoIsLoggedIn(String text, String location) {
    return text.contains("404") && location != null && location.contains(TASKLIST_WHO_IS_LOGGED_IN);
  }

  public List<String> errors() {
    return List.copyOf(errors);
  }
}
