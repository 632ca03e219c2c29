package com.rectify.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The name of a person as pages and mail show it, from their login: first and last name as the engine's users
 * hold them; the login itself only when no such user exists (any more). Remembered for a minute, so a page
 * listing many entries asks once per person. Templates call it as {@code @peopleNames.of(login)}.
 */
@Component
public class PeopleNames {

  private static final Duration KEPT = Duration.ofMinutes(1);
  private static final int MAX_KEPT = 1_000;

  private record Known(String name, Instant until) {}

  private final IdentityService identityService;
  private final AsApplication asApplication;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  public PeopleNames(IdentityService identityService, AsApplication asApplication) {
    this.identityService = identityService;
    this.asApplication = asApplication;
  }

  /** "Olivia Officer" for {@code olivia}; "Rectify" for the application's own moves; blank stays blank. */
  public String of(String login) {
    if (login == null || login.isBlank()) {
      return login;
    }
    if (TaskActor.SYSTEM.equals(login)) {
      return "Rectify";
    }
    Instant now = Instant.now();
    Known hit = known.get(login);
    if (hit != null && hit.until().isAfter(now)) {
      return hit.name();
    }
    String name = lookUp(login);
    if (known.size() >= MAX_KEPT) {
      known.clear();
    }
    known.put(login, new Known(name, now.plus(KEPT)));
    return name;
  }

  private String lookUp(String login) {
    User user = asApplication.read(() -> identityService.createUserQuery().userId(login).singleResult());
    if (user == null) {
      return login;
    }
    return nameOf(user);
  }

  /** First and last name as the engine's user holds them; the login when it holds neither. */
  public static String nameOf(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
