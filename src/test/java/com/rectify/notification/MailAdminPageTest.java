package com.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.demo.DemoUsers;
import com.rectify.security.FormLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrators' mail page: audit managers and administrators read it, nobody else. */
@RectifyApplicationTest
class MailAdminPageTest {

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private final java.util.Map<String, String> sessions = new java.util.HashMap<>();

  /** A page as the user sees it after signing in on the login page. */
  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      String session = sessions.get(user);
      if (session == null) {
        session = FormLogin.session(client, "http://localhost:" + port, user, DemoUsers.PASSWORD);
        sessions.put(user, session);
      }
      request.header("Cookie", "JSESSIONID=" + session);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void auditManagersAndAdministratorsSeeQueuedMailWithItsStateOthersAreRefused() throws Exception {
    demoUsers.ensure();
    String reference = "MAIL-" + UUID.randomUUID().toString().substring(0, 6);
    audits.create(new NewAudit(reference, "Mail audit", "finance", LocalDate.now(), List.of(
        new NewAudit.NewRecommendation("1", "Keep a register of gifts.", null, "Low", "Olivia Officer", null))), "helen");

    HttpResponse<String> helen = get("/admin/mail", "helen");
    assertThat(helen.statusCode()).isEqualTo(200);
    assertThat(helen.body()).contains("Task for you: Agree management action · " + reference + "/1")
        .contains("olivia@council.example").contains("pending");
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/admin/mail/\\d+)\"").matcher(helen.body());
    assertThat(link.find()).as("each mail opens on its own page").isTrue();
    HttpResponse<String> one = get(link.group(1), "helen");
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).contains("— Rectify</title>").contains("@council.example");
    assertThat(get("/admin/mail", "admin").statusCode()).isEqualTo(200);
    assertThat(get("/admin/mail", "olivia").statusCode()).isEqualTo(403);
    assertThat(get("/admin/mail", null).statusCode()).isEqualTo(302);
  }

  @Test
  void theReportingCyclesPageIsForAuditManagers() throws Exception {
    demoUsers.ensure();
    HttpResponse<String> helen = get("/reporting-cycles", "helen");
    assertThat(helen.statusCode()).isEqualTo(200);
    assertThat(helen.body()).contains("Open a cycle").contains("name=\"updateDeadline\"");
    assertThat(get("/reporting-cycles", "olivia").statusCode()).isEqualTo(403);
  }
}
