package com.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.RectifyApplicationTest;
import com.rectify.common.NodeName;
import com.rectify.common.Today;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail due at once: claimed in bulk, split over several SMTP connections, each mail accepted by the server once,
 * also when two nodes send from the same outbox at the same moment.
 */
@RectifyApplicationTest
class MailDispatcherTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestSmtp.server();

  @Autowired MailDispatcher dispatcher;
  @Autowired MailOutbox outbox;
  @Autowired OutboundMailRepository mails;
  @Autowired JavaMailSender sender;
  @Autowired MailRelay relay;
  @Autowired MailSettings settings;
  @Autowired Today today;
  @Autowired NodeName node;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void manyMailsDueAtOnceEachLeaveOnceOverSeveralConnections() {
    assertThat(settings.sender().connections()).as("connections in the test profile").isGreaterThan(1);
    String run = "MDT-" + UUID.randomUUID().toString().substring(0, 8);
    List<Long> ids = enqueue(run, 60);

    dispatcher.sendDue();

    assertThat(arrivals(run)).as("each outbox row arrived once").hasSize(60).allSatisfy((id, count) -> assertThat(count).isOne());
    assertThat(arrivals(run).keySet()).containsExactlyInAnyOrderElementsOf(ids.stream().map(String::valueOf).toList());
    List<OutboundMail> rows = mails.findAllById(ids);
    assertThat(rows).allSatisfy(mail -> {
      assertThat(mail.getState()).isEqualTo(MailState.SENT);
      assertThat(mail.getAttempts()).isOne();
      assertThat(mail.getClaimedBy()).as("marked with this node's claim").startsWith(node.get() + " #");
    });
    int perRound = settings.sender().batchSize() * settings.sender().connections();
    assertThat(rows.stream().map(OutboundMail::getClaimedBy).distinct().count())
        .as("claimed in bulk, %s mails a round (one more where mail left by other tests came first)", perRound)
        .isLessThanOrEqualTo(60 / perRound + 1);
  }

  @Test
  void twoNodesSendingFromOneOutboxAtOnceSendEachMailOnce() throws Exception {
    String run = "MDT-" + UUID.randomUUID().toString().substring(0, 8);
    List<Long> ids = enqueue(run, 150);
    MailDispatcher other = new MailDispatcher(mails, sender, relay, settings, today, transactionManager, new NodeName());
    CyclicBarrier together = new CyclicBarrier(2);
    List<Callable<Integer>> sending = List.of(dispatcher, other).stream().<Callable<Integer>>map(node -> () -> {
      together.await();
      return node.sendDue();
    }).toList();
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> sent = nodes.invokeAll(sending);
      assertThat(sent.get(0).get() + sent.get(1).get()).as("reported sent by the two nodes").isGreaterThanOrEqualTo(150);
    } finally {
      nodes.shutdown();
      other.closeConnections();
    }

    assertThat(arrivals(run)).as("each outbox row arrived once").hasSize(150).allSatisfy((id, count) -> assertThat(count).isOne());
    assertThat(mails.findAllById(ids)).allSatisfy(mail -> assertThat(mail.getState()).isEqualTo(MailState.SENT));
  }

  /** Queues the given number of mails, each with the run's mark in its subject; returns their outbox ids. */
  private List<Long> enqueue(String run, int count) {
    new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
      for (int i = 0; i < count; i++) {
        outbox.enqueue(run + ":" + i, "officer" + (i % 7) + "@council.example", new Notice(Notifications.REMINDER,
            "Reminder " + run + " #" + i, "Dear officer,", List.of("A mail among many due at once."), "Open Rectify",
            "https://rectify.council.example/", null));
      }
    });
    List<Long> ids = new ArrayList<>();
    mails.findByKindOrderByIdAsc(Notifications.REMINDER).stream()
        .filter(mail -> mail.getSubject().startsWith("Reminder " + run + " "))
        .forEach(mail -> ids.add(mail.getId()));
    assertThat(ids).hasSize(count);
    return ids;
  }

  /** How many times each outbox row of the run reached the server, by the outbox id each message carries. */
  private static Map<String, Long> arrivals(String run) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> TestSmtp.subject(message).contains(run))
        .map(MailDispatcherTest::outboxId)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static String outboxId(MimeMessage message) {
    try {
      return message.getHeader("X-Rectify-Mail-Id", null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
