package com.rectify.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Finds the logins behind lead officers as a report writes them: "Mandy Beever/Nikki Kelly",
 * "J. Smith and A. Jones", "Head of Financial Services" (no login: the service's group gets the task).
 */
@Component
public class LeadOfficers {

  private final IdentityService identityService;

  public LeadOfficers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public static List<String> split(String written) {
    List<String> names = new ArrayList<>();
    for (String part : written.split("\\s*(/|;|&|,|\\band\\b)\\s*")) {
      if (!part.isBlank()) {
        names.add(part.trim());
      }
    }
    return names;
  }

  public boolean exists(String login) {
    return identityService.createUserQuery().userId(login).count() == 1;
  }

  /**
   * Binds the names once, when a recommendation is raised or imported: the logins are kept with it and
   * shown back, and a later change of a person's name changes nothing (people cannot rename themselves).
   */
  public List<String> loginsOf(String written) {
    Set<String> logins = new LinkedHashSet<>();
    for (String name : split(written)) {
      User byId = identityService.createUserQuery().userId(name).singleResult();
      if (byId != null) {
        logins.add(byId.getId());
        continue;
      }
      String[] words = name.split("\\s+");
      if (words.length < 2) {
        continue;
      }
      String last = words[words.length - 1];
      List<String> sameName = identityService.createUserQuery().userLastNameLike(last).list().stream()
          .filter(user -> (user.getFirstName() + " " + user.getLastName()).toLowerCase(Locale.UK).equals(name.toLowerCase(Locale.UK)))
          .map(User::getId).toList();
      // Two people of one name: neither is guessed; the service's officers get the task and the register shows no login.
      if (sameName.size() == 1) {
        logins.add(sameName.get(0));
      }
    }
    return new ArrayList<>(logins);
  }
}
