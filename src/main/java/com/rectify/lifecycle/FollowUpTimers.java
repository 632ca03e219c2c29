package com.rectify.lifecycle;

import com.rectify.common.LifecycleVariables;
import com.rectify.common.Today;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationLookup;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the implementation's timers fire (Timer_Reminder, Timer_Overdue), read from the decision table
 * {@code FollowUpPolicy} by grade each time a timer is created, so a redeployed policy applies to the next
 * timer. Reminders and overdue notices go out at 09:00 London time. A table's answer for a grade is kept per
 * deployed version of the table: a timer asks which version is the latest (one small query) and evaluates the
 * table only when that version has not answered for the grade yet.
 */
@Component("followUpTimers")
public class FollowUpTimers {

  public static final String DECISION = "FollowUpPolicy";
  static final LocalTime SEND_AT = LocalTime.of(9, 0);
  /** A timer for a target date still to be confirmed never fires; a revised date re-arms it. */
  static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final RecommendationLookup lookup;
  private final Map<String, Policy> byVersionAndGrade = new ConcurrentHashMap<>();

  public FollowUpTimers(DecisionService decisions, RepositoryService repository, RecommendationLookup lookup) {
    this.decisions = decisions;
    this.repository = repository;
    this.lookup = lookup;
  }

  public record Policy(String reminderLeadTime, String escalationDelay, String repeatInterval, List<String> escalationGroups) {}

  public Policy policy(String grade) {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION).latestVersion()
        .withoutTenantId().singleResult();
    if (latest == null) {
      throw new IllegalStateException("The decision table " + DECISION + " is not deployed");
    }
    return byVersionAndGrade.computeIfAbsent(latest.getId() + "|" + grade, key -> evaluate(latest.getId(), grade));
  }

  private Policy evaluate(String decisionDefinitionId, String grade) {
    DmnDecisionRuleResult row = decisions.evaluateDecisionTableById(decisionDefinitionId, Map.of(GRADE_INPUT, grade)).getSingleResult();
    return new Policy((String) row.get("reminderLeadTime"), (String) row.get("escalationDelay"), (String) row.get("repeatInterval"),
        Arrays.stream(((String) row.get("escalationGroups")).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  private static final String GRADE_INPUT = LifecycleVariables.GRADE;

  /** Timer_Reminder: the policy's lead time before the current target date. */
  public Date reminderAt(Long recommendationId) {
    Recommendation rec = lookup.byId(recommendationId);
    if (rec.getCurrentTargetDate() == null) {
      return at(NO_DATE);
    }
    return Date.from(minus(at(rec.getCurrentTargetDate()).toInstant().atZone(Today.LONDON), policy(rec.getGrade().name()).reminderLeadTime()).toInstant());
  }

  /** The first overdue notice: the day after the target date, plus the policy's escalation delay. */
  public Date firstOverdueAt(Long recommendationId) {
    Recommendation rec = lookup.byId(recommendationId);
    if (rec.getCurrentTargetDate() == null) {
      return at(NO_DATE);
    }
    ZonedDateTime overdue = at(rec.getCurrentTargetDate().plusDays(1)).toInstant().atZone(Today.LONDON);
    return Date.from(plus(overdue, policy(rec.getGrade().name()).escalationDelay()).toInstant());
  }

  /**
   * Timer_Overdue: from the first overdue notice, repeated at the policy's interval while implementation
   * lasts. An implementation entered when that moment has already passed (sent back for more evidence
   * long after the date) is escalated a minute later, then at the interval.
   */
  public String overdueCycle(Long recommendationId) {
    Recommendation rec = lookup.byId(recommendationId);
    String interval = rec.getCurrentTargetDate() == null ? "P1D" : policy(rec.getGrade().name()).repeatInterval();
    java.time.Instant first = firstOverdueAt(recommendationId).toInstant();
    java.time.Instant soon = ClockUtil.getCurrentTime().toInstant().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    return "R/" + DateTimeFormatter.ISO_INSTANT.format(first.isBefore(soon) ? soon : first) + "/" + interval;
  }

  private static Date at(LocalDate day) {
    return Date.from(day.atTime(SEND_AT).atZone(Today.LONDON).toInstant());
  }

  static ZonedDateTime plus(ZonedDateTime from, String iso) {
    return iso.contains("T") ? from.plus(Duration.parse(iso)) : from.plus(Period.parse(iso));
  }

  static ZonedDateTime minus(ZonedDateTime from, String iso) {
    return iso.contains("T") ? from.minus(Duration.parse(iso)) : from.minus(Period.parse(iso));
  }
}
