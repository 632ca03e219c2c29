package com.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The mail settings an operator sets are checked at start, and a wrong one is named. */
class MailSettingsTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(WithMailSettings.class);

  @Test
  void theDefaultsStart() {
    context.run(started -> {
      assertThat(started).hasNotFailed();
      MailSettings.Sender sender = started.getBean(MailSettings.class).sender();
      assertThat(sender.connections()).isEqualTo(4);
      assertThat(sender.batchSize()).isEqualTo(50);
    });
  }

  @Test
  void noConnectionsStopsTheStartNamingTheSetting() {
    context.withPropertyValues("rectify.mail.sender.connections=0").run(started -> {
      assertThat(started).hasFailed();
      assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("rectify.mail.sender.connections")
          .hasMessageContaining("must be greater than or equal to 1");
    });
  }

  @Test
  void anEmptyBatchStopsTheStartNamingTheSetting() {
    context.withPropertyValues("rectify.mail.sender.batch-size=-5").run(started -> {
      assertThat(started).hasFailed();
      assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("rectify.mail.sender.batchSize");
    });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(MailSettings.class)
  static class WithMailSettings {}
}
