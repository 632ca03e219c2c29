package com.rectify.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default run's mail server: an SMTP server inside the application (localhost only) that keeps what
 * it receives, so nothing needs installing to try Rectify. The administrators' mail page shows what it caught.
 * It listens on {@code rectify.mail.embedded-smtp.port}, or on a free port when another program holds that one,
 * and the application's mail sender is pointed at wherever it listens. Off in the {@code relay} profile, where
 * {@code spring.mail.*} points at a real relay.
 */
@Configuration
@ConditionalOnProperty(name = "rectify.mail.embedded-smtp.enabled", havingValue = "true")
class EmbeddedSmtp {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtp.class);
  private static final String HOST = "127.0.0.1";

  @Bean(destroyMethod = "stop")
  GreenMail embeddedSmtpServer(MailSettings settings, JavaMailSenderImpl sender) {
    int configured = settings.embeddedSmtp().port();
    ServerSetup setup = new ServerSetup(configured, HOST, ServerSetup.PROTOCOL_SMTP);
    boolean free = free(configured);
    GreenMail server = new GreenMail(free ? setup : setup.dynamicPort());
    server.start();
    int port = server.getSmtp().getPort();
    if (!free) {
      log.warn("Port {} is taken; the embedded mail server listens on {} instead. Set rectify.mail.embedded-smtp.port to choose another.",
          configured, port);
    }
    sender.setHost(HOST);
    sender.setPort(port);
    return server;
  }

  private static boolean free(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(HOST, port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
