package com.rectify.security;

import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import com.rectify.common.TasklistFilterNames;
import com.rectify.recommendation.access.RecommendationAccess;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The places of Rectify and of the Camunda webapps a signed-in person may open, in the order the navigation
 * shows them, and the one their work starts on. The same groups the security rules and the engine's grants
 * use decide it, so the navigation never offers a page that would answer "forbidden".
 */
@Component
public class Workplaces {

  /** A place a person may be sent to: its name as the navigation shows it and where it is. */
  public enum Place {
    DASHBOARD("Dashboard", "/dashboard"),
    REGISTER("Register", "/register"),
    COMMITTEE_REPORT("Committee report", "/reports/committee"),
    ANALYTICS("Process analytics", "/analytics"),
    REPORTING_CYCLES("Reporting cycles", "/reporting-cycles"),
    IMPORTS("Import", "/imports"),
    MAIL("Mail", "/admin/mail"),
    TASKLIST("Tasklist", "/camunda/app/tasklist/default/"),
    COCKPIT("Cockpit", "/camunda/app/cockpit/default/"),
    USERS("Users and groups", "/camunda/app/admin/default/"),
    ACCESSIBILITY("Accessibility", "/accessibility");

    private final String label;
    private final String path;

    Place(String label, String path) {
      this.label = label;
      this.path = path;
    }

    public String label() {
      return label;
    }

    public String path() {
      return path;
    }
  }

  private final RecommendationAccess access;
  private final FilterService filters;

  public Workplaces(RecommendationAccess access, FilterService filters) {
    this.access = access;
    this.filters = filters;
  }

  /**
   * The address signing in leads to: the home place and, for auditors and senior officers, whose tasks are offered
   * to their groups, Tasklist opened at the filter that holds those tasks rather than at their own (empty) list.
   */
  public String homeAddress(Authentication user) {
    Place home = home(user);
    boolean workComesThroughGroups = !GroupCheck.isInAny(user, Groups.OFFICERS)
        && GroupCheck.isInAny(user, Groups.AUDITORS, Groups.SENIOR_OFFICERS);
    if (home != Place.TASKLIST || !workComesThroughGroups) {
      return home.path();
    }
    return filters.createFilterQuery().filterName(TasklistFilterNames.MY_GROUPS_TASKS).orderByFilterId().asc().list().stream()
        .findFirst().map(filter -> home.path() + "#/?filter=" + filter.getId()).orElse(home.path());
  }

  /** Every place this person may open, in the navigation's order. */
  public List<Place> open(Authentication user) {
    List<Place> places = new ArrayList<>();
    boolean worksOnRecommendations = GroupCheck.isInAny(user, AuthorizationGrants.TASKLIST_USERS.toArray(String[]::new));
    if (worksOnRecommendations) {
      places.add(Place.DASHBOARD);
      places.add(Place.REGISTER);
    }
    if (access.canReadReports(user)) {
      places.add(Place.COMMITTEE_REPORT);
    }
    if (GroupCheck.isInAny(user, Groups.ANALYTICS_READERS.toArray(String[]::new))) {
      places.add(Place.ANALYTICS);
    }
    if (GroupCheck.isInAny(user, Groups.AUDIT_MANAGERS)) {
      places.add(Place.REPORTING_CYCLES);
      places.add(Place.IMPORTS);
    }
    if (GroupCheck.isInAny(user, Groups.AUDIT_MANAGERS, Groups.CAMUNDA_ADMIN)) {
      places.add(Place.MAIL);
    }
    if (worksOnRecommendations) {
      places.add(Place.TASKLIST);
    }
    if (GroupCheck.isInAny(user, cockpitUsers())) {
      places.add(Place.COCKPIT);
    }
    if (GroupCheck.isInAny(user, Groups.CAMUNDA_ADMIN)) {
      places.add(Place.USERS);
    }
    places.add(Place.ACCESSIBILITY);
    return places;
  }

  /**
   * Where this person's work is, the first page after signing in: the committee's report; the dashboard of the
   * head of audit and of service managers, who oversee others' work; Tasklist for those who act on tasks
   * (officers, auditors, senior officers deciding risks and revised dates); Admin for administrators.
   */
  public Place home(Authentication user) {
    if (GroupCheck.isInAny(user, Groups.COMMITTEE)) {
      return Place.COMMITTEE_REPORT;
    }
    if (GroupCheck.isInAny(user, Groups.AUDIT_MANAGERS, Groups.SERVICE_MANAGERS)) {
      return Place.DASHBOARD;
    }
    if (GroupCheck.isInAny(user, AuthorizationGrants.TASKLIST_USERS.toArray(String[]::new))) {
      return Place.TASKLIST;
    }
    if (GroupCheck.isInAny(user, Groups.CAMUNDA_ADMIN)) {
      return Place.USERS;
    }
    return Place.ACCESSIBILITY;
  }

  private static String[] cockpitUsers() {
    List<String> groups = new ArrayList<>(AuthorizationGrants.SEE_ALL);
    groups.add(Groups.CAMUNDA_ADMIN);
    return groups.toArray(String[]::new);
  }
}
