package com.rectify.common;

/** Camunda group ids the product relies on, and the words people read for them (the one place those words live). */
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

  private static final java.util.Map<String, String> NAMES = java.util.Map.ofEntries(
      java.util.Map.entry(OFFICERS, "Lead officers"),
      java.util.Map.entry(SERVICE_MANAGERS, "Service managers"),
      java.util.Map.entry(AUDITORS, "Auditors"),
      java.util.Map.entry(AUDIT_MANAGERS, "Head of internal audit"),
      java.util.Map.entry(SENIOR_OFFICERS, "Senior officers"),
      java.util.Map.entry(S151_OFFICER, "Section 151 officer"),
      java.util.Map.entry(DIRECTORS, "Directors"),
      java.util.Map.entry(HEADS_OF_SERVICE, "Heads of service"),
      java.util.Map.entry(COMMITTEE, "Audit Committee"),
      java.util.Map.entry(COMMITTEE_CHAIR, "Audit Committee chair"),
      java.util.Map.entry(CAMUNDA_ADMIN, "Administrators"));

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

  /**
   * The words for one of the product's groups ("Section 151 officer" for {@code s151-officer}, "Finance officers"
   * for {@code service-finance}); nothing for a group the product does not know, which the engine names
   * ({@link GroupNames}).
   */
  public static java.util.Optional<String> wordsFor(String group) {
    if (group == null) {
      return java.util.Optional.empty();
    }
    String known = NAMES.get(group);
    if (known != null) {
      return java.util.Optional.of(known);
    }
    return serviceOf(group).map(service -> Character.toUpperCase(service.charAt(0)) + service.substring(1).replace('-', ' ') + " officers");
  }
}
