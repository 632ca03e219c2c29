package com.rectify.notification;

import com.rectify.common.NodeName;
import com.rectify.common.Today;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Due mail is claimed in bulk by one conditional update in a short transaction,
 * marked with the claim (the node's name and the claim's number), so two nodes never send the same row; the
 * claimed mail is then split over several SMTP connections at once, sent outside any transaction, and marked
 * sent together, or each put back with its error and a later next attempt (doubling, up to a ceiling). Nothing
 * is dropped. A node that dies between claim and mark leaves the claim to expire, and the mail is tried again.
 */
@Component
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  private static final int MAX_ROUNDS_PER_RUN = 100;

  private final OutboundMailRepository mails;
  private final JavaMailSender sender;
  private final MailRelay relay;
  private final MailSettings settings;
  private final Today today;
  private final TransactionTemplate tx;
  private final String node;
  private final AtomicLong claims = new AtomicLong();
  private final ExecutorService connections;

  public MailDispatcher(OutboundMailRepository mails, JavaMailSender sender, MailRelay relay, MailSettings settings,
      Today today, PlatformTransactionManager transactionManager, NodeName node) {
    this.node = node.get();
    this.mails = mails;
    this.sender = sender;
    this.relay = relay;
    this.settings = settings;
    this.today = today;
    this.tx = new TransactionTemplate(transactionManager);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    CustomizableThreadFactory threads = new CustomizableThreadFactory("mail-relay-");
    threads.setDaemon(true);
    this.connections = Executors.newFixedThreadPool(settings.sender().connections(), threads);
  }

  @PreDestroy
  void closeConnections() {
    connections.shutdown();
  }

  /**
   * Sends every due mail, round by round (a cycle opened for thousands of recommendations does not wait for
   * many intervals); returns how many left successfully.
   */
  public int sendDue() {
    int sent = 0;
    Instant now = today.now().toInstant();
    int batchSize = settings.sender().batchSize();
    int perRound = batchSize * settings.sender().connections();
    for (int round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
      List<Long> due = tx.execute(s -> mails.findDueIds(now, PageRequest.of(0, perRound)));
      sent += sendAtOnce(claim(due, now));
      if (due.size() < perRound) {
        break;
      }
    }
    return sent;
  }

  /** Claims what it can of the due mail in one statement; a row another node took first is left to it. */
  private Claim claim(List<Long> due, Instant now) {
    if (due.isEmpty()) {
      return new Claim(node, List.of());
    }
    String claim = node + " #" + claims.incrementAndGet();
    Instant until = now.plus(settings.sender().claimTimeout());
    List<OutboundMail> won = tx.execute(s -> mails.claim(due, claim, now, until) == 0
        ? List.of() : mails.findByIdInAndClaimedByAndStateOrderByIdAsc(due, claim, MailState.SENDING));
    return new Claim(claim, won);
  }

  /** Splits the claimed mail over the connections and sends the parts at once; returns how many left. */
  private int sendAtOnce(Claim claim) {
    List<List<OutboundMail>> parts = claim.parts(settings.sender().connections());
    if (parts.size() <= 1) {
      return parts.isEmpty() ? 0 : send(claim.name(), parts.get(0));
    }
    List<Future<Integer>> sending = new ArrayList<>();
    for (List<OutboundMail> part : parts) {
      sending.add(connections.submit(() -> send(claim.name(), part)));
    }
    int sent = 0;
    RuntimeException failure = null;
    for (Future<Integer> part : sending) {
      try {
        sent += part.get();
      } catch (ExecutionException e) {
        failure = e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = new IllegalStateException("Interrupted while mail was being sent; its claim expires and it is sent again", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return sent;
  }

  /**
   * Sends a part over one connection to the SMTP server; each mail the server refused, or all of them when it
   * cannot be reached, goes back with its error. Returns how many left.
   */
  private int send(String claim, List<OutboundMail> part) {
    Map<MimeMessage, OutboundMail> messages = new LinkedHashMap<>();
    for (OutboundMail mail : part) {
      try {
        messages.put(message(mail), mail);
      } catch (MessagingException e) {
        failed(claim, mail, e);
      }
    }
    if (messages.isEmpty()) {
      return 0;
    }
    Map<MimeMessage, Exception> refused = relay.send(List.copyOf(messages.keySet()));
    List<Long> sent = new ArrayList<>();
    for (Map.Entry<MimeMessage, OutboundMail> entry : messages.entrySet()) {
      Exception error = refused.get(entry.getKey());
      if (error != null) {
        failed(claim, entry.getValue(), error);
      } else {
        sent.add(entry.getValue().getId());
      }
    }
    Instant at = today.now().toInstant();
    if (!sent.isEmpty()) {
      tx.executeWithoutResult(s -> mails.markSent(sent, claim, at));
    }
    return sent.size();
  }

  private MimeMessage message(OutboundMail mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(mail.getRecipient());
    helper.setSubject(mail.getSubject());
    helper.setText(mail.getTextBody(), mail.getHtmlBody());
    message.setHeader("X-Rectify-Mail-Id", String.valueOf(mail.getId()));
    return message;
  }

  private void failed(String claim, OutboundMail mail, Exception e) {
    Instant next = today.now().toInstant().plus(backoff(mail.getAttempts() + 1));
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    log.warn("Mail {} to {} failed (attempt {}), next attempt at {}: {}", mail.getId(), mail.getRecipient(),
        mail.getAttempts() + 1, next, error);
    tx.executeWithoutResult(s -> mails.markFailed(mail.getId(), claim, error.length() > 1000 ? error.substring(0, 1000) : error, next));
  }

  /** The wait before the given attempt: the initial back-off, doubled each time, never above the ceiling. */
  Duration backoff(int attempt) {
    Duration initial = settings.sender().initialBackoff();
    Duration max = settings.sender().maxBackoff();
    Duration wait = initial;
    for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }

  /** What one claim took, and its name, which marks each of its mails until it is sent or put back. */
  private record Claim(String name, List<OutboundMail> mails) {

    /** The claimed mail in at most the given number of parts of nearly equal size, in order. */
    List<List<OutboundMail>> parts(int count) {
      int size = Math.max(1, (mails.size() + count - 1) / count);
      List<List<OutboundMail>> parts = new ArrayList<>();
      for (int from = 0; from < mails.size(); from += size) {
        parts.add(mails.subList(from, Math.min(mails.size(), from + size)));
      }
      return parts;
    }
  }
}
