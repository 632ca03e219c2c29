package com.rectify.node;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The test's SMTP server (GreenMail): what arrived, by subject and by outbox row. */
final class Mailbox implements AutoCloseable {

  private final GreenMail server;

  Mailbox() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  int port() {
    return server.getSmtp().getPort();
  }

  List<MimeMessage> all() {
    return Arrays.asList(server.getReceivedMessages());
  }

  /** Mails whose subject starts with the text, e.g. {@code "Reminder: AUD-1/2 "}. */
  List<MimeMessage> subjectStartingWith(String prefix) {
    return all().stream().filter(m -> subject(m).startsWith(prefix)).toList();
  }

  /** Mails with exactly this subject, e.g. {@code "Closed as implemented: AUD-1/2"}. */
  List<MimeMessage> withSubject(String subject) {
    return all().stream().filter(m -> subject(m).equals(subject)).toList();
  }

  /** How many times each outbox row (header X-Rectify-Mail-Id) arrived. */
  Map<Long, Long> arrivalsByOutboxRow() {
    return all().stream().collect(Collectors.groupingBy(Mailbox::outboxRow, Collectors.counting()));
  }

  /** The outbox rows that arrived more than once. */
  Map<Long, Long> duplicates() {
    return arrivalsByOutboxRow().entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  static long outboxRow(MimeMessage message) {
    try {
      return Long.parseLong(message.getHeader("X-Rectify-Mail-Id")[0]);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> Map<T, Long> countBy(List<MimeMessage> messages, Function<MimeMessage, T> key) {
    return messages.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  @Override
  public void close() {
    server.stop();
  }
}
