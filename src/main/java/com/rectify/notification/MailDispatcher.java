package com.rectify.notification;

import com.rectify.common.NodeName;
import com.rectify.common.Today;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A batch of due mail is claimed by conditional updates in one short
 * transaction, so two nodes never send the same row; the claimed mail is then sent outside any
 * transaction over one SMTP connection, and marked sent together, or each put back with its error and a
 * later next attempt (doubling, up to a ceiling). Nothing is
 * dropped. A node that dies between claim and mark leaves the claim to expire, and the mail is tried again.
 */
@Component
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  private static final int MAX_BATCHES_PER_RUN = 100;

  private final OutboundMailRepository mails;
  private final JavaMailSender sender;
  private final MailSettings settings;
  private final Today today;
  private final TransactionTemplate tx;
  private final String node;

  public MailDispatcher(OutboundMailRepository mails, JavaMailSender sender, MailSettings settings, Today today,
      PlatformTransactionManager transactionManager, NodeName node) {
    this.node = node.get();
    this.mails = mails;
    this.sender = sender;
    this.settings = settings;
    this.today = today;
    this.tx = new TransactionTemplate(transactionManager);
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Sends every due mail, batch by batch (a cycle opened for thousands of recommendations does not wait for
   * many intervals); returns how many left successfully.
   */
  public int sendDue() {
    int sent = 0;
    Instant now = today.now().toInstant();
    int batchSize = settings.sender().batchSize();
    for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      List<Long> due = tx.execute(s -> mails.findDueIds(now, PageRequest.of(0, batchSize)));
      sent += send(claim(due, now));
      if (due.size() < batchSize) {
        break;
      }
    }
    return sent;
  }

  /** Claims what it can of the due mail in one transaction; a row another node took first is skipped. */
  private List<OutboundMail> claim(List<Long> due, Instant now) {
    Instant until = now.plus(settings.sender().claimTimeout());
    return tx.execute(s -> {
      List<Long> won = new ArrayList<>();
      for (Long id : due) {
        if (mails.claim(id, node, now, until) == 1) {
          won.add(id);
        }
      }
      return won.isEmpty() ? List.of() : mails.findByIdInOrderByIdAsc(won);
    });
  }

  /**
   * Sends a batch over one connection to the SMTP server; each mail the server refused, or all of them when it
   * cannot be reached, goes back with its error. Returns how many left.
   */
  private int send(List<OutboundMail> batch) {
    Map<MimeMessage, OutboundMail> messages = new LinkedHashMap<>();
    for (OutboundMail mail : batch) {
      try {
        messages.put(message(mail), mail);
      } catch (MessagingException e) {
        failed(mail, e);
      }
    }
    if (messages.isEmpty()) {
      return 0;
    }
    Map<Object, Exception> refused = Map.of();
    try {
      sender.send(messages.keySet().toArray(MimeMessage[]::new));
    } catch (MailSendException e) {
      // Without failed messages, all were sent and only closing the connection went wrong.
      refused = e.getFailedMessages();
    } catch (MailException e) {
      refused = new HashMap<>();
      for (MimeMessage message : messages.keySet()) {
        refused.put(message, e);
      }
    }
    List<Long> sent = new ArrayList<>();
    for (Map.Entry<MimeMessage, OutboundMail> entry : messages.entrySet()) {
      Exception error = refused.get(entry.getKey());
      if (error != null) {
        failed(entry.getValue(), error);
      } else {
        sent.add(entry.getValue().getId());
      }
    }
    Instant at = today.now().toInstant();
    if (!sent.isEmpty()) {
      tx.executeWithoutResult(s -> mails.markSent(sent, node, at));
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

  private void failed(OutboundMail mail, Exception e) {
    Instant next = today.now().toInstant().plus(backoff(mail.getAttempts() + 1));
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    log.warn("Mail {} to {} failed (attempt {}), next attempt at {}: {}", mail.getId(), mail.getRecipient(),
        mail.getAttempts() + 1, next, error);
    tx.executeWithoutResult(s -> mails.markFailed(mail.getId(), node, error.length() > 1000 ? error.substring(0, 1000) : error, next));
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
}
