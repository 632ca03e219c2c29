package com.rectify.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in through the login page over plain HTTP, as a browser would: fetch the form (session and CSRF
 * token), post it, keep the new session. The session cookie is Secure, which Java's cookie store does not
 * send to http://localhost, so the cookie travels by hand.
 */
public final class FormLogin {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private FormLogin() {}

  /** The answer to the login form's post (a redirect to the page asked for, or back to the form with an error) and the session it leaves. */
  public record Posted(HttpResponse<String> answer, String session) {}

  public static Posted post(HttpClient client, String baseUrl, String user, String password) throws Exception {
    HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher token = CSRF.matcher(form.body());
    if (!token.find()) {
      throw new AssertionError("The login page has no CSRF token: " + form.body());
    }
    String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    String formSession = cookie(form, "JSESSIONID").orElseThrow();
    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
        .header("Cookie", "JSESSIONID=" + formSession)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return new Posted(answer, cookie(answer, "JSESSIONID").orElse(formSession));
  }

  /** Signs in and returns the session id; fails when the login is refused. */
  public static String session(HttpClient client, String baseUrl, String user, String password) throws Exception {
    HttpResponse<String> answer = post(client, baseUrl, user, password).answer();
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() != 302 || location.contains("/login")) {
      throw new AssertionError("Login as " + user + " refused: " + answer.statusCode() + " " + location);
    }
    return cookie(answer, "JSESSIONID").orElseThrow(() -> new AssertionError("no new session after login"));
  }

  public static Optional<String> cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst();
  }

  public static Optional<String> setCookieHeader(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
  }
}
