package com.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, plus samples of Camunda's REST API, the webapps' APIs and actuator,
 * refuses a request without credentials: 401, 403 or a redirect to the login page. The allow-list below
 * is the only place a public route is declared, so a new mapping cannot slip past this test.
 */
@RectifyApplicationTest
class EveryRouteNeedsALoginTest {

  /** The only routes anyone may reach without a login: the login page, its assets, the error page, health and the accessibility statement. */
  static final Set<String> PUBLIC = Set.of(
      "GET /login",
      "GET /accessibility",
      "GET /error",
      "GET /rectify.css",
      "GET /favicon.ico",
      "GET /actuator/health");

  /** Pages of the Camunda webapps, which send a browser without a login to Rectify's login page. */
  static final List<String> WEBAPP_PAGES = List.of(
      "GET /",
      "GET /camunda/app/",
      "GET /camunda/app/tasklist/default/",
      "GET /camunda/app/cockpit/default/",
      "GET /camunda/app/admin/default/",
      "GET /camunda/app/welcome/default/",
      "GET /camunda/app/tasklist/styles/styles.css",
      "GET /camunda/lib/require.js");

  /** Routes that are not Spring MVC mappings: Camunda's REST API, the webapps' APIs, actuator. */
  static final List<String> SAMPLES = List.of(
      "GET /engine-rest/task",
      "GET /engine-rest/process-instance",
      "GET /engine-rest/process-definition",
      "GET /engine-rest/deployment",
      "GET /engine-rest/user",
      "GET /engine-rest/group",
      "GET /engine-rest/history/process-instance",
      "GET /engine-rest/engine",
      "POST /engine-rest/task/1/complete",
      "POST /engine-rest/deployment/create",
      "POST /engine-rest/user/create",
      "GET /camunda/api/admin/auth/user/default",
      "POST /camunda/api/admin/auth/user/default/login/tasklist",
      "GET /camunda/api/engine/engine/default/task",
      "GET /camunda/api/engine/engine/default/process-instance",
      "POST /camunda/api/engine/engine/default/task/1/complete",
      "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics",
      "GET /actuator",
      "GET /actuator/env",
      "GET /actuator/beans",
      "GET /actuator/configprops",
      "GET /actuator/heapdump",
      "GET /actuator/info",
      "GET /actuator/metrics",
      "GET /actuator/mappings",
      "GET /h2-console",
      "GET /h2-console/login.jsp");

  @LocalServerPort int port;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  /** Every method and pattern the application maps, path variables replaced by 1. */
  Set<String> applicationRoutes() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      List<String> names = new ArrayList<>();
      if (methods.isEmpty()) {
        names.addAll(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
      } else {
        methods.forEach(m -> names.add(m.name()));
      }
      for (String pattern : info.getPatternValues()) {
        String path = pattern.replaceAll("\\{\\*[^}]+}", "x/y").replaceAll("\\{[^}]+}", "1").replace("**", "x/y").replace("*", "x");
        names.forEach(method -> routes.add(method + " " + path));
      }
    }
    return routes;
  }

  @Test
  void theRouteListComesFromTheApplicationsMappings() {
    Set<String> routes = applicationRoutes();
    assertThat(routes).contains("GET /api/recommendations", "GET /api/recommendations/1", "POST /api/audits",
        "GET /recommendations/1/evidence", "GET /reporting-cycles", "GET /admin/mail/1");
  }

  @Test
  void everyRouteRefusesARequestWithoutCredentials() throws Exception {
    Set<String> routes = new TreeSet<>(applicationRoutes());
    routes.addAll(SAMPLES);
    routes.addAll(WEBAPP_PAGES);
    List<String> open = new ArrayList<>();
    for (String route : routes) {
      if (PUBLIC.contains(route)) {
        continue;
      }
      String[] parts = route.split(" ", 2);
      HttpResponse<String> response = send(parts[0], parts[1]);
      if (!refused(response)) {
        open.add(route + " -> " + response.statusCode() + " " + response.headers().firstValue("Location").orElse(""));
      }
    }
    assertThat(open).as("routes answering without a login").isEmpty();
  }

  @Test
  void theWebappsSendABrowserWithoutALoginToTheLoginPage() throws Exception {
    for (String route : WEBAPP_PAGES) {
      String[] parts = route.split(" ", 2);
      HttpResponse<String> response = send(parts[0], parts[1]);
      assertThat(response.statusCode()).as(route).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElse("")).as(route).endsWith("/login");
    }
  }

  @Test
  void thePublicRoutesAreReachableAndHealthShowsStatusOnly() throws Exception {
    for (String route : PUBLIC) {
      String[] parts = route.split(" ", 2);
      HttpResponse<String> response = send(parts[0], parts[1]);
      assertThat(refused(response)).as(route + " answers without a login").isFalse();
    }
    HttpResponse<String> health = send("GET", "/actuator/health");
    // The tests run without an SMTP server, so health may well say DOWN (503): the point is what it shows.
    assertThat(health.statusCode()).isIn(200, 503);
    assertThat(health.body()).contains("\"status\"").doesNotContain("components").doesNotContain("details");
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/html")
        .method(method, body).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static boolean refused(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      return true;
    }
    if (status == 302 || status == 303 || status == 307) {
      String location = response.headers().firstValue("Location").orElse("");
      return location.endsWith("/login");
    }
    return false;
  }
}
