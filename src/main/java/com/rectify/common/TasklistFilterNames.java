package com.rectify.common;

/** The names of the Tasklist filters Rectify sets up, as people see them in Tasklist. */
public final class TasklistFilterNames {

  public static final String MY_TASKS = "My tasks";
  public static final String OFFERED_TO_ME_BY_NAME = "Offered to me by name";
  public static final String MY_GROUPS_TASKS = "My group's tasks";
  public static final String OVERDUE = "Overdue";

  private TasklistFilterNames() {}
}
