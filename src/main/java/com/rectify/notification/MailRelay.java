package com.rectify.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Hands a batch of messages to the SMTP server over one session: connect once, send each message, quit. Unlike
 * {@link JavaMailSenderImpl#send(MimeMessage...)}, it does not ask the server whether the connection is still
 * there (an SMTP NOOP, one more round trip) before every message; it asks only after a message failed, and
 * connects again if the server had dropped the connection.
 */
@Component
class MailRelay {

  private final JavaMailSenderImpl sender;

  MailRelay(JavaMailSenderImpl sender) {
    this.sender = sender;
  }

  /** Sends the messages in order; returns those the server refused or never got, each with its error. */
  Map<MimeMessage, Exception> send(List<MimeMessage> messages) {
    Map<MimeMessage, Exception> refused = new LinkedHashMap<>();
    Transport transport = null;
    try {
      for (int i = 0; i < messages.size(); i++) {
        MimeMessage message = messages.get(i);
        if (transport == null) {
          try {
            transport = connect();
          } catch (MessagingException e) {
            messages.subList(i, messages.size()).forEach(unsent -> refused.put(unsent, e));
            return refused;
          }
        }
        try {
          message.saveChanges();
          transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
          refused.put(message, e);
          if (!transport.isConnected()) {
            close(transport);
            transport = null;
          }
        }
      }
    } finally {
      close(transport);
    }
    return refused;
  }

  private static void close(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // Each message was accepted or refused before QUIT; a connection that fails to close changes neither.
    }
  }

  private Transport connect() throws MessagingException {
    String protocol = sender.getProtocol() == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : sender.getProtocol();
    Transport transport = sender.getSession().getTransport(protocol);
    transport.connect(sender.getHost(), sender.getPort(), nullIfEmpty(sender.getUsername()), nullIfEmpty(sender.getPassword()));
    return transport;
  }

  private static String nullIfEmpty(String value) {
    return StringUtils.hasLength(value) ? value : null;
  }
}
