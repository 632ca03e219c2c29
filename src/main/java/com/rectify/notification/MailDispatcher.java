package com.rectify.notification;

import com.rectify.common.Today;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each mail is first claimed by a conditional update in its own short
 * transaction, so two nodes never send the same row; it is then sent outside any transaction and marked
 * sent, or put back with its error and a later next attempt (doubling, up to a ceiling). Nothing is
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
  private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

  public MailDispatcher(OutboundMailRepository mails, JavaMailSender sender, MailSettings settings, Today today,
      PlatformTransactionManager transactionManager) {
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
      for (Long id : due) {
        OutboundMail mail = claim(id, now);
        if (mail != null && send(mail)) {
          sent++;
        }
      }
      if (due.size() < batchSize) {
        break;
      }
    }
    return sent;
  }

  private OutboundMail claim(Long id, Instant now) {
    return tx.execute(s -> mails.claim(id, node, now, now.plus(settings.sender().claimTimeout())) == 1
        ? mails.findById(id).orElse(null)
        : null);
  }

  private boolean send(OutboundMail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(settings.from());
      helper.setTo(mail.getRecipient());
      helper.setSubject(mail.getSubject());
      helper.setText(mail.getTextBody(), mail.getHtmlBody());
      message.setHeader("X-Rectify-Mail-Id", String.valueOf(mail.getId()));
      sender.send(message);
    } catch (Exception e) {
      Instant next = today.now().toInstant().plus(backoff(mail.getAttempts() + 1));
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      log.warn("Mail {} to {} failed (attempt {}), next attempt at {}: {}", mail.getId(), mail.getRecipient(),
          mail.getAttempts() + 1, next, error);
      tx.executeWithoutResult(s -> mails.markFailed(mail.getId(), node, error.length() > 1000 ? error.substring(0, 1000) : error, next));
      return false;
    }
    tx.executeWithoutResult(s -> mails.markSent(mail.getId(), node, today.now().toInstant()));
    return true;
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
