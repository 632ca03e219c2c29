package com.rectify.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Refusals written before a request reaches a controller (size limits, the firewall, the engine's paging):
 * the API's shape {@code {"status", "message", "errors": []}} for scripts, Camunda's shape
 * {@code {"type", "message", "code"}} under its REST APIs, and a short page for a person's browser.
 */
final class Refusals {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Refusals() {}

  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    write(request, response, status, null, message);
  }

  /** With {@code camundaType}, the body has Camunda's shape under {@code /engine-rest} and {@code /camunda/api}. */
  public static void write(HttpServletRequest request, HttpServletResponse response, int status, String camundaType,
      String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    String path = path(request);
    if (wantsPage(request, path)) {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response.setCharacterEncoding("UTF-8");
      String text = HtmlUtils.htmlEscape(message);
      send(response, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
          + " - Rectify</title></head><body><main><h1>The request was refused</h1><p>" + text
          + "</p><p><a href=\"/dashboard\">Back to the dashboard</a></p></main></body></html>");
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (camundaType != null && isCamunda(path)) {
      body.put("type", camundaType);
      body.put("message", message);
      body.put("code", null);
    } else {
      body.put("status", status);
      body.put("message", message);
      body.put("errors", List.of());
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    send(response, JSON.writeValueAsString(body));
  }

  /** Through whichever of the stream and the writer the application has not already taken (it may have taken one). */
  private static void send(HttpServletResponse response, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      response.getOutputStream().write(bytes);
    } catch (IllegalStateException writerTaken) {
      response.getWriter().write(text);
    }
  }

  static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length()) : String.valueOf(uri);
  }

  static boolean isCamunda(String path) {
    return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
  }

  private static boolean wantsPage(HttpServletRequest request, String path) {
    if (path.startsWith("/api/") || isCamunda(path)) {
      return false;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.toLowerCase().contains("text/html");
  }
}
