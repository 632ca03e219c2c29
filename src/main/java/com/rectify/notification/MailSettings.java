package com.rectify.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How mail leaves ({@code rectify.mail}): the address links in mail start with (when it is not set, see
 * {@link MailLinks}), the sender's address, how often the outbox is sent and how failures back off, and the
 * embedded SMTP server of the default run.
 */
@ConfigurationProperties("rectify.mail")
@Validated
record MailSettings(
    String publicUrl,
    @DefaultValue("Rectify <rectify@council.example>") String from,
    @DefaultValue @Valid Sender sender,
    @DefaultValue EmbeddedSmtp embeddedSmtp) {

  /**
   * The outbox sender: whether it runs on a schedule, how often, how many connections to the SMTP server it
   * opens at once and how many mails each carries, and how a failing mail waits.
   */
  public record Sender(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("PT5S") Duration interval,
      @DefaultValue("4") @Min(1) int connections,
      @DefaultValue("50") @Min(1) int batchSize,
      @DefaultValue("PT30S") Duration initialBackoff,
      @DefaultValue("PT30M") Duration maxBackoff,
      @DefaultValue("PT5M") Duration claimTimeout) {}

  /** An in-process SMTP server that captures mail, so the default run needs no mail server. */
  public record EmbeddedSmtp(@DefaultValue("false") boolean enabled, @DefaultValue("2525") int port) {}
}
