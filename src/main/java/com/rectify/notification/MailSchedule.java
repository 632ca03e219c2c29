package com.rectify.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the outbox every {@code rectify.mail.sender.interval}; off where tests send it themselves. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "rectify.mail.sender.enabled", havingValue = "true", matchIfMissing = true)
class MailSchedule {

  private final MailDispatcher dispatcher;

  public MailSchedule(MailDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(fixedDelayString = "${rectify.mail.sender.interval:PT5S}", initialDelayString = "${rectify.mail.sender.interval:PT5S}")
  public void sendOutbox() {
    dispatcher.sendDue();
  }
}
