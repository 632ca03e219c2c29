package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed requests, each answered 4xx with a sentence naming what is wrong, never a 500: page numbers
 * that overflow, double slashes, broken JSON, the wrong content type, bad dates, unknown values, path
 * variables that are not numbers, uploads that are not multipart, methods an address does not take. Sent
 * over HTTP as written, to Rectify's API and pages and to Camunda's REST API.
 */
@RectifyApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;

  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  HttpResponse<String> get(String user, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", RawHttp.basic(user, DemoUsers.PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String user, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", RawHttp.basic(user, DemoUsers.PASSWORD)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The answer's words: Rectify's {@code message} and those of its {@code errors}, or Camunda's message. */
  static String message(HttpResponse<String> answer) throws Exception {
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.hasNonNull("message")).as("a message in " + answer.body()).isTrue();
    assertThat(body.get("message").asText()).as("the message").isNotBlank();
    StringBuilder words = new StringBuilder(body.get("message").asText());
    if (body.has("errors")) {
      body.get("errors").forEach(e -> words.append(" | ").append(e.get("field").asText()).append(": ").append(e.get("message").asText()));
    }
    return words.toString();
  }

  static void assertRefused(HttpResponse<String> answer, int status, String... words) throws Exception {
    assertThat(answer.statusCode()).as(answer.uri() + " answered " + answer.body()).isEqualTo(status);
    assertThat(message(answer)).contains(words);
  }

  // ------------------------------------------------------------------ addresses

  @Test
  void aDoubleSlashIsA400WithASentenceAndOneLogLineWithoutAStackTrace(CapturedOutput output) throws Exception {
    int logged = output.getOut().length();

    assertRefused(get("olivia", "//engine-rest/task"), 400, "double slash");
    assertRefused(get("olivia", "//api/recommendations"), 400, "double slash");
    assertRefused(get("olivia", "/engine-rest//task"), 400, "double slash");

    String log = output.getOut().substring(logged) + output.getErr();
    assertThat(log.lines().filter(line -> line.contains("//engine-rest/task"))).hasSize(1);
    assertThat(log).doesNotContain("RequestRejectedException:").doesNotContain("\tat org.springframework.security");
  }

  // ------------------------------------------------------------------ paging

  @Test
  void pagingPastWhatAWholeNumberHoldsIsA400NamingTheParameter() throws Exception {
    assertRefused(get("olivia", "/engine-rest/task?firstResult=99999999999"), 400, "firstResult", "99999999999");
    assertRefused(get("olivia", "/engine-rest/task?maxResults=99999999999"), 400, "maxResults");
    assertRefused(get("olivia", "/engine-rest/task?maxResults=-5"), 400, "maxResults", "-5");
    assertRefused(get("olivia", "/engine-rest/task?firstResult=abc"), 400, "firstResult");
    assertRefused(get("helen", "/engine-rest/history/task?firstResult=99999999999"), 400, "firstResult");
    assertThat(get("olivia", "/engine-rest/task?firstResult=0&maxResults=10").statusCode()).isEqualTo(200);

    assertRefused(get("helen", "/api/recommendations?page=99999999999"), 400, "page");
    assertRefused(get("helen", "/api/recommendations?page=2147483647&size=100"), 400, "page");
    assertRefused(get("helen", "/api/recommendations?size=99999999999"), 400, "size");
    assertThat(get("helen", "/api/recommendations?page=0&size=10").statusCode()).isEqualTo(200);
  }

  @Test
  void theRegisterPageSaysWhichPageParameterIsWrong() throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    String session = FormLogin.session(browser, base, "helen", DemoUsers.PASSWORD);
    for (String query : new String[] {"page=99999999999", "size=99999999999", "page=2147483647&size=200"}) {
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/register?" + query))
          .header("Cookie", "JSESSIONID=" + session).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(query).isEqualTo(400);
      assertThat(page.body()).as(query).contains("Parameter &#39;" + query.substring(0, query.indexOf('=')) + "&#39;");
    }
  }

  // ------------------------------------------------------------------ bodies

  @Test
  void brokenJsonIsA400() throws Exception {
    assertRefused(post("helen", "/api/audits", "application/json", "{\"reference\": "), 400, "not valid JSON");
    HttpResponse<String> engine = post("olivia", "/engine-rest/task", "application/json", "{\"name\": ");
    assertThat(engine.statusCode()).isEqualTo(400);
    assertThat(engine.body()).isNotBlank();
  }

  @Test
  void theWrongContentTypeIsA415NamingIt() throws Exception {
    assertRefused(post("helen", "/api/audits", "text/plain", "hello"), 415, "text/plain", "application/json");
    assertRefused(post("helen", "/api/audits", null, "hello"), 415, "Content-Type");
    assertRefused(post("olivia", "/engine-rest/task", "text/plain", "hello"), 415, "415");
  }

  @Test
  void badDatesAreA400NamingTheField() throws Exception {
    assertRefused(get("helen", "/api/reports/committee?asAt=notadate"), 400, "asAt");
    assertRefused(get("helen", "/api/reports/committee?since=2025-02-30"), 400, "since");
    assertRefused(post("helen", "/api/audits", "application/json", "{\"reference\":\"X1\",\"title\":\"t\",\"service\":\"finance\","
        + "\"reportIssuedOn\":\"2025-13-45\",\"recommendations\":[]}"), 400, "reportIssuedOn");
    assertRefused(get("olivia", "/engine-rest/task?dueAfter=notadate"), 400, "dueAfter");
    assertRefused(post("olivia", "/engine-rest/task", "application/json", "{\"dueAfter\":\"notadate\"}"), 400, "dueAfter", "notadate");
  }

  @Test
  void unknownValuesAreA400NamingTheField() throws Exception {
    assertRefused(get("helen", "/api/recommendations?status=NOPE"), 400, "NOPE");
    assertRefused(get("helen", "/api/recommendations?overdue=maybe"), 400, "overdue");
    assertRefused(post("helen", "/api/recommendations/1/supersede", "application/json", "{\"kind\":\"NOPE\",\"reason\":\"x\"}"), 400, "kind");
    assertRefused(post("olivia", "/engine-rest/task", "application/json", "{\"active\":\"maybe\"}"), 400, "active");
  }

  @Test
  void aPathVariableThatIsNotANumberIsA400NamingIt() throws Exception {
    assertRefused(get("helen", "/api/recommendations/abc"), 400, "'id'", "abc");
    assertRefused(get("helen", "/api/recommendations/99999999999999999999999"), 400, "'id'");
    assertRefused(get("helen", "/api/recommendations/1/evidence/abc"), 400, "evidenceId");
    assertRefused(post("helen", "/api/recommendations/abc/supersede", "application/json", "{\"kind\":\"WITHDRAWN\",\"reason\":\"x\"}"), 400, "'id'");
  }

  @Test
  void anUploadThatIsNotMultipartIsA400NamingTheFile() throws Exception {
    assertRefused(post("helen", "/api/imports", "application/json", "{}"), 400, "multipart", "file");
    assertRefused(post("olivia", "/api/recommendations/1/evidence", "multipart/form-data", "garbage"), 400, "multipart");
  }

  @Test
  void aMethodAnAddressDoesNotTakeIsA405NamingTheOnesItDoes() throws Exception {
    HttpResponse<String> answer = get("helen", "/api/audits");
    assertRefused(answer, 405, "GET", "POST");
    assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
  }
}
