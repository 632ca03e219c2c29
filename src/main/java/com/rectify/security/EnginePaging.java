package com.rectify.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST APIs take {@code firstResult} and {@code maxResults} as whole numbers, but answer a number
 * too large for one with 404 and a negative {@code maxResults} with a 500 from the database. Both are
 * checked here first: a value that is not a whole number from 0 to 2,147,483,647 is answered 400, naming
 * the parameter.
 */
@Configuration
class EnginePaging {

  private static final Set<String> PAGING = Set.of("firstResult", "maxResults");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> enginePagingCheck() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Check());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setName("engine-paging-check");
    // After Spring Security's filters (order -100): a caller without a login is told that first.
    registration.setOrder(0);
    return registration;
  }

  /** The refusal for a query string, or null when its paging parameters are fine. */
  static String problem(String query) {
    if (query == null || query.isEmpty()) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (name == null || !PAGING.contains(name)) {
        continue;
      }
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (value == null || !wholeNumber(value)) {
        String shown = value == null ? pair.substring(eq + 1) : value;
        if (shown.length() > 40) {
          shown = shown.substring(0, 40) + "...";
        }
        return "Parameter '" + name + "' must be a whole number from 0 to " + Integer.MAX_VALUE + ", not '" + shown + "'.";
      }
    }
    return null;
  }

  private static boolean wholeNumber(String value) {
    if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return Long.parseLong(value) <= Integer.MAX_VALUE;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  static final class Check extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String problem = problem(request.getQueryString());
      if (problem != null) {
        Refusals.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", problem);
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
