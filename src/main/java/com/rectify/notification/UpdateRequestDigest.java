package com.rectify.notification;

import com.rectify.common.LifecycleVariables;
import com.rectify.cycle.ReportingCycle;
import com.rectify.cycle.ReportingCycleProperties;
import com.rectify.cycle.ReportingCycles;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Once a reporting cycle has asked every chunk, each person its update tasks are offered to hears of all theirs in
 * one mail, instead of a mail a task: the assignee where there is one, otherwise the people and groups the task is
 * offered to, as {@link TaskAssignedNotice} tells them. The cycle's open update tasks are read straight from the
 * engine's tables in a few statements, as a cycle may have asked ten thousand.
 */
@Component
public class UpdateRequestDigest {

  /** The update tasks still open that ask for this cycle; the cycle is a variable of the event subprocess that holds the task. */
  private static final String ASKED = " from ACT_RU_TASK t"
      + " join ACT_RU_EXECUTION e on e.ID_ = t.EXECUTION_ID_"
      + " join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_"
      + " join ACT_RU_VARIABLE v on v.NAME_ = ? and v.LONG_ = ? and (v.EXECUTION_ID_ = e.ID_ or v.EXECUTION_ID_ = e.PARENT_ID_)"
      + " where t.TASK_DEF_KEY_ = ?";
  private static final int KEYS_PER_QUERY = 500;

  private final JdbcTemplate jdbc;
  private final RecommendationRepository recommendations;
  private final ReportingCycles cycles;
  private final Recipients recipients;
  private final Notifications notifications;
  private final int listed;

  public UpdateRequestDigest(JdbcTemplate jdbc, RecommendationRepository recommendations, ReportingCycles cycles,
      Recipients recipients, Notifications notifications, ReportingCycleProperties properties) {
    this.jdbc = jdbc;
    this.recommendations = recommendations;
    this.cycles = cycles;
    this.recipients = recipients;
    this.notifications = notifications;
    this.listed = properties.requestsListed();
  }

  private record AskedTask(String taskId, String assignee, String businessKey) {}

  /** The people and groups an unassigned task is offered to. */
  private record Candidates(Set<String> users, Set<String> groups) {
    static Candidates none() {
      return new Candidates(Set.of(), Set.of());
    }
  }

  public void send(Long cycleId) {
    ReportingCycle cycle = cycles.byId(cycleId);
    Object[] ofThisCycle = {LifecycleVariables.REPORTING_CYCLE_ID, cycleId, LifecycleVariables.TASK_PROVIDE_PROGRESS_UPDATE};
    List<AskedTask> tasks = jdbc.query("select t.ID_, t.ASSIGNEE_, p.BUSINESS_KEY_" + ASKED + " order by p.BUSINESS_KEY_",
        (row, n) -> new AskedTask(row.getString(1), row.getString(2), row.getString(3)), ofThisCycle);
    Map<String, Candidates> candidates = candidatesOfUnassigned(ofThisCycle);
    Map<String, Recommendation> byKey = recommendationsOf(tasks);

    Map<String, Recipients.Person> people = new LinkedHashMap<>();
    Map<String, List<Notifications.AskedUpdate>> theirs = new LinkedHashMap<>();
    Map<Object, List<Recipients.Person>> known = new HashMap<>();
    for (AskedTask task : tasks) {
      Recommendation rec = byKey.get(task.businessKey());
      if (rec == null) {
        continue;
      }
      Candidates offered = candidates.getOrDefault(task.taskId(), Candidates.none());
      List<Recipients.Person> told = task.assignee() != null
          ? known.computeIfAbsent(task.assignee(), user -> recipients.user(task.assignee()))
          : known.computeIfAbsent(offered, c -> recipients.offeredTo(offered.users(), offered.groups()));
      for (Recipients.Person person : told) {
        people.putIfAbsent(person.userId(), person);
        theirs.computeIfAbsent(person.userId(), id -> new ArrayList<>()).add(new Notifications.AskedUpdate(task.taskId(), rec));
      }
    }
    theirs.forEach((userId, asked) -> notifications.updatesRequested(cycle, people.get(userId), asked, listed));
  }

  private Map<String, Candidates> candidatesOfUnassigned(Object[] ofThisCycle) {
    Map<String, Candidates> candidates = new HashMap<>();
    jdbc.query("select i.TASK_ID_, i.USER_ID_, i.GROUP_ID_ from ACT_RU_IDENTITYLINK i where i.TYPE_ = 'candidate'"
        + " and i.TASK_ID_ in (select t.ID_" + ASKED + " and t.ASSIGNEE_ is null)",
        row -> {
          Candidates of = candidates.computeIfAbsent(row.getString(1), id -> new Candidates(new TreeSet<>(), new TreeSet<>()));
          if (row.getString(2) != null) {
            of.users().add(row.getString(2));
          }
          if (row.getString(3) != null) {
            of.groups().add(row.getString(3));
          }
        }, ofThisCycle);
    return candidates;
  }

  private Map<String, Recommendation> recommendationsOf(List<AskedTask> tasks) {
    List<String> keys = tasks.stream().map(AskedTask::businessKey).distinct().toList();
    Map<String, Recommendation> byKey = new HashMap<>();
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      recommendations.findWithAuditByBusinessKeyIn(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)))
          .forEach(rec -> byKey.put(rec.getBusinessKey(), rec));
    }
    return byKey;
  }
}
