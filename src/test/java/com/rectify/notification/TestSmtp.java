package com.rectify.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.rectify.common.FreePorts;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** A real SMTP server (GreenMail) on a port free when the tests start; the application sends to it. */
public final class TestSmtp {

  public static final int PORT = FreePorts.any();

  private TestSmtp() {}

  /** A fresh server for each test. */
  public static GreenMailExtension server() {
    return new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(true);
  }

  /** The messages received whose subject mentions the text (a test's own recommendation). */
  public static List<MimeMessage> about(GreenMailExtension server, String text) {
    return Arrays.stream(server.getReceivedMessages()).filter(m -> subject(m).contains(text)).toList();
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-text part of a message. */
  public static String plainText(jakarta.mail.Part part) {
    return partOf(part, "text/plain");
  }

  /** The HTML part of a message. */
  public static String html(jakarta.mail.Part part) {
    return partOf(part, "text/html");
  }

  private static String partOf(jakarta.mail.Part part, String mimeType) {
    try {
      if (part.isMimeType(mimeType)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          String text = partOf(multipart.getBodyPart(i), mimeType);
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
