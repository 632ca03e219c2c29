package com.rectify.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged application in a JVM of its own, as it runs in production: started with the given settings,
 * asked over HTTP with a demo user's Basic login, and stopped gracefully or killed ({@code kill -9}).
 */
final class AppNode implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String name;
  private final int port;
  private final Map<String, String> settings;
  private final Path log;
  private Process process;

  AppNode(String name, int port, Map<String, String> settings, Path logDirectory) {
    this.name = name;
    this.port = port;
    this.settings = new LinkedHashMap<>(settings);
    this.settings.put("server.port", String.valueOf(port));
    this.log = logDirectory.resolve(name + ".log");
  }

  /**
   * What every node of these tests runs with: the shared database and evidence directory, mail to the test's
   * SMTP server sent every second, and short lock and claim times, so that work a dead node held is taken up
   * by another within seconds rather than the production default of minutes.
   */
  static Map<String, String> settings(NodeDatabase database, int smtpPort, Path evidence) {
    Map<String, String> settings = new LinkedHashMap<>(database.settings());
    settings.put("spring.mail.host", "127.0.0.1");
    settings.put("spring.mail.port", String.valueOf(smtpPort));
    settings.put("rectify.mail.embedded-smtp.enabled", "false");
    settings.put("rectify.mail.sender.interval", "PT1S");
    settings.put("rectify.mail.sender.claim-timeout", "PT10S");
    settings.put("rectify.mail.sender.initial-backoff", "PT2S");
    settings.put("rectify.mail.sender.max-backoff", "PT5S");
    settings.put("rectify.evidence.storage-directory", evidence.toAbsolutePath().toString());
    settings.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
    settings.put("camunda.bpm.job-execution.max-wait", "2000");
    settings.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
    return settings;
  }

  /** Starts the JVM; {@link #awaitUp} waits for it. A node may be started again after it was killed. */
  AppNode start() throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar()));
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    Files.writeString(log, "=== start " + Instant.now() + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return this;
  }

  /** Waits until health answers UP; fails with the end of the node's log if it dies or takes too long. */
  AppNode awaitUp(Duration timeout) {
    try {
      Awaitility.await(name + " up").atMost(timeout).pollInterval(Duration.ofMillis(500)).until(this::up);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(name + " did not start within " + timeout + ":\n" + logTail());
    }
    return this;
  }

  private boolean up() throws InterruptedException {
    if (!process.isAlive()) {
      throw new AssertionError(name + " stopped while starting:\n" + logTail());
    }
    try {
      HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200 && health.body().contains("UP");
    } catch (IOException notYet) {
      return false;
    }
  }

  /** kill -9: no shutdown hook, no flushing, no goodbye to the database. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /** The node's threads and what each waits for, as {@code jcmd Thread.print} prints them. */
  String threadDump() {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(pid()), "Thread.print").redirectErrorStream(true).start();
      String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      dump.waitFor(60, TimeUnit.SECONDS);
      return text;
    } catch (IOException e) {
      return "(no thread dump: " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(no thread dump: interrupted)";
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  HttpResponse<String> get(String user, String path) throws Exception {
    return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String user, String path) throws Exception {
    HttpResponse<String> response = get(user, path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " on " + name + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  HttpResponse<String> postJson(String user, String path, Object body) throws Exception {
    return HTTP.send(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Raises a finance audit through the API as the head of audit (helen): {@code count} recommendations of one
   * grade, all led by olivia. Answers the recommendations' references.
   */
  List<String> raiseFinanceAudit(String reference, String title, String grade, int count) throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      items.add(Map.of("reference", String.valueOf(i), "grade", grade, "leadOfficer", "Olivia Officer",
          "recommendation", "Recommendation " + i + " of " + reference, "finding", "Finding " + i));
    }
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("reference", reference);
    audit.put("title", title);
    audit.put("service", "finance");
    audit.put("reportIssuedOn", LocalDate.now().toString());
    audit.put("recommendations", items);
    HttpResponse<String> created = postJson("helen", "/api/audits", audit);
    if (created.statusCode() != 201) {
      throw new AssertionError("POST /api/audits on " + name + " answered " + created.statusCode() + ": " + created.body());
    }
    List<String> keys = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      keys.add(reference + "/" + i);
    }
    return keys;
  }

  /** A multipart upload of one file (field {@code file}). */
  CompletableFuture<HttpResponse<String>> postFile(String user, String path, String filename, byte[] content) {
    String boundary = "----rectify" + UUID.randomUUID();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    return HTTP.sendAsync(request(user, path).timeout(Duration.ofMinutes(15))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Completes a task through the engine's REST API with string variables, as Tasklist would. */
  HttpResponse<String> completeTask(String user, String taskId, Map<String, String> variables) throws Exception {
    return postJson(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", stringVariables(variables)));
  }

  /** {@link #completeTask}, sent without waiting for the answer. */
  CompletableFuture<HttpResponse<String>> completeTaskAsync(String user, String taskId, Map<String, String> variables)
      throws Exception {
    return HTTP.sendAsync(request(user, "/engine-rest/task/" + taskId + "/complete").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", stringVariables(variables))))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> stringVariables(Map<String, String> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach((key, value) -> values.put(key, Map.of("value", value, "type", "String")));
    return values;
  }

  /** The single open task of a step for a recommendation, or null. */
  String taskId(String user, String businessKey, String taskKey) throws Exception {
    JsonNode tasks = getJson(user, "/engine-rest/task?processInstanceBusinessKey=" + encode(businessKey) + "&taskDefinitionKey=" + taskKey);
    if (tasks.size() > 1) {
      throw new AssertionError(tasks.size() + " open " + taskKey + " tasks for " + businessKey);
    }
    return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String jar() {
    String jar = System.getProperty("rectify.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("System property rectify.jar must name the packaged application (mvn verify sets it): " + jar);
    }
    return jar;
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }
}
