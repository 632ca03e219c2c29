package com.rectify.common;

/** Camunda group ids the product relies on. */
public final class Groups {

  public static final String OFFICERS = "officers";
  public static final String SERVICE_MANAGERS = "service-managers";
  public static final String AUDITORS = "auditors";
  public static final String AUDIT_MANAGERS = "audit-managers";
  public static final String SENIOR_OFFICERS = "senior-officers";
  public static final String COMMITTEE = "committee";
  public static final String COMMITTEE_CHAIR = "committee-chair";
  public static final String S151_OFFICER = "s151-officer";
  public static final String DIRECTORS = "directors";
  public static final String HEADS_OF_SERVICE = "heads-of-service";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Process analytics compare every service: for those who read every recommendation. */
  public static final java.util.List<String> ANALYTICS_READERS = java.util.List.of(AUDITORS, AUDIT_MANAGERS, COMMITTEE);

  private static final String SERVICE_PREFIX = "service-";

  private Groups() {}

  /** The group of a service's officers, who get its tasks when no lead officer has a login. */
  public static String ofService(String service) {
    return SERVICE_PREFIX + service;
  }

  /** The service whose officers' group this is ("service-finance" → "finance"). */
  public static java.util.Optional<String> serviceOf(String group) {
    return group != null && group.startsWith(SERVICE_PREFIX) && group.length() > SERVICE_PREFIX.length()
        && !SERVICE_MANAGERS.equals(group)
        ? java.util.Optional.of(group.substring(SERVICE_PREFIX.length())) : java.util.Optional.empty();
  }
}
