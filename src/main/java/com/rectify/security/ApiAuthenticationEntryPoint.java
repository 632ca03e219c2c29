package com.rectify.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How {@code /api} and {@code /engine-rest} answer a request without a good HTTP Basic login: 401 with the
 * challenge, or 429 with {@code Retry-After} while the account or client address is locked after failed
 * sign-ins. The body has the shape of every other API refusal.
 */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final String realm;

  public ApiAuthenticationEntryPoint(String realm) {
    this.realm = realm;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
      throws IOException {
    String message;
    if (refusal instanceof LoginThrottledException throttled) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.getRetryAfterSeconds()));
      message = throttled.getMessage();
    } else {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
      message = "Log in with HTTP Basic as a Camunda user.";
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write("{\"status\":" + response.getStatus() + ",\"message\":\"" + message + "\",\"errors\":[]}");
  }
}
