package com.rectify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy tables on their own, on a standalone engine: every grade and revision count. */
class DecisionTablesTest {

  @RegisterExtension
  static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("decision-tests.camunda.cfg.xml").build();

  ProcessEngine processEngine;

  @ParameterizedTest(name = "{0} revision {1} → {2}")
  @CsvSource({
      "ESSENTIAL, 1, audit-managers",
      "ESSENTIAL, 2, committee-chair",
      "ESSENTIAL, 5, committee-chair",
      "HIGH, 1, auditors",
      "HIGH, 2, audit-managers",
      "HIGH, 3, committee-chair",
      "MEDIUM, 1, auditors",
      "MEDIUM, 2, audit-managers",
      "LOW, 1, auditors",
      "LOW, 4, committee-chair"})
  @Deployment(resources = "bpmn/revision-approval-tier.dmn")
  void revisionApprovalTier(String grade, int revisionNumber, String approverGroup) {
    Object result = processEngine.getDecisionService().evaluateDecisionTableByKey("RevisionApprovalTier",
        Map.of("grade", grade, "revisionNumber", revisionNumber)).getSingleResult().getSingleEntry();
    assertThat(result).isEqualTo(approverGroup);
  }

  @ParameterizedTest(name = "{0} tier {1} → {2}")
  @CsvSource({
      "ESSENTIAL, 1, s151-officer", "HIGH, 1, s151-officer", "MEDIUM, 1, directors", "LOW, 1, heads-of-service",
      "ESSENTIAL, 2, committee-chair", "HIGH, 2, committee-chair", "MEDIUM, 2, s151-officer", "LOW, 2, directors"})
  @Deployment(resources = "bpmn/risk-acceptor.dmn")
  void riskAcceptor(String grade, int tier, String group) {
    Object result = processEngine.getDecisionService().evaluateDecisionTableByKey("RiskAcceptor",
        Map.of("grade", grade, "riskAcceptorTier", tier)).getSingleResult().getSingleEntry();
    assertThat(result).isEqualTo(group);
  }

  @ParameterizedTest(name = "{0}: no tier after 2")
  @CsvSource({"ESSENTIAL", "LOW"})
  @Deployment(resources = "bpmn/risk-acceptor.dmn")
  void riskAcceptorNamesNoThirdTier(String grade) {
    assertThat(processEngine.getDecisionService().evaluateDecisionTableByKey("RiskAcceptor",
        Map.of("grade", grade, "riskAcceptorTier", 3)).isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "{0} → remind {1} before, escalate {2} after, every {3}, to {4}")
  @CsvSource({
      "ESSENTIAL, P14D, P1D, P7D, 'service-managers,s151-officer'",
      "HIGH, P14D, P7D, P14D, 'service-managers,directors'",
      "MEDIUM, P14D, P14D, P30D, service-managers",
      "LOW, P7D, P30D, P30D, service-managers"})
  @Deployment(resources = "bpmn/follow-up-policy.dmn")
  void followUpPolicy(String grade, String leadTime, String delay, String repeat, String groups) {
    Map<String, Object> row = processEngine.getDecisionService().evaluateDecisionTableByKey("FollowUpPolicy",
        Map.of("grade", grade)).getSingleResult().getEntryMap();
    assertThat(row).containsEntry("reminderLeadTime", leadTime).containsEntry("escalationDelay", delay)
        .containsEntry("repeatInterval", repeat).containsEntry("escalationGroups", groups);
  }
}
