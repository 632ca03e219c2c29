package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.demo.DemoUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The H2 console exists in the dev profile only (elsewhere see PermissionMatrixTest), and there for administrators only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "dev"})
class H2ConsoleTest {

  @LocalServerPort int port;
  @Autowired DemoUsers demoUsers;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void inTheDevProfileTheConsoleIsForAdministratorsOnly() throws Exception {
    demoUsers.ensure();
    assertThat(console(null).statusCode()).isEqualTo(302);
    assertThat(console("helen").statusCode()).isEqualTo(403);
    HttpResponse<String> admin = console("admin");
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("H2 Console");
  }

  private HttpResponse<String> console(String user) throws Exception {
    String base = "http://localhost:" + port;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/h2-console/")).GET();
    if (user != null) {
      request.header("Cookie", "JSESSIONID=" + FormLogin.session(client, base, user, DemoUsers.PASSWORD));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
