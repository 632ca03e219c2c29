package com.rectify.notification;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where links in mail lead: the address people reach Rectify at ({@code rectify.mail.public-url}), or, when
 * that is not set, this server on localhost at the port it runs on.
 */
@Component
class MailLinks {

  private final String publicUrl;
  private final Environment environment;

  MailLinks(MailSettings settings, Environment environment) {
    this.publicUrl = settings.publicUrl();
    this.environment = environment;
  }

  String tasklist() {
    return base() + "/camunda/app/tasklist/default/";
  }

  String taskLink(String taskId) {
    return base() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  String recommendationLink(Long recommendationId) {
    return base() + "/recommendations/" + recommendationId + "/evidence";
  }

  private String base() {
    String url = publicUrl == null || publicUrl.isBlank() ? "http://localhost:" + runningPort() : publicUrl;
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Spring Boot publishes the port once the server listens; until then, the port it was asked to use. */
  private String runningPort() {
    return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
  }
}
