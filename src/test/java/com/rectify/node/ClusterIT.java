package com.rectify.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.common.FreePorts;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the packaged application, on two ports, share one PostgreSQL database as Camunda 7 runs in
 * production. Both start at once with the demo data switched on; work goes through either node; every
 * timer fires once and every mail leaves once; a node killed in the middle of work loses nothing.
 * Node A reaches the mail server through a relay that the last test makes hang, so A dies holding mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Duration PATIENCE = Duration.ofMinutes(4);

  private final Path directory = Path.of("target", "cluster");
  private NodeDatabase database;
  private Mailbox mailbox;
  private SmtpRelay relayOfA;
  private AppNode a;
  private AppNode b;

  @BeforeAll
  void startTwoNodes() throws Exception {
    database = NodeDatabase.forTest(directory);
    assertThat(database.postgres()).as("the cluster test needs PostgreSQL: run mvn verify -Ppostgres").isTrue();
    database.empty();
    mailbox = new Mailbox();
    relayOfA = new SmtpRelay(mailbox.port());
    Path evidence = directory.resolve("evidence");
    Map<String, String> ofA = AppNode.settings(database, relayOfA.port(), evidence);
    Map<String, String> ofB = AppNode.settings(database, mailbox.port(), evidence);
    ofA.put("rectify.demo.enabled", "true");
    ofB.put("rectify.demo.enabled", "true");
    a = new AppNode("node-a", FreePorts.any(), ofA, directory).start();
    b = new AppNode("node-b", FreePorts.any(), ofB, directory).start();
    a.awaitUp(Duration.ofMinutes(5));
    b.awaitUp(Duration.ofMinutes(5));
  }

  @AfterAll
  void stopNodes() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, relayOfA, mailbox}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  @Order(1)
  void bothNodesStartingTogetherLoadTheDemoOnce() throws Exception {
    assertThat(b.getJson("admin", "/engine-rest/user/count").get("count").asLong()).isEqualTo(10);
    assertThat(b.getJson("admin", "/engine-rest/group/count").get("count").asLong()).isEqualTo(13);
    List<String> filters = new ArrayList<>();
    a.getJson("admin", "/engine-rest/filter").forEach(filter -> filters.add(filter.get("name").asText()));
    assertThat(filters)
        .as("Tasklist's filters, each once").containsExactlyInAnyOrder("My tasks", "Offered to me by name", "My group's tasks", "Overdue");
    assertThat(a.getJson("helen", "/api/recommendations?audit=FIN-2025-01").get("total").asLong()).isEqualTo(3);
    assertThat(b.getJson("helen", "/api/recommendations?audit=HSG-2025-02").get("total").asLong()).isEqualTo(2);
    assertThat(a.getJson("helen", "/engine-rest/process-instance/count?processDefinitionKey=audit-follow-up").get("count").asLong())
        .isEqualTo(2);
  }

  @Test
  @Order(2)
  void tasksCompleteThroughEitherNodeAndEachTimerAndMailHappensOnce() throws Exception {
    List<String> keys = newAudit(a, "CL", 6);
    for (int i = 0; i < keys.size(); i++) {
      AppNode finder = i % 2 == 0 ? a : b;
      AppNode completer = i % 2 == 0 ? b : a;
      String task = finder.taskId("olivia", keys.get(i), "Task_AgreeAction");
      assertThat(completer.completeTask("olivia", task, agreement(LocalDate.now().plusDays(7))).statusCode())
          .as("agreement of %s through %s", keys.get(i), completer).isEqualTo(204);
    }
    // Three of them go all the way: evidence through /api on one node, submission and review on the other.
    for (int i = 0; i < 3; i++) {
      AppNode one = i % 2 == 0 ? a : b;
      AppNode other = i % 2 == 0 ? b : a;
      long id = recommendationId(one, keys.get(i));
      HttpResponse<String> upload = one.postFile("olivia", "/api/recommendations/" + id + "/evidence", "procedure.txt",
          "Signed procedure.".getBytes()).get();
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
      assertThat(other.completeTask("olivia", other.taskId("olivia", keys.get(i), "Task_ImplementAction"), Map.of(
          "implementationStep", "EVIDENCE_SUBMITTED", "evidenceNote", "Procedure signed.")).statusCode()).isEqualTo(204);
      assertThat(one.completeTask("alice", one.taskId("alice", keys.get(i), "Task_ReviewEvidence"), Map.of(
          "reviewOutcome", "IMPLEMENTED", "reviewComment", "Seen the signed procedure.")).statusCode()).isEqualTo(204);
    }

    awaitTrue("a reminder for each, three closed, the demo's overdue one escalated", () ->
        keys.stream().allMatch(key -> !mailbox.subjectStartingWith("Reminder: " + key + " ").isEmpty())
            && keys.subList(0, 3).stream().allMatch(key -> !mailbox.withSubject("Closed as implemented: " + key).isEmpty())
            && !mailbox.subjectStartingWith("Escalation: FIN-2025-01/1 ").isEmpty());
    try (Connection db = database.connect()) {
      awaitTrue("nothing due left on either node and every mail sent", () -> settled(b, db));
    }

    for (String key : keys) {
      assertThat(to(mailbox.subjectStartingWith("Reminder: " + key + " "), "olivia")).as("reminders of %s", key).isEqualTo(1);
    }
    for (String key : keys.subList(0, 3)) {
      assertThat(b.getJson("helen", "/api/recommendations/" + recommendationId(b, key)).at("/summary/status").asText())
          .isEqualTo("CLOSED_IMPLEMENTED");
      assertThat(to(mailbox.withSubject("Closed as implemented: " + key), "olivia")).isEqualTo(1);
    }
    assertThat(to(mailbox.subjectStartingWith("Overdue: FIN-2025-01/1 "), "olivia")).isEqualTo(1);
    assertThat(to(mailbox.subjectStartingWith("Escalation: FIN-2025-01/1 "), "sam")).isEqualTo(1);
    assertThat(mailbox.duplicates()).as("outbox rows that arrived twice").isEmpty();
    try (Connection db = database.connect()) {
      assertThat(count(db, "select count(*) from outbound_mail where state <> 'SENT'")).isZero();
      assertThat(count(db, "select count(*) from outbound_mail")).isEqualTo(mailbox.arrivalsByOutboxRow().size());
      assertThat(count(db, "select count(*) from act_ru_incident")).isZero();
    }
  }

  @Test
  @Order(3)
  void killingANodeMidWorkLosesNothing() throws Exception {
    List<String> keys = newAudit(b, "KL", 24);
    relayOfA.hold();
    for (String key : keys) {
      String task = b.taskId("olivia", key, "Task_AgreeAction");
      assertThat(b.completeTask("olivia", task, agreement(LocalDate.now().plusDays(7))).statusCode()).isEqualTo(204);
    }
    String nodeA = a.pid() + "@%";
    try (Connection db = database.connect()) {
      // A has claimed a mail and sits on it (its relay hangs): kill it now, in the middle of its work.
      awaitTrue("node A holds a claimed mail", () -> count(db,
          "select count(*) from outbound_mail where state = 'SENDING' and claimed_by like ?", nodeA) > 0);
      awaitTrue("node A is sending its claimed mail into the hanging relay", () -> relayOfA.held() > 0);
      a.kill();
      List<Long> heldMail = ids(db, "select id from outbound_mail where state = 'SENDING' and claimed_by like ?", nodeA);
      List<String> heldJobs = strings(db, "select id_ from act_ru_job where lock_owner_ like ?", nodeA);
      System.out.printf("ClusterIT: node A killed holding %d mail(s) %s and %d job lock(s)%n", heldMail.size(), heldMail, heldJobs.size());
      assertThat(heldMail).as("mail claimed by the dead node").isNotEmpty();

      awaitTrue("node B has taken up everything node A held", () ->
          keys.stream().allMatch(key -> !mailbox.subjectStartingWith("Reminder: " + key + " ").isEmpty())
              && count(db, "select count(*) from outbound_mail where state <> 'SENT'") == 0
              && count(db, "select count(*) from act_ru_job where lock_owner_ like ?", nodeA) == 0);
      awaitTrue("nothing due left on node B and every mail sent", () -> settled(b, db));

      for (String key : keys) {
        assertThat(to(mailbox.subjectStartingWith("Reminder: " + key + " "), "olivia")).as("reminders of %s", key).isEqualTo(1);
        assertThat(b.taskId("olivia", key, "Task_ImplementAction")).as("the implementation task of %s", key).isNotNull();
      }
      Map<Long, Long> arrivals = mailbox.arrivalsByOutboxRow();
      for (Long row : heldMail) {
        assertThat(arrivals.get(row)).as("mail %d, held by the dead node", row).isEqualTo(1);
      }
      assertThat(mailbox.duplicates()).as("outbox rows that arrived twice").isEmpty();
      assertThat(count(db, "select count(*) from outbound_mail")).isEqualTo(arrivals.size());
      assertThat(count(db, "select count(*) from act_ru_incident")).isZero();
      for (String job : heldJobs) {
        assertThat(count(db, "select count(*) from act_ru_job where id_ = ? and lock_owner_ like ?", job, nodeA)).isZero();
      }
    }
  }

  private List<String> newAudit(AppNode node, String prefix, int size) throws Exception {
    String reference = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    List<String> keys = node.raiseFinanceAudit(reference, "Cluster audit " + reference, "Essential", size);
    for (String key : keys) {
      awaitTrue("agreement task of " + key, () -> node.taskId("olivia", key, "Task_AgreeAction") != null);
    }
    return keys;
  }

  private static Map<String, String> agreement(LocalDate targetDate) {
    return Map.of("agreement", "AGREED", "agreedAction", "We will do it.", "targetDate", targetDate.toString());
  }

  private static long recommendationId(AppNode node, String businessKey) throws Exception {
    String audit = businessKey.substring(0, businessKey.lastIndexOf('/'));
    for (JsonNode item : node.getJson("helen", "/api/recommendations?size=100&audit=" + AppNode.encode(audit)).get("items")) {
      if (item.get("businessKey").asText().equals(businessKey)) {
        return item.get("id").asLong();
      }
    }
    throw new AssertionError("No recommendation " + businessKey);
  }

  private static long to(List<MimeMessage> messages, String user) {
    return messages.stream().filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(user + "@council.example");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();
  }

  static long count(Connection db, String sql, Object... parameters) throws Exception {
    try (PreparedStatement statement = prepare(db, sql, parameters); ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<Long> ids(Connection db, String sql, Object... parameters) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement statement = prepare(db, sql, parameters); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static List<String> strings(Connection db, String sql, Object... parameters) throws Exception {
    List<String> values = new ArrayList<>();
    try (PreparedStatement statement = prepare(db, sql, parameters); ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws Exception {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  /**
   * Nothing is left that could send another mail or fire another timer now: no job is due (asked first, since a
   * job that runs writes its mail in its own transaction) and every mail in the outbox has left.
   */
  private static boolean settled(AppNode node, Connection db) throws Exception {
    return node.getJson("admin", "/engine-rest/job/count?executable=true").get("count").asLong() == 0
        && count(db, "select count(*) from outbound_mail where state <> 'SENT'") == 0;
  }

  /** Waits, up to four minutes and asking twice a second, until the condition holds. */
  static void awaitTrue(String what, Callable<Boolean> condition) {
    Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(condition);
  }
}
