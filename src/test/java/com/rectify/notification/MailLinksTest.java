package com.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Links in mail lead to the address a council set, and without one to the port the running server listens on. */
@RectifyApplicationTest
class MailLinksTest {

  @LocalServerPort int port;
  @Autowired MailLinks links;
  @Autowired MailSettings settings;
  @Autowired Environment environment;

  private MailLinks withPublicUrl(String publicUrl) {
    return new MailLinks(new MailSettings(publicUrl, settings.from(), settings.sender(), settings.embeddedSmtp()), environment);
  }

  @Test
  void linksStartWithThePublicUrlTheCouncilSet() {
    assertThat(settings.publicUrl()).isEqualTo("https://rectify.council.example");
    assertThat(links.taskLink("42")).isEqualTo("https://rectify.council.example/camunda/app/tasklist/default/#/?task=42");
    assertThat(links.recommendationLink(7L)).isEqualTo("https://rectify.council.example/recommendations/7/evidence");
    assertThat(withPublicUrl("https://audit.council.example/rectify/").taskLink("42"))
        .isEqualTo("https://audit.council.example/rectify/camunda/app/tasklist/default/#/?task=42");
  }

  @Test
  void withoutAPublicUrlLinksLeadToThePortTheServerRunsOn() {
    for (String unset : new String[] {null, ""}) {
      MailLinks local = withPublicUrl(unset);

      assertThat(local.taskLink("42")).isEqualTo("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=42");
      assertThat(local.recommendationLink(7L)).isEqualTo("http://localhost:" + port + "/recommendations/7/evidence");
    }
  }
}
