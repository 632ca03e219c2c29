package com.rectify.recommendation.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.common.LifecycleVariables;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.api.Test;

/** Which tasks a decision table routes, and which groups it can name, read from the process and the tables as deployed. */
class DecidingGroupsTest {

  @Test
  void theLifecycleRoutesTwoTasksByDecisionTables() throws IOException {
    Map<String, String> routed = DecidingGroups.tasksRoutedByDecisions(
        Bpmn.readModelFromFile(Path.of("bpmn/recommendation-lifecycle.bpmn").toFile()));
    assertThat(routed).containsExactlyInAnyOrderEntriesOf(Map.of(
        LifecycleVariables.TASK_APPROVE_REVISED_DATE, "RevisionApprovalTier",
        LifecycleVariables.TASK_ACCEPT_RESIDUAL_RISK, "RiskAcceptor"));
  }

  @Test
  void theGroupsAreTheTablesOutputs() throws IOException {
    assertThat(DecidingGroups.groupsNamedBy(dmn("bpmn/revision-approval-tier.dmn", Map.of()), "RevisionApprovalTier"))
        .containsExactlyInAnyOrder("auditors", "audit-managers", "committee-chair");
    assertThat(DecidingGroups.groupsNamedBy(dmn("bpmn/risk-acceptor.dmn", Map.of()), "RiskAcceptor"))
        .containsExactlyInAnyOrder("s151-officer", "directors", "heads-of-service", "committee-chair");
  }

  @Test
  void aCouncilsOwnTableIsReadAsItIs() throws IOException {
    DmnModelInstance edited = dmn("bpmn/risk-acceptor.dmn",
        Map.of("\"directors\"", "\"finance-directors,corporate-directors\"", "\"heads-of-service\"", "service + \"-head\""));
    assertThat(DecidingGroups.groupsNamedBy(edited, "RiskAcceptor"))
        .as("a computed output names no group that can be known beforehand")
        .containsExactlyInAnyOrder("s151-officer", "finance-directors", "corporate-directors", "committee-chair");
    assertThat(DecidingGroups.groupsNamedBy(edited, "SomeOtherDecision")).isEmpty();
  }

  private static DmnModelInstance dmn(String file, Map<String, String> edits) throws IOException {
    String xml = Files.readString(Path.of(file));
    for (Map.Entry<String, String> edit : edits.entrySet()) {
      xml = xml.replace(edit.getKey(), edit.getValue());
    }
    return Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
