package com.rectify.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import com.rectify.raising.AuditService;
import com.rectify.raising.NewAudit;
import com.rectify.demo.DemoUsers;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.security.FormLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evidence page that Tasklist's forms link to: it takes the one login, refuses strangers and
 * forged posts, and stores what the officer uploads.
 */
@RectifyApplicationTest
class EvidencePageTest {

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired AuditService audits;
  @Autowired RecommendationRepository recommendations;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired EvidenceRepository evidence;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private Recommendation recommendation;

  @BeforeEach
  void recommendationInImplementation() {
    demoUsers.ensure();
    String reference = "WEB-" + UUID.randomUUID().toString().substring(0, 6);
    audits.create(new NewAudit(reference, "Web audit", "finance", LocalDate.now(), List.of(
        new NewAudit.NewRecommendation("1", "Keep a register of gifts.", null, "Low", "Olivia Officer", null))), "helen");
    recommendation = recommendations.findByBusinessKey(reference + "/1").orElseThrow();
    identityService.setAuthenticatedUserId("olivia");
    try {
      taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey())
          .singleResult().getId(), Map.of("agreement", "AGREED", "agreedAction", "Register set up.", "targetDate", "31/12/2030"));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void strangersAreSentToTheLoginPage() throws Exception {
    HttpResponse<String> response = get("/recommendations/" + recommendation.getId() + "/evidence", null);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void anOfficerLoggedIntoTasklistUploadsEvidenceThere() throws Exception {
    String session = tasklistLogin("olivia");
    String pagePath = "/recommendations/" + recommendation.getId() + "/evidence";

    HttpResponse<String> page = get(pagePath, session);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Evidence — " + recommendation.getBusinessKey()).contains("Upload a file");

    HttpResponse<String> forged = upload(pagePath, session, null);
    assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
    assertThat(evidence.findByRecommendationIdOrderByIdAsc(recommendation.getId())).isEmpty();

    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> stored = upload(pagePath, session, token.group(1));
    assertThat(stored.statusCode()).isEqualTo(302);
    assertThat(evidence.findByRecommendationIdOrderByIdAsc(recommendation.getId()))
        .singleElement().satisfies(item -> {
          assertThat(item.getUploadedBy()).isEqualTo("olivia");
          assertThat(item.getOriginalFilename()).isEqualTo("register.txt");
        });
    assertThat(get(pagePath, session).body()).contains("register.txt");
  }

  private String tasklistLogin(String user) throws Exception {
    return FormLogin.session(client, "http://localhost:" + port, user, DemoUsers.PASSWORD);
  }

  private HttpResponse<String> upload(String path, String session, String csrf) throws Exception {
    String boundary = "rectify-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    if (csrf != null) {
      body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n").append(csrf).append("\r\n");
    }
    body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"register.txt\"\r\n")
        .append("Content-Type: text/plain\r\n\r\nGifts and hospitality register, April 2025.\r\n--").append(boundary).append("--\r\n");
    return client.send(HttpRequest.newBuilder(uri(path)).header("Cookie", "JSESSIONID=" + session)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String session) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (session != null) {
      request.header("Cookie", "JSESSIONID=" + session);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
