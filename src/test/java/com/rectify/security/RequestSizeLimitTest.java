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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are bounded on the bytes read, on every route: 50 MB streamed in chunks (no
 * Content-Length) by a signed-in officer to Rectify's API and to Camunda's REST API, a form post to the
 * login page, a multipart upload, and bodies whose Content-Length announces too much. Each is answered 413
 * with a sentence once the limit is passed, the server stops reading (the client could not send the rest),
 * and the application answers normally afterwards.
 */
@RectifyApplicationTest
class RequestSizeLimitTest {

  static final long FIFTY_MB = 50L * 1024 * 1024;
  /** Far less than was offered: the server stopped reading once the limit was passed (socket buffers aside). */
  static final long STOPPED_EARLY = 20L * 1024 * 1024;

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  Map<String, String> json(String user) {
    return Map.of("Authorization", RawHttp.basic(user, DemoUsers.PASSWORD), "Content-Type", "application/json",
        "Accept", "application/json");
  }

  static JsonNode body(RawHttp.Answer answer) throws Exception {
    return new ObjectMapper().readTree(answer.body());
  }

  static void assert413(RawHttp.Answer answer, String limit) throws Exception {
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    JsonNode body = body(answer);
    assertThat(body.get("status").asInt()).isEqualTo(413);
    assertThat(body.get("message").asText()).contains("larger than " + limit);
    assertThat(body.has("errors")).isTrue();
  }

  void assertStillAnswers() throws Exception {
    HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/recommendations?size=1"))
        .header("Authorization", RawHttp.basic("helen", DemoUsers.PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);
  }

  @Test
  void aChunkedJsonBodyToTheApiIsCutOffAt1MbWith413() throws Exception {
    for (int i = 0; i < 2; i++) {
      RawHttp.Answer answer = RawHttp.post(port, "/api/audits", json("olivia"),
          "{\"reference\":\"".getBytes(StandardCharsets.UTF_8), (byte) 'x', FIFTY_MB, "\"}".getBytes(StandardCharsets.UTF_8), -1);
      assert413(answer, "1 MB");
      assertThat(answer.bodyBytesSent()).isLessThan(STOPPED_EARLY);
    }
    assertStillAnswers();
  }

  @Test
  void aChunkedJsonBodyToCamundasRestApiIsCutOffAt1MbWith413() throws Exception {
    for (int i = 0; i < 2; i++) {
      RawHttp.Answer answer = RawHttp.post(port, "/engine-rest/task", json("olivia"),
          "{\"name\":\"".getBytes(StandardCharsets.UTF_8), (byte) 'x', FIFTY_MB, "\"}".getBytes(StandardCharsets.UTF_8), -1);
      assert413(answer, "1 MB");
      assertThat(answer.bodyBytesSent()).isLessThan(STOPPED_EARLY);
    }
    assertStillAnswers();
  }

  @Test
  void aChunkedJsonBodyToTheWebappsApiIsCutOffAt1MbWith413() throws Exception {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port;
    String session = FormLogin.session(browser, base, "olivia", DemoUsers.PASSWORD);
    // Camunda's webapps ask a changing request to carry the token they hand out on a read.
    HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default/task/count"))
        .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    String token = read.headers().firstValue("X-XSRF-TOKEN").orElseThrow();

    RawHttp.Answer answer = RawHttp.post(port, "/camunda/api/engine/engine/default/task",
        Map.of("Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token,
            "Content-Type", "application/json", "Accept", "application/json"),
        "{\"name\":\"".getBytes(StandardCharsets.UTF_8), (byte) 'x', FIFTY_MB, "\"}".getBytes(StandardCharsets.UTF_8), -1);
    assert413(answer, "1 MB");
    assertThat(answer.bodyBytesSent()).isLessThan(STOPPED_EARLY);
    assertStillAnswers();
  }

  @Test
  void aBodyWhoseContentLengthIsTooLargeIsRefusedBeforeItIsRead() throws Exception {
    for (String path : new String[] {"/api/audits", "/engine-rest/task", "/camunda/api/engine/engine/default/task"}) {
      RawHttp.Answer answer = RawHttp.post(port, path, json("olivia"), new byte[0], (byte) ' ', FIFTY_MB, null, FIFTY_MB);
      assert413(answer, "1 MB");
      assertThat(answer.bodyBytesSent()).as(path).isLessThan(STOPPED_EARLY);
    }
    assertStillAnswers();
  }

  @Test
  void aChunkedFormPostToTheLoginPageIsRefusedWith413() throws Exception {
    RawHttp.Answer answer = RawHttp.post(port, "/login",
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"),
        "username=olivia&password=".getBytes(StandardCharsets.UTF_8), (byte) 'x', 10L * 1024 * 1024, null, -1);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).contains("larger than 1 MB");
    assertStillAnswers();
  }

  @Test
  void aChunkedUploadIsCutOffAtTheMultipartCeilingWith413() throws Exception {
    String boundary = "rectify-test-boundary";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    RawHttp.Answer answer = RawHttp.post(port, "/api/imports?dryRun=true",
        Map.of("Authorization", RawHttp.basic("helen", DemoUsers.PASSWORD), "Content-Type", "multipart/form-data; boundary=" + boundary,
            "Accept", "application/json"), head, (byte) 'x', 40L * 1024 * 1024, tail, -1);
    assertThat(answer.status()).as(answer.body()).isEqualTo(413);
    assertThat(body(answer).get("message").asText()).contains("larger than");
    assertThat(answer.bodyBytesSent()).isLessThan(36L * 1024 * 1024);
    assertStillAnswers();
  }
}
