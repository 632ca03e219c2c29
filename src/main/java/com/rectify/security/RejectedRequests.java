package com.rectify.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request Spring Security's firewall refuses (a double slash such as {@code //engine-rest/task}, an encoded
 * slash or dot segment, a semicolon in the path) is a malformed request: 400 with a sentence, logged in
 * one line, not a 500 with a stack trace. The same firewall is asked first thing, before anything parses
 * the path: Tomcat gives {@code //engine-rest/task} to Camunda's REST servlet, and Spring's path parsing
 * fails on it before Spring Security's own firewall is reached.
 */
@Configuration
class RejectedRequests {

  private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return RejectedRequests::refuse;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> malformedAddressCheck() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Check());
    registration.addUrlPatterns("/*");
    registration.setName("malformed-address-check");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  static void refuse(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
      throws IOException {
    log.info("Refused {} {}: {}", printable(request.getMethod()), printable(request.getRequestURI()), printable(rejected.getMessage()));
    Refusals.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "The address '"
        + request.getRequestURI() + "' is not accepted: it has a double slash, an encoded slash or dot segment, or another "
        + "character that addresses must not contain. Write it as a plain path, e.g. /engine-rest/task.");
  }

  private static String printable(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\p{Cntrl}", "?");
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }

  static final class Check extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        firewall.getFirewalledRequest(request);
      } catch (RequestRejectedException rejected) {
        refuse(request, response, rejected);
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
