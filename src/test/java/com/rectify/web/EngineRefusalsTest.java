package com.rectify.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's refusals as a person reads them: what they may not do, who can and what to do next, naming them by
 * their name, never by their login, and with no id of what was refused.
 */
@RectifyApplicationTest
class EngineRefusalsTest {

  @Autowired EngineRefusals refusals;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @AfterEach
  void forgetUser() {
    identityService.clearAuthentication();
  }

  @Test
  void theEnginesOwnAuthorizationsAreSaidInWords() {
    demoUsers.ensure();
    String taskId = UUID.randomUUID().toString();
    String words = refusals.words(new AuthorizationException("olivia", "UPDATE", "Task", taskId));
    assertThat(words).startsWith("Olivia Officer may not work on this task")
        .contains("Claim it in Tasklist if it is offered to you", "ask the audit team")
        .doesNotContain("'olivia'").doesNotContain("User ").doesNotContain(taskId).doesNotContain("UPDATE");

    assertThat(refusals.words(new AuthorizationException("olivia", "CREATE", "ProcessInstance", null)))
        .startsWith("Olivia Officer may not move this recommendation's lifecycle directly").contains("Complete the task");
    assertThat(refusals.words(new AuthorizationException("olivia", "READ", "Authorization", null)))
        .startsWith("Olivia Officer may not do this").contains("Ask the audit team").doesNotContain("Authorization");
  }

  @Test
  void rectifysOwnRuleOnAnotherPersonsTaskNamesThePersonAndSaysWhoCan() {
    demoUsers.ensure();
    String reference = "ER-" + UUID.randomUUID().toString().substring(0, 8);
    audits.create(new NewAudit(reference, "Refusals " + reference, "finance", LocalDate.now(), List.of(
        new NewAudit.NewRecommendation("1", "Keep a register.", null, "High", "Olivia Officer", null))), "helen");
    Task agree = taskService.createTaskQuery().processInstanceBusinessKey(reference + "/1").singleResult();

    identityService.setAuthentication("hannah", List.of("officers", "service-housing"));
    AuthorizationException refused = catchThrowableOfType(AuthorizationException.class, () -> taskService.complete(agree.getId()));
    identityService.clearAuthentication();

    assertThat(refusals.words(refused)).contains("Hannah Hughes").doesNotContain("'hannah'").doesNotContain("User ")
        .doesNotContain(agree.getId()).containsAnyOf("Leave it for them", "Claim it in Tasklist");
  }
}
