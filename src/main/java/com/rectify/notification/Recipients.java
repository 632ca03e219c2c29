package com.rectify.notification;

import com.rectify.common.PeopleNames;
import com.rectify.recommendation.Recommendation;
import com.rectify.common.Groups;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who a notice goes to, read from Camunda's users and groups: only people with an e-mail address. */
@Component
class Recipients {

  private final IdentityService identityService;

  public Recipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user, if they have a login and an address. */
  public List<Person> user(String userId) {
    if (userId == null) {
      return List.of();
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null || blank(user.getEmail()) ? List.of() : List.of(person(user));
  }

  /** Every member of the groups, each once. */
  public List<Person> membersOf(Collection<String> groupIds) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      for (User user : identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()) {
        if (!blank(user.getEmail())) {
          people.putIfAbsent(user.getId(), person(user));
        }
      }
    }
    return List.copyOf(people.values());
  }

  /** The people named and every member of the groups, each once. */
  public List<Person> offeredTo(Collection<String> userIds, Collection<String> groupIds) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String userId : userIds) {
      user(userId).forEach(p -> people.putIfAbsent(p.userId(), p));
    }
    membersOf(groupIds).forEach(p -> people.putIfAbsent(p.userId(), p));
    return List.copyOf(people.values());
  }

  /** The recommendation's lead officers with a login; when none has one, the owning service's officers. */
  public List<Person> officersOf(Recommendation recommendation) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String login : recommendation.leadOfficerLoginList()) {
      user(login).forEach(p -> people.putIfAbsent(p.userId(), p));
    }
    if (people.isEmpty()) {
      return membersOf(List.of(Groups.ofService(recommendation.getService())));
    }
    return List.copyOf(people.values());
  }

  /**
   * Who hears of an overdue action: for {@code service-managers}, the managers of the recommendation's own
   * service; for any other group (directors, the section 151 officer), all its members.
   */
  public List<Person> escalation(Recommendation recommendation, List<String> groupIds) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      List<Person> members = membersOf(List.of(groupId));
      if (Groups.SERVICE_MANAGERS.equals(groupId)) {
        List<String> service = membersOf(List.of(Groups.ofService(recommendation.getService()))).stream().map(Person::userId).toList();
        members = members.stream().filter(p -> service.contains(p.userId())).toList();
      }
      members.forEach(p -> people.putIfAbsent(p.userId(), p));
    }
    return List.copyOf(people.values());
  }

  private static Person person(User user) {
    return new Person(user.getId(), PeopleNames.nameOf(user), user.getEmail());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public record Person(String userId, String name, String email) {}
}
