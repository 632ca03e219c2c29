package com.rectify.node;

import static com.rectify.node.ClusterIT.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.common.FreePorts;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged application killed with {@code kill -9} in the middle of an import and in the middle of a
 * burst of evidence reviews, then started again on the same database (an H2 file by default, PostgreSQL in
 * {@code -Ppostgres}). Nothing is half-done, lost or done twice. The work is not hoped to be in flight at the
 * kill: the test holds a row the work must write (RowHold), waits until the database shows the work waiting
 * for it, and kills the node there. The mail relay hangs around each kill, so no mail is half-sent when the
 * node dies; the mail the dead node had claimed must still leave once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

  private static final int IMPORT_ROWS = 3000;
  /** Reviews in flight at the kill. */
  private static final int REVIEWS = 16;
  /** Reviews answered just before the kill. */
  private static final int ACKNOWLEDGED = 4;

  private final Path directory = Path.of("target", "crash");
  private NodeDatabase database;
  private Mailbox mailbox;
  private SmtpRelay relay;
  private AppNode node;

  @BeforeAll
  void startNode() throws Exception {
    deleteRecursively(directory);
    database = NodeDatabase.forTest(directory);
    mailbox = new Mailbox();
    relay = new SmtpRelay(mailbox.port());
    Map<String, String> settings = AppNode.settings(database, relay.port(), directory.resolve("evidence"));
    settings.put("rectify.demo.enabled", "true");
    // Each review held in flight keeps a connection while it waits, and so may each job and scheduled run that
    // needs a row a held review has written (the change record's chain head): up to ten job threads and the
    // schedulers. A review that waits for a connection instead of a row is not seen waiting at the hold.
    settings.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(REVIEWS + 24));
    settings.put("spring.datasource.hikari.minimum-idle", "10");
    node = new AppNode("crash-node", FreePorts.any(), settings, directory).start().awaitUp(Duration.ofMinutes(5));
  }

  @AfterAll
  void stopNode() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {node, relay, mailbox}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  @Order(1)
  void killedInTheMiddleOfAnImportLeavesNoPartOfIt() throws Exception {
    String audit = "CRASH-" + UUID.randomUUID().toString().substring(0, 6);
    byte[] sheet = sheet(IMPORT_ROWS);
    String path = "/api/imports?audit=" + audit + "&auditTitle=" + AppNode.encode("Crash import");

    // The import reads and checks the whole sheet, then writes it in one transaction; the first change it
    // records needs the change record's chain head, which the test holds. So the import stops there, its audit
    // and first recommendation written and nothing committed, until the node dies.
    try (RowHold head = RowHold.take(database, "change_chain_head", "id = 1")) {
      CompletableFuture<HttpResponse<String>> running = node.postFile("helen", path, "tracker.csv", sheet);
      awaitTrue("the import has written its audit and waits for the chain head (" + head + ")", () -> head.writesOfWaiting()
          .values().stream().anyMatch(tables -> tables.containsAll(Set.of("audit", "recommendation"))));
      assertThat(running).as("the import is still running when the node is killed").isNotDone();
      relay.hold();
      awaitTrue("no mail part-way through the relay", relay::quiet);
      node.kill();
      System.out.printf("CrashIT: node killed while the import waited for the chain head (%s)%n", head);
    }
    restart();
    relay.release();

    assertThat(recommendationsOf(audit)).as("recommendations of the killed import").isZero();
    assertThat(instancesOf(audit)).as("lifecycles of the killed import").isZero();

    HttpResponse<String> again = node.postFile("helen", path, "tracker.csv", sheet).get();
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(AppNode.JSON.readTree(again.body()).get("created").asInt()).isEqualTo(IMPORT_ROWS);
    assertThat(recommendationsOf(audit)).isEqualTo(IMPORT_ROWS);
    assertThat(instancesOf(audit)).isEqualTo(IMPORT_ROWS);
  }

  @Test
  @Order(2)
  void killedInTheMiddleOfReviewsLosesAndRepeatsNothing() throws Exception {
    List<String> keys = awaitingReview(ACKNOWLEDGED + REVIEWS);
    List<String> answered = keys.subList(0, ACKNOWLEDGED);
    List<String> inFlight = keys.subList(ACKNOWLEDGED, keys.size());
    Map<String, String> tasks = new LinkedHashMap<>();
    for (String key : keys) {
      tasks.put(key, node.taskId("alice", key, "Task_ReviewEvidence"));
    }
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String key : keys) {
      ids.put(key, recommendationId(key));
    }
    relay.hold();

    // A few reviews answered just before the kill: what the node acknowledged must survive it.
    for (String key : answered) {
      assertThat(node.completeTask("alice", tasks.get(key), review()).statusCode()).as("review of %s", key).isEqualTo(204);
    }
    // The others held in flight: a review's last write before it commits moves its evidence to accepted, and
    // the test holds those rows. Each review has then done the rest of its work, and waits for them.
    List<Long> heldRecommendations = inFlight.stream().map(ids::get).toList();
    try (RowHold evidence = RowHold.take(database, "evidence", "recommendation_id in ("
        + String.join(",", Collections.nCopies(heldRecommendations.size(), "?")) + ")", heldRecommendations.toArray())) {
      Map<String, CompletableFuture<HttpResponse<String>>> sent = new LinkedHashMap<>();
      for (String key : inFlight) {
        sent.put(key, node.completeTaskAsync("alice", tasks.get(key), review()));
      }
      try {
        awaitTrue("all " + REVIEWS + " reviews wait for their evidence (" + evidence + ")", () -> {
          for (Map.Entry<String, CompletableFuture<HttpResponse<String>>> review : sent.entrySet()) {
            if (review.getValue().isDone()) {
              HttpResponse<String> answer = review.getValue().join();
              throw new AssertionError("review of " + review.getKey() + " was answered while its evidence was held: "
                  + answer.statusCode() + " " + answer.body());
            }
          }
          return evidence.waiting().size() >= REVIEWS;
        });
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nWaiting at the hold: " + evidence.waiting() + "\nSessions:\n"
            + evidence.sessions() + "\nThe node's threads:\n" + node.threadDump(), e);
      }
      int waiting = evidence.waiting().size();
      assertThat(sent.values()).as("reviews answered while their evidence was held").noneMatch(CompletableFuture::isDone);
      awaitTrue("no mail part-way through the relay", relay::quiet);
      node.kill();
      System.out.printf("CrashIT: node killed with %d reviews acknowledged and %d sessions waiting at the evidence (%s)%n",
          answered.size(), waiting, evidence);
    }

    restart();
    relay.release();
    for (String key : answered) {
      assertThat(node.taskId("alice", key, "Task_ReviewEvidence")).as("review of %s was acknowledged before the kill", key).isNull();
    }
    for (String key : inFlight) {
      String open = node.taskId("alice", key, "Task_ReviewEvidence");
      assertThat(open).as("review of %s was in flight at the kill, so nothing of it was kept", key).isNotNull();
      assertThat(node.completeTask("alice", open, review()).statusCode()).as("review of %s again", key).isEqualTo(204);
    }

    // Done when every recommendation is closed and its lifecycle over, and every mail about them has left:
    // from then on nothing is left that could close one again or send a second mail.
    try (Connection db = database.connect()) {
      String theirMail = "select count(*) from outbound_mail where state <> 'SENT' and recommendation_id in ("
          + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
      awaitTrue("every recommendation closed, its lifecycle over and its mail sent", () -> {
        for (String key : keys) {
          if (mailbox.withSubject("Closed as implemented: " + key).isEmpty()) {
            return false;
          }
        }
        return instancesOf(keys.get(0).substring(0, keys.get(0).lastIndexOf('/'))) == 0
            && ClusterIT.count(db, theirMail, ids.values().toArray()) == 0;
      });
    }
    for (String key : keys) {
      JsonNode detail = node.getJson("helen", "/api/recommendations/" + ids.get(key));
      assertThat(detail.at("/summary/status").asText()).as(key).isEqualTo("CLOSED_IMPLEMENTED");
      assertThat(detail.get("reviews")).as("review decisions of %s", key).hasSize(1);
      assertThat(detail.get("statusHistory").findValuesAsText("to").stream().filter("CLOSED_IMPLEMENTED"::equals))
          .as("closures of %s", key).hasSize(1);
      assertThat(node.getJson("helen", "/engine-rest/history/task/count?taskDefinitionKey=Task_ReviewEvidence&processInstanceBusinessKey="
          + AppNode.encode(key)).get("count").asLong()).as("review tasks of %s", key).isEqualTo(1);
      assertThat(mailbox.withSubject("Closed as implemented: " + key)).as("closure mail of %s", key).hasSize(1);
    }
    assertThat(mailbox.duplicates()).as("outbox rows that arrived twice").isEmpty();
  }

  /** Recommendations whose evidence waits for an auditor, set up through the API as officers would. */
  private List<String> awaitingReview(int count) throws Exception {
    String reference = "REV-" + UUID.randomUUID().toString().substring(0, 6);
    List<String> keys = new ArrayList<>();
    for (String key : node.raiseFinanceAudit(reference, "Crash review audit", "Medium", count)) {
      awaitTrue("agreement task of " + key, () -> node.taskId("olivia", key, "Task_AgreeAction") != null);
      assertThat(node.completeTask("olivia", node.taskId("olivia", key, "Task_AgreeAction"), Map.of("agreement", "AGREED",
          "agreedAction", "We will do it.", "targetDate", LocalDate.now().plusMonths(3).toString())).statusCode()).isEqualTo(204);
      HttpResponse<String> upload = node.postFile("olivia", "/api/recommendations/" + recommendationId(key) + "/evidence",
          "procedure.txt", "Signed procedure.".getBytes(StandardCharsets.UTF_8)).get();
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
      assertThat(node.completeTask("olivia", node.taskId("olivia", key, "Task_ImplementAction"), Map.of(
          "implementationStep", "EVIDENCE_SUBMITTED", "evidenceNote", "Procedure signed.")).statusCode()).isEqualTo(204);
      keys.add(key);
    }
    return keys;
  }

  private static Map<String, String> review() {
    return Map.of("reviewOutcome", "IMPLEMENTED", "reviewComment", "Seen the signed procedure.");
  }

  private void restart() throws Exception {
    node.start().awaitUp(Duration.ofMinutes(5));
  }

  private long recommendationsOf(String audit) throws Exception {
    return node.getJson("helen", "/api/recommendations?size=1&audit=" + AppNode.encode(audit)).get("total").asLong();
  }

  private long instancesOf(String audit) throws Exception {
    return node.getJson("helen", "/engine-rest/process-instance/count?businessKeyLike=" + AppNode.encode(audit + "/%"))
        .get("count").asLong();
  }

  private long recommendationId(String businessKey) throws Exception {
    String audit = businessKey.substring(0, businessKey.lastIndexOf('/'));
    for (JsonNode item : node.getJson("helen", "/api/recommendations?size=100&audit=" + AppNode.encode(audit)).get("items")) {
      if (item.get("businessKey").asText().equals(businessKey)) {
        return item.get("id").asLong();
      }
    }
    throw new AssertionError("No recommendation " + businessKey);
  }

  /** A council tracker: agreed actions with target dates, so each row starts its lifecycle at implementation. */
  private static byte[] sheet(int rows) {
    StringBuilder csv = new StringBuilder("Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action\n");
    String target = LocalDate.now().plusYears(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    for (int i = 1; i <= rows; i++) {
      csv.append(i).append(",\"Recommendation ").append(i).append(", worded as a council's tracker words it.\",")
          .append(new String[] {"High", "Medium", "Low", "Essential"}[i % 4]).append(",Head of Service ").append(i % 7)
          .append(',').append(target).append(",Action ").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
