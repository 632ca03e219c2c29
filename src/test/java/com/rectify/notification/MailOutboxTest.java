package com.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.lifecycle.LifecycleTestSupport;
import com.rectify.recommendation.Recommendation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: written with the step, sent after it commits, retried while SMTP is down, never twice. */
class MailOutboxTest extends LifecycleTestSupport {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired MailDispatcher dispatcher;
  @Autowired OutboundMailRepository mails;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private List<OutboundMail> outboxOf(Recommendation rec) {
    return mails.findAll().stream().filter(m -> rec.getId().equals(m.getRecommendationId())).toList();
  }

  @Test
  void aRolledBackTaskCompletionWritesAndSendsNothing() {
    Recommendation rec = newRecommendation("Medium");
    agree(rec, LocalDate.now().plusMonths(3));
    submitEvidence(rec);
    dispatcher.sendDue();
    int before = outboxOf(rec).size();
    String reviewTask = task(rec, "Task_ReviewEvidence").getId();

    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
      complete(rec, "Task_ReviewEvidence", "alice", "reviewOutcome", "MORE_EVIDENCE", "reviewComment", "Unsigned.");
      assertThat(outboxOf(rec)).as("queued inside the completion's transaction").hasSizeGreaterThan(before);
      tx.setRollbackOnly();
    });

    assertThat(task(rec, "Task_ReviewEvidence").getId()).isEqualTo(reviewTask);
    assertThat(outboxOf(rec)).hasSize(before);
    dispatcher.sendDue();
    assertThat(TestSmtp.about(smtp, "More evidence needed: " + rec.getBusinessKey())).isEmpty();
  }

  @Test
  void withSmtpDownMailWaitsAndIsRetriedThenEveryMailIsDeliveredExactlyOnce() {
    smtp.stop();
    Recommendation rec = newRecommendation("High");
    agree(rec, LocalDate.now().plusMonths(3));
    submitEvidence(rec);
    List<OutboundMail> queued = outboxOf(rec);
    assertThat(queued).hasSizeGreaterThanOrEqualTo(3); // agree task, implement task, two reviewers

    dispatcher.sendDue();

    for (OutboundMail mail : outboxOf(rec)) {
      assertThat(mail.getState()).isEqualTo(MailState.PENDING);
      assertThat(mail.getAttempts()).isEqualTo(1);
      assertThat(mail.getLastError()).isNotBlank();
      assertThat(mail.getNextAttemptAt()).isAfter(Instant.now().plusSeconds(50));
    }
    dispatcher.sendDue();
    assertThat(outboxOf(rec)).as("not tried again before its back-off").allMatch(m -> m.getAttempts() == 1);

    smtp.start();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
    dispatcher.sendDue();
    dispatcher.sendDue();

    assertThat(outboxOf(rec)).allMatch(m -> m.getState() == MailState.SENT && m.getAttempts() == 2 && m.getLastError() == null);
    assertThat(TestSmtp.about(smtp, rec.getBusinessKey())).hasSize(queued.size());
    assertThat(TestSmtp.about(smtp, rec.getBusinessKey()).stream().map(m -> TestSmtp.recipient(m) + TestSmtp.subject(m)).distinct())
        .hasSize(queued.size());
  }

  @Test
  void aMailClaimedByOneNodeCannotBeClaimedByAnother() {
    Recommendation rec = newRecommendation("Low");
    Long id = outboxOf(rec).get(0).getId();
    Instant now = Instant.now().plusSeconds(1);
    TransactionTemplate tx = new TransactionTemplate(transactionManager);

    Integer first = tx.execute(s -> mails.claim(List.of(id), "node-a", now, now.plusSeconds(300)));
    Integer second = tx.execute(s -> mails.claim(List.of(id), "node-b", now, now.plusSeconds(300)));
    Integer markedByOther = tx.execute(s -> mails.markSent(List.of(id), "node-b", now));

    assertThat(first).isEqualTo(1);
    assertThat(second).isZero();
    assertThat(markedByOther).isZero();
    assertThat(mails.findById(id).orElseThrow().getClaimedBy()).isEqualTo("node-a");

    // node-a dies; once its claim has expired another node takes the mail and sends it once.
    Integer afterExpiry = tx.execute(s -> mails.claim(List.of(id), "node-b", now.plusSeconds(301), now.plusSeconds(600)));
    assertThat(afterExpiry).isEqualTo(1);
    assertThat((int) tx.execute(s -> mails.markSent(List.of(id), "node-b", now.plusSeconds(302)))).isEqualTo(1);
    assertThat((int) tx.execute(s -> mails.markSent(List.of(id), "node-a", now.plusSeconds(303)))).isZero();
  }

  @Test
  void backOffDoublesUpToItsCeiling() {
    assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(dispatcher.backoff(10)).isEqualTo(Duration.ofMinutes(10));
  }
}
