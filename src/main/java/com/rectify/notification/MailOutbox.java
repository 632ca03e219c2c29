package com.rectify.notification;

import com.rectify.common.Today;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes mail into the outbox inside the caller's transaction: the mail exists only if the event that
 * caused it commits, and an event already mailed to a recipient is not mailed again.
 */
@Component
class MailOutbox {

  private final OutboundMailRepository mails;
  private final MailTemplates templates;
  private final Today today;

  public MailOutbox(OutboundMailRepository mails, MailTemplates templates, Today today) {
    this.mails = mails;
    this.templates = templates;
    this.today = today;
  }

  /**
   * Queues the notice for one recipient under a key naming the event, e.g.
   * {@code task-assigned:<task id>:olivia@council.example}. Returns false when that event was mailed already.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(String eventKey, String recipient, Notice notice) {
    String key = eventKey + ":" + recipient.toLowerCase();
    if (mails.existsByIdempotencyKey(key)) {
      return false;
    }
    MailTemplates.Rendered body = templates.render(notice);
    mails.save(new OutboundMail(key, notice.kind(), recipient, notice.subject(), body.text(), body.html(), notice.link(),
        notice.recommendationId(), today.now().toInstant()));
    return true;
  }
}
