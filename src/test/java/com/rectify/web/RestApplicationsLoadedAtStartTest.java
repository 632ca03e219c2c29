package com.rectify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import java.util.Arrays;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Every REST application is built when the server starts, not by the first request that reaches it: each is
 * registered to load at start, and each has been initialised. The context is shared with other tests whose
 * requests would build them anyway, so the registration is checked as well as the result.
 */
@RectifyApplicationTest
class RestApplicationsLoadedAtStartTest {

  @Autowired ServletWebServerApplicationContext context;

  @Test
  void theWebappsAndTheEngineRestApiAreBuiltAtStart() {
    List<Wrapper> restApplications = restApplications();

    assertThat(restApplications).extracting(Wrapper::getName)
        .contains("Tasklist Api", "Cockpit Api", "Admin Api", "Welcome Api", "Engine Api")
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(restApplications).allSatisfy(wrapper -> {
      assertThat(wrapper.getLoadOnStartup()).as(wrapper.getName() + " loads at start").isNotNegative();
      assertThat(wrapper.getServlet()).as(wrapper.getName() + " is built").isNotNull();
      assertThat(wrapper.getServlet().getServletConfig()).as(wrapper.getName() + " is initialised").isNotNull();
    });
  }

  private List<Wrapper> restApplications() {
    TomcatWebServer server = (TomcatWebServer) context.getWebServer();
    return Arrays.stream(server.getTomcat().getHost().findChildren())
        .flatMap(webContext -> Arrays.stream(webContext.findChildren()))
        .map(Wrapper.class::cast)
        .filter(wrapper -> ServletContainer.class.getName().equals(wrapper.getServletClass())
            || wrapper.getServlet() instanceof ServletContainer)
        .toList();
  }
}
