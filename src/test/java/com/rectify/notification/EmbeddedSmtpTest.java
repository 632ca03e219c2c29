package com.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.rectify.common.FreePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default run's SMTP server, started as the application starts it, with the application's kind of mail sender
 * set up as {@code spring.mail.*} sets it up: mail reaches it whether its port is free or held by another program.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSmtpTest {

  private static MailSettings settings(int port) {
    return new MailSettings(null, "Rectify <rectify@council.example>", null, new MailSettings.EmbeddedSmtp(true, port));
  }

  private static JavaMailSenderImpl sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(port);
    return sender;
  }

  private static void send(JavaMailSenderImpl sender, String subject) {
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom("rectify@council.example");
    mail.setTo("olivia@council.example");
    mail.setSubject(subject);
    mail.setText("Hello");
    sender.send(mail);
  }

  private static void awaitReceived(GreenMail server, String subject) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(server.getReceivedMessages()).extracting(TestSmtp::subject).containsExactly(subject));
  }

  @Test
  void whenAnotherProgramHoldsItsPortTheServerListensOnAFreeOneSaysSoAndTheMailSenderFollowsIt(CapturedOutput output) throws Exception {
    try (ServerSocket otherProgram = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int taken = otherProgram.getLocalPort();
      JavaMailSenderImpl sender = sender(taken);

      GreenMail server = new EmbeddedSmtp().embeddedSmtpServer(settings(taken), sender);
      try {
        int port = server.getSmtp().getPort();
        assertThat(port).isNotEqualTo(taken).isPositive();
        assertThat(sender.getPort()).isEqualTo(port);
        assertThat(output.getOut().lines().filter(line -> line.contains("WARN") && line.endsWith(
            "Port " + taken + " is taken; the embedded mail server listens on " + port
                + " instead. Set rectify.mail.embedded-smtp.port to choose another."))).hasSize(1);

        send(sender, "Task for you: Agree management action");

        awaitReceived(server, "Task for you: Agree management action");
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void onAFreePortTheServerListensThereWithoutAWarning(CapturedOutput output) {
    int port = FreePorts.any();
    JavaMailSenderImpl sender = sender(port);

    GreenMail server = new EmbeddedSmtp().embeddedSmtpServer(settings(port), sender);
    try {
      assertThat(server.getSmtp().getPort()).isEqualTo(port);
      assertThat(sender.getPort()).isEqualTo(port);
      assertThat(output.getOut()).doesNotContain("is taken");

      send(sender, "Evidence accepted");

      awaitReceived(server, "Evidence accepted");
    } finally {
      server.stop();
    }
  }
}
