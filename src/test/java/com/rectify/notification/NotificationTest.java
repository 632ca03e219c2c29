package com.rectify.notification;

import static com.rectify.notification.TestSmtp.plainText;
import static com.rectify.notification.TestSmtp.recipient;
import static com.rectify.notification.TestSmtp.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.recommendation.Recommendation;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Each notice, sent through a real SMTP server: who gets it, what it is called, where its link leads. */
class NotificationTest extends LifecycleTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired MailDispatcher dispatcher;
  @Autowired MailSettings settings;

  private List<MimeMessage> sentAbout(Recommendation rec) {
    dispatcher.sendDue();
    return TestSmtp.about(smtp, rec.getBusinessKey());
  }

  private static List<MimeMessage> to(List<MimeMessage> messages, String address, String subjectStart) {
    return messages.stream().filter(m -> recipient(m).equals(address) && subject(m).startsWith(subjectStart)).toList();
  }

  @Test
  void anAssignedTaskIsMailedToItsAssigneeWithALinkToTheTaskInTasklist() {
    Recommendation rec = newRecommendation("High");
    Task agree = task(rec, "Task_AgreeAction");

    List<MimeMessage> mails = to(sentAbout(rec), "olivia@council.example", "Task for you: Agree management action");

    assertThat(mails).hasSize(1);
    assertThat(subject(mails.get(0))).isEqualTo("Task for you: Agree management action · " + rec.getBusinessKey());
    assertThat(plainText(mails.get(0)))
        .contains("https://rectify.council.example/camunda/app/tasklist/default/#/?task=" + agree.getId());
    // In the HTML part the link reads in words; the task's id is in its address only, never in what is shown.
    String html = TestSmtp.html(mails.get(0));
    assertThat(html).contains("href=\"https://rectify.council.example/camunda/app/tasklist/default/#/?task=" + agree.getId() + "\"");
    assertThat(html.replaceAll("<[^>]*>", " ")).contains("Open the task in Tasklist").doesNotContain(agree.getId());
    assertThat(sentAbout(rec)).as("sending again sends nothing more").hasSize(1);
  }

  @Test
  void anUnassignedTaskIsMailedToEachMemberOfItsCandidateGroupsOnceAndClaimingItMailsNobody() {
    Recommendation rec = newRecommendation("Medium");
    agree(rec, LocalDate.now().plusMonths(3));
    submitEvidence(rec);
    Task review = task(rec, "Task_ReviewEvidence");

    List<MimeMessage> reviewMails = sentAbout(rec).stream().filter(m -> subject(m).startsWith("Task for you: Review evidence")).toList();

    // Review goes to auditors and audit managers: alice is an auditor, helen is in both groups but hears once.
    assertThat(reviewMails).extracting(TestSmtp::recipient)
        .containsExactlyInAnyOrder("alice@council.example", "helen@council.example");
    assertThat(plainText(reviewMails.get(0))).contains("#/?task=" + review.getId());

    identityService.setAuthentication("alice", List.of("auditors"));
    taskService.claim(review.getId(), "alice");
    identityService.clearAuthentication();
    assertThat(sentAbout(rec).stream().filter(m -> subject(m).startsWith("Task for you: Review evidence"))).hasSize(2);
  }

  @Test
  void aTaskOfferedToLeadOfficersByNameIsMailedToEachOfThemAndToItsGroupsMembersOnceEach() {
    // Finance's recommendation, co-led by Hannah, a housing officer: only her name brings the task to her.
    Recommendation rec = newAudit("Hannah Hughes/Olivia Officer", "High").get(0);
    Task agree = task(rec, "Task_AgreeAction");
    assertThat(agree.getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(agree.getId())).extracting(link -> link.getUserId())
        .contains("hannah", "olivia");
    assertThat(identityService.createUserQuery().memberOfGroup("service-finance").list()).extracting(u -> u.getId())
        .contains("olivia", "sam").doesNotContain("hannah");

    List<MimeMessage> agreeMails = sentAbout(rec).stream()
        .filter(m -> subject(m).startsWith("Task for you: Agree management action")).toList();

    // Olivia is both named and in the service's group: she hears once. Sam hears as a member of the group.
    assertThat(agreeMails).extracting(TestSmtp::recipient)
        .containsExactlyInAnyOrder("hannah@council.example", "olivia@council.example", "sam@council.example");
    assertThat(agreeMails).allSatisfy(m -> assertThat(plainText(m)).contains("#/?task=" + agree.getId()));

    identityService.setAuthentication("hannah", List.of("officers", "service-housing"));
    taskService.claim(agree.getId(), "hannah");
    identityService.clearAuthentication();
    assertThat(sentAbout(rec).stream().filter(m -> subject(m).startsWith("Task for you: Agree management action")))
        .as("claiming it for herself tells nobody, and nobody hears twice").hasSize(3);
  }

  @Test
  void evidenceSentBackTellsTheOfficerTheAuditorsReasonAndLinksToTheEvidencePage() {
    Recommendation rec = newRecommendation("Low");
    agree(rec, LocalDate.now().plusMonths(3));
    submitEvidence(rec);
    complete(rec, "Task_ReviewEvidence", "alice", "reviewOutcome", "MORE_EVIDENCE",
        "reviewComment", "The procedure is not signed.");

    List<MimeMessage> mails = to(sentAbout(rec), "olivia@council.example", "More evidence needed: ");

    assertThat(mails).hasSize(1);
    assertThat(subject(mails.get(0))).isEqualTo("More evidence needed: " + rec.getBusinessKey());
    assertThat(plainText(mails.get(0))).contains("The auditor's reason: The procedure is not signed.")
        .contains("https://rectify.council.example/recommendations/" + rec.getId() + "/evidence");
  }

  @Test
  void closingAsImplementedTellsTheOfficer() {
    Recommendation rec = newRecommendation("High");
    agree(rec, LocalDate.now().plusMonths(3));
    submitEvidence(rec);
    review(rec, "alice", "IMPLEMENTED");
    executeJobs(rec);

    List<MimeMessage> mails = to(sentAbout(rec), "olivia@council.example", "Closed as implemented: ");

    assertThat(mails).hasSize(1);
    assertThat(subject(mails.get(0))).isEqualTo("Closed as implemented: " + rec.getBusinessKey());
    assertThat(plainText(mails.get(0))).contains("/recommendations/" + rec.getId() + "/evidence");
  }

  @Test
  void acceptingTheRiskTellsTheOfficer() {
    Recommendation rec = newRecommendation("Medium");
    notAgree(rec);
    decideRisk(rec, "dan", "ACCEPTED");
    executeJobs(rec);

    List<MimeMessage> mails = to(sentAbout(rec), "olivia@council.example", "Closed, risk accepted: ");

    assertThat(mails).hasSize(1);
    assertThat(plainText(mails.get(0))).contains("Dan Director has formally accepted the residual risk of " + rec.getBusinessKey())
        .contains("/recommendations/" + rec.getId() + "/evidence");
  }

  @Test
  void aRevisedDateDecisionTellsWhoAskedWhetherItWasApprovedOrRefused() {
    Recommendation rec = newRecommendation("Medium");
    LocalDate target = LocalDate.now().plusMonths(2);
    agree(rec, target);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(1).toString(), "revisionReason", "Staff shortage.");
    complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED");
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", target.plusMonths(4).toString(), "revisionReason", "Still short.");
    complete(rec, "Task_ApproveRevisedDate", "helen", "revisionDecision", "REFUSED", "decisionComment", "Not again.");

    List<MimeMessage> mails = sentAbout(rec);

    assertThat(to(mails, "olivia@council.example", "Revised target date approved: ")).singleElement()
        .satisfies(m -> assertThat(plainText(m)).contains("was approved by Alice Auditor"));
    assertThat(to(mails, "olivia@council.example", "Revised target date refused: ")).singleElement()
        .satisfies(m -> assertThat(plainText(m)).contains("was refused by Helen Head-of-Audit").contains("Reason: Not again.")
            .contains("/recommendations/" + rec.getId() + "/evidence"));
  }
}
