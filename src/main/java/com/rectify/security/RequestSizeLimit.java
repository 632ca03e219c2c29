package com.rectify.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 413 an API request whose body is larger than any API call needs, before anything reads it.
 * File uploads (multipart) have their own limits: {@code spring.servlet.multipart} and the evidence limit.
 */
@Configuration
public class RequestSizeLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(
      @Value("${rectify.api.max-request-size:1MB}") DataSize limit) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Limit(limit.toBytes()));
    registration.addUrlPatterns("/api/*");
    registration.setName("api-request-size-limit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Limit extends OncePerRequestFilter {

    private final long maxBytes;

    Limit(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType();
      boolean multipart = type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
      if (!multipart && request.getContentLengthLong() > maxBytes) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":413,\"message\":\"The request is larger than " + maxBytes
            + " bytes.\",\"errors\":[]}");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
