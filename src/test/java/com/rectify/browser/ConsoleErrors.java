package com.rectify.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every console error and uncaught script error a page logs. Two are expected and tolerated, by name:
 * <ul>
 *   <li>before anyone has logged in, Tasklist asks who is logged in and its 404 answer means "nobody";
 *   <li>Tasklist asks again for the task it shows (when it refreshes, for one); when the question reaches the
 *       engine while that task is being completed, the engine finds the task, then loses it, and answers 500
 *       "Cannot find task with id ..." where it would answer 404 a moment later. Only that answer, read from the
 *       response, is tolerated: any other 500 is an error. On a loaded machine, where a completion takes seconds,
 *       it happens.
 * </ul>
 */
public final class ConsoleErrors {

  static final String TASKLIST_WHO_IS_LOGGED_IN = "/camunda/api/admin/auth/user/default";
  private static final Pattern TASKLIST_ASKS_FOR_A_TASK = Pattern.compile("/camunda/api/engine/engine/default/task/[^/?]+$");

  private final List<Logged> logged = new ArrayList<>();
  private final Set<String> vanishedTasks = new HashSet<>();

  private record Logged(String error, String text, String location) {}

  public static ConsoleErrors watch(Page page, String who) {
    ConsoleErrors watcher = new ConsoleErrors();
    page.onConsoleMessage(message -> {
      if ("error".equals(message.type()) && !isTasklistAskingWhoIsLoggedIn(message.text(), message.location())) {
        watcher.logged.add(new Logged(who + " on " + page.url() + ": " + message.text() + " (" + message.location() + ")",
            message.text(), message.location()));
      }
    });
    page.onPageError(error -> watcher.logged.add(new Logged(who + " on " + page.url() + ": uncaught " + error, error, null)));
    page.onResponse(response -> {
      if (response.status() == 500 && "GET".equals(response.request().method())
          && TASKLIST_ASKS_FOR_A_TASK.matcher(response.url()).find()) {
        try {
          if (response.text().contains("Cannot find task with id")) {
            watcher.vanishedTasks.add(response.url());
          }
        } catch (PlaywrightException bodyGone) {
          // Not readable, so not tolerated.
        }
      }
    });
    return watcher;
  }

  private static boolean isTasklistAskingWhoIsLoggedIn(String text, String location) {
    return text.contains("404") && location != null && location.contains(TASKLIST_WHO_IS_LOGGED_IN);
  }

  private boolean isTaskCompletedWhileAskedFor(Logged entry) {
    return entry.location() != null && entry.text().contains("status of 500")
        && vanishedTasks.stream().anyMatch(url -> entry.location().startsWith(url));
  }

  public List<String> errors() {
    return logged.stream().filter(entry -> !isTaskCompletedWhileAskedFor(entry)).map(Logged::error).toList();
  }
}
