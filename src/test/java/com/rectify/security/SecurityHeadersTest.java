package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import com.rectify.common.Today;
import com.rectify.demo.DemoUsers;
import com.rectify.importing.ImportService;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.register.SampleRegister;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security headers, over HTTP: every page of Rectify's sends its Content-Security-Policy (the recommendation
 * page its own, which allows bpmn-js's few style attributes by hash and nothing else more), nosniff, frame options
 * and a referrer policy, and its HTML has nothing inline for the policy to refuse; the Camunda webapps send their
 * own policy, not Rectify's; the APIs send the other headers. That the pages keep working under their policy in a
 * browser is shown by the browser tests, which fail on any console error, as a refused script or style is.
 */
@RectifyApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

  /** Rectify's pages as helen (head of audit) sees them, and the status each answers. */
  private final Map<String, Integer> pages = new LinkedHashMap<>();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;
  @Autowired ImportService imports;
  @Autowired RecommendationRepository recommendations;
  @Autowired Today today;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> sessions = new HashMap<>();
  private SampleRegister sample;

  @BeforeAll
  void sample() {
    demoUsers.ensure();
    sample = SampleRegister.importInto(imports, recommendations, today.date());
    pages.put("/dashboard", 200);
    pages.put("/register", 200);
    pages.put("/analytics", 200);
    pages.put("/recommendations/" + sample.id("2") + "/evidence", 200);
    pages.put("/imports", 200);
    pages.put("/reporting-cycles", 200);
    pages.put("/reports/committee?format=html", 200);
    pages.put("/admin/mail", 200);
    pages.put("/register?grade=Urgent", 400);
    pages.put("/no-such-page", 404);
    pages.put("/rectify.css", 200);
    pages.put("/committee-report.css", 200);
    pages.put("/js/dashboard.js", 200);
  }

  @Test
  void everyPageSendsThePolicyAndTheOtherHeaders() throws Exception {
    for (Map.Entry<String, Integer> page : pages.entrySet()) {
      HttpResponse<String> answer = get(page.getKey(), "helen");
      assertThat(answer.statusCode()).as(page.getKey()).isEqualTo(page.getValue());
      assertThat(header(answer, "Content-Security-Policy")).as(page.getKey()).isEqualTo(SecurityHeaders.PAGE_POLICY);
      assertOtherHeaders(answer, page.getKey());
    }
    HttpResponse<String> login = get("/login", null);
    assertThat(header(login, "Content-Security-Policy")).isEqualTo(SecurityHeaders.PAGE_POLICY);
    assertOtherHeaders(login, "/login");
    HttpResponse<String> refused = get("/admin/mail", "olivia");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(header(refused, "Content-Security-Policy")).as("a refusal's page").isEqualTo(SecurityHeaders.PAGE_POLICY);
  }

  @Test
  void theRecommendationPageAllowsOnlyTheDiagramsOwnStyleAttributesMore() throws Exception {
    HttpResponse<String> answer = get("/recommendations/" + sample.id("2"), "helen");
    assertThat(answer.statusCode()).isEqualTo(200);
    String policy = header(answer, "Content-Security-Policy");
    assertThat(policy).isEqualTo(SecurityHeaders.DIAGRAM_PAGE_POLICY)
        .startsWith(SecurityHeaders.PAGE_POLICY + "; style-src-attr 'unsafe-hashes' 'sha256-")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    // The hash of bpmn-js's overlay container, worked out here independently of SecurityHeaders.
    assertThat(policy).contains("'sha256-AHtqGIKHiUalONG+xeO90E9yUgWLoWuygINiCuiaBnA='");
    assertOtherHeaders(answer, "/recommendations/{id}");
    assertThat(get("/recommendations/" + sample.id("2") + "/diagram", "helen").headers()
        .firstValue("Content-Security-Policy")).as("the diagram's XML").contains(SecurityHeaders.PAGE_POLICY);
  }

  @Test
  void theHtmlOfThePagesHasNoInlineScriptStyleOrEventHandler() throws Exception {
    Map<String, String> bodies = new LinkedHashMap<>();
    for (String page : pages.keySet()) {
      if (!page.endsWith(".css") && !page.endsWith(".js")) {
        bodies.put(page, get(page, "helen").body());
      }
    }
    bodies.put("/recommendations/{id}", get("/recommendations/" + sample.id("2"), "helen").body());
    bodies.put("/login", get("/login", null).body());
    bodies.put("/login?error", get("/login?error", null).body());
    Pattern inline = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);
    for (Map.Entry<String, String> page : bodies.entrySet()) {
      Matcher found = inline.matcher(page.getValue());
      assertThat(found.find() ? found.group() : null).as(page.getKey()).isNull();
    }
    // What js/sizes.js is there to apply did reach the pages.
    assertThat(bodies.get("/dashboard")).contains("data-height=\"");
  }

  @Test
  void theCamundaWebappsSendTheirOwnPolicyNotRectifys() throws Exception {
    for (String webapp : new String[] {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/", "/camunda/app/admin/default/"}) {
      HttpResponse<String> answer = get(webapp, "admin");
      assertThat(answer.statusCode()).as(webapp).isEqualTo(200);
      String policy = header(answer, "Content-Security-Policy");
      assertThat(policy).as(webapp).isNotEqualTo(SecurityHeaders.PAGE_POLICY)
          .contains("'strict-dynamic'", "sandbox ").containsPattern("script-src 'nonce-[^']+'");
      Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
      assertThat(nonce.find()).isTrue();
      assertThat(answer.body()).as("the page's scripts carry the policy's nonce").contains("nonce=\"" + nonce.group(1) + "\"");
      assertOtherHeaders(answer, webapp);
    }
    HttpResponse<String> api = get("/camunda/api/admin/auth/user/default", "admin", "application/json");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(header(api, "Content-Security-Policy")).contains("'strict-dynamic'").isNotEqualTo(SecurityHeaders.PAGE_POLICY);
  }

  @Test
  void theApisSendNosniffFrameOptionsAndTheReferrerPolicy() throws Exception {
    for (String path : new String[] {"/api/recommendations", "/engine-rest/task"}) {
      HttpResponse<String> answer = basic(path, "helen");
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(header(answer, "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(header(answer, "X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(header(answer, "Referrer-Policy")).as(path).isEqualTo("same-origin");
      HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(header(refused, "X-Content-Type-Options")).as(path + " refused").isEqualTo("nosniff");
    }
  }

  private static void assertOtherHeaders(HttpResponse<String> answer, String page) {
    assertThat(header(answer, "X-Content-Type-Options")).as(page).isEqualTo("nosniff");
    assertThat(header(answer, "X-Frame-Options")).as(page).isEqualTo("SAMEORIGIN");
    assertThat(header(answer, "Referrer-Policy")).as(page).isEqualTo("same-origin");
    // Strict-Transport-Security is Spring Security's default: sent on HTTPS only, so not on this plain HTTP.
    assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(page).isEmpty();
  }

  private static String header(HttpResponse<?> answer, String name) {
    assertThat(answer.headers().allValues(name)).as(name + " sent once").hasSize(1);
    return answer.headers().firstValue(name).orElseThrow();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return get(path, user, "text/html");
  }

  private HttpResponse<String> get(String path, String user, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept);
    if (user != null) {
      request.header("Cookie", "JSESSIONID=" + sessions.computeIfAbsent(user, this::signIn));
    }
    return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String signIn(String user) {
    try {
      return FormLogin.session(client, base(), user, DemoUsers.PASSWORD);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> basic(String path, String user) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic " + credentials)
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
