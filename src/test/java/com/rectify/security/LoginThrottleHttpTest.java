package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The login throttle at all three doors: the login form says how long to wait, {@code /api} and
 * {@code /engine-rest} answer 429 with {@code Retry-After}; an account is locked after its free attempts, for
 * everyone; an address that sprays wrong passwords over many accounts is slowed at those accounts, while a
 * colleague behind the same address signs in. Small limits, in a context of its own, so that the locked address
 * (the tests' own) troubles no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "rectify.login-throttle.account-free-attempts=2",
    "rectify.login-throttle.address-free-attempts=12",
    "rectify.login-throttle.first-lock=PT1M",
    "rectify.login-throttle.max-lock=PT5M"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottleHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  @Order(1)
  void theLoginFormSaysHowLongToWaitAndRefusesEvenTheRightPassword() throws Exception {
    String user = realUser();
    for (int i = 0; i < 2; i++) {
      assertThat(formError(user, "wrong")).contains("Wrong user name or password");
    }
    assertThat(formError(user, "wrong")).containsPattern("Too many failed sign-ins: try again in \\d+ s\\.");
    assertThat(formError(user, "right-password")).as("locked: the password is not even checked")
        .containsPattern("Too many failed sign-ins: try again in \\d+ s\\.");
  }

  @Test
  @Order(2)
  void theApiAnswers429WithRetryAfter() throws Exception {
    String account = "nobody-" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 2; i++) {
      assertThat(basic("/api/recommendations", account, "wrong").statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = basic("/api/recommendations", account, "wrong");
    assertThat(locked.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(locked.body()).contains("Too many failed sign-ins: try again in " + retryAfter + " s.");
  }

  @Test
  @Order(3)
  void theEngineRestApiAnswers429Too() throws Exception {
    String user = realUser();
    for (int i = 0; i < 2; i++) {
      assertThat(basic("/engine-rest/task", user, "wrong").statusCode()).isEqualTo(401);
    }
    assertThat(basic("/engine-rest/task", user, "wrong").statusCode()).isEqualTo(429);
    assertThat(basic("/engine-rest/task", user, "right-password").statusCode()).isEqualTo(429);
    assertThat(basic("/api/recommendations", user, "right-password").statusCode()).as("the same lock at every door").isEqualTo(429);
  }

  @Test
  @Order(4)
  void theAttackedAccountIsLockedAsBeforeWhileItsColleaguesSignIn() throws Exception {
    String attacked = realUser();
    String colleague = realUser();
    assertThat(basic("/api/recommendations", attacked, "right-password").statusCode()).isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      assertThat(basic("/api/recommendations", attacked, "guess" + i).statusCode()).isEqualTo(401);
    }
    assertThat(basic("/api/recommendations", attacked, "right-password").statusCode()).isEqualTo(429);
    assertThat(formError(attacked, "right-password")).contains("Too many failed sign-ins");
    assertThat(basic("/api/recommendations", colleague, "right-password").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(5)
  void aSprayingAddressIsSlowedWhileAColleagueBehindItSignsInAtOnce() throws Exception {
    // The tests' one address tries a wrong password at twelve accounts: enough for the address's lock whatever
    // the tests before this one left on its count.
    List<String> sprayed = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sprayed.add(realUser());
      assertThat(basic("/api/recommendations", sprayed.get(i), "Winter2025").statusCode()).isEqualTo(401);
    }

    // The next guess at any of them is refused before its password is checked, at every door, even the right one.
    HttpResponse<String> slowed = basic("/api/recommendations", sprayed.get(0), "Spring2026");
    assertThat(slowed.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(slowed.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 300L);
    assertThat(basic("/engine-rest/task", sprayed.get(5), "right-password").statusCode()).isEqualTo(429);
    assertThat(formError(sprayed.get(11), "Spring2026")).containsPattern("Too many failed sign-ins: try again in \\d+ s\\.");

    // A colleague behind the same address, whose account has not failed, signs in at once at every door.
    String colleague = realUser();
    assertThat(basic("/api/recommendations", colleague, "right-password").statusCode()).isEqualTo(200);
    assertThat(basic("/engine-rest/task", colleague, "right-password").statusCode()).isEqualTo(200);
    FormLogin.Posted signedIn = FormLogin.post(client, base(), colleague, "right-password");
    assertThat(signedIn.answer().statusCode()).isEqualTo(302);
    assertThat(signedIn.answer().headers().firstValue("Location").orElseThrow()).doesNotContain("/login");

    // A new account tried from the address is still checked: a wrong password is one more failure, and locks it there.
    String another = realUser();
    assertThat(basic("/api/recommendations", another, "Winter2025").statusCode()).isEqualTo(401);
    assertThat(basic("/api/recommendations", another, "right-password").statusCode()).isEqualTo(429);
  }

  private String realUser() {
    String id = "throttle-" + UUID.randomUUID().toString().substring(0, 6);
    User user = identityService.newUser(id);
    user.setFirstName("Throttle");
    user.setLastName("Test");
    user.setPassword("right-password");
    identityService.saveUser(user);
    return id;
  }

  /** Posts the login form and returns the error the login page then shows. */
  private String formError(String user, String password) throws Exception {
    FormLogin.Posted posted = FormLogin.post(client, base(), user, password);
    assertThat(posted.answer().statusCode()).isEqualTo(302);
    assertThat(posted.answer().headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    return client.send(HttpRequest.newBuilder(URI.create(base() + "/login?error")).header("Cookie", "JSESSIONID=" + posted.session())
        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpResponse<String> basic(String path, String user, String password) throws Exception {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Basic " + credentials)
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
