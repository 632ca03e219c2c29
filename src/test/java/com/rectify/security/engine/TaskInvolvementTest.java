package com.rectify.security.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.common.Groups;
import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/**
 * Which task queries are narrowed to what the officer is involved in, and which are already narrow: those are
 * left as asked, so the engine starts from the officer's own groups' links. The answers each gives are in
 * {@code TaskVisibilityTest}.
 */
class TaskInvolvementTest {

  static final String FINANCE = Groups.ofService("finance");
  static final String HOUSING = Groups.ofService("housing");
  final Authentication officer = new Authentication("officer-a", List.of(Groups.OFFICERS, FINANCE));

  @Test
  void theirOwnTasksAndTheirOwnGroupsAreLeftAsAsked() {
    assertLeftAsAsked(new TaskQueryImpl().taskAssignee("officer-a"));
    assertLeftAsAsked(new TaskQueryImpl().taskOwner("officer-a").taskNameLike("%"));
    assertLeftAsAsked(new TaskQueryImpl().taskCandidateGroup(FINANCE));
    assertLeftAsAsked(new TaskQueryImpl().taskCandidateGroupIn(List.of(Groups.OFFICERS, FINANCE)).includeAssignedTasks());
    assertLeftAsAsked(new TaskQueryImpl().taskCandidateGroup(FINANCE).taskCandidateGroupIn(List.of(FINANCE, HOUSING)));
  }

  @Test
  void aQueryReachingBeyondThemIsNarrowed() {
    assertNarrowed(new TaskQueryImpl());
    assertNarrowed(new TaskQueryImpl().taskAssignee("officer-b"));
    assertNarrowed(new TaskQueryImpl().taskAssigneeLike("officer-a%"));
    assertNarrowed(new TaskQueryImpl().taskInvolvedUser("officer-a"));
    assertNarrowed(new TaskQueryImpl().taskCandidateGroup(HOUSING));
    assertNarrowed(new TaskQueryImpl().taskCandidateGroupIn(List.of(FINANCE, HOUSING)).includeAssignedTasks());
    assertNarrowed(new TaskQueryImpl().taskCandidateGroup(FINANCE).taskCandidateGroupLike("%"));
    assertNarrowed(new TaskQueryImpl().withCandidateGroups());
    assertNarrowed(new TaskQueryImpl().taskCandidateGroup(FINANCE).taskCandidateGroupIn(List.of(HOUSING)));
  }

  @Test
  void theirOwnGroupsInAnOrQueryStillNarrow() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.or().taskCandidateGroup(FINANCE).taskAssignee("officer-b").endOr();
    assertNarrowed(query);
  }

  @Test
  void someoneInNoGroupIsNarrowedUnlessAskingForTheirOwn() {
    Authentication loner = new Authentication("loner", null);
    assertThat(TaskInvolvement.asksOnlyForInvolved(new TaskQueryImpl().taskCandidateGroup(FINANCE), loner)).isFalse();
    assertThat(TaskInvolvement.asksOnlyForInvolved(new TaskQueryImpl().taskAssignee("loner"), loner)).isTrue();
  }

  private void assertLeftAsAsked(TaskQuery asked) {
    TaskQueryImpl query = (TaskQueryImpl) asked;
    int before = query.getQueries().size();
    TaskInvolvement.restrictToInvolved(query, officer);
    assertThat(query.getQueries()).as("no or-query added").hasSize(before);
  }

  private void assertNarrowed(TaskQuery asked) {
    TaskQueryImpl query = (TaskQueryImpl) asked;
    int before = query.getQueries().size();
    TaskInvolvement.restrictToInvolved(query, officer);
    assertThat(query.getQueries()).as("the involvement or-query added").hasSize(before + 1);
    TaskQueryImpl involved = query.getQueries().get(before);
    assertThat(involved.getAssignee()).isEqualTo("officer-a");
    assertThat(involved.getCandidateGroupsInternal()).containsExactly(Groups.OFFICERS, FINANCE);
  }
}
