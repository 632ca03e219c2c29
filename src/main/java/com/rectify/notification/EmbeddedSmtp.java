package com.rectify.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default run's mail server: an SMTP server inside the application (localhost only) that keeps what
 * it receives, so nothing needs installing to try Rectify. The administrators' mail page shows what it caught.
 * Off in the {@code relay} profile, where {@code spring.mail.*} points at a real relay.
 */
@Configuration
@ConditionalOnProperty(name = "rectify.mail.embedded-smtp.enabled", havingValue = "true")
class EmbeddedSmtp {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail embeddedSmtpServer(MailSettings settings) {
    return new GreenMail(new ServerSetup(settings.embeddedSmtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }
}
