package com.rectify.reporting;

import com.rectify.common.TextSanitizer;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.cycle.ReportingCycle;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusChange;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.recommendation.revision.TargetDateRevision;
import com.rectify.reporting.CommitteeReport.Band;
import com.rectify.reporting.CommitteeReport.Group;
import com.rectify.reporting.CommitteeReport.Revision;
import com.rectify.reporting.CommitteeReport.Row;
import com.rectify.reporting.CommitteeReport.SummaryLine;
import com.rectify.reporting.CommitteeReport.Waiting;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the committee report as at any date from the append-only status history: a recommendation's state
 * on a day is its last status change up to the end of that day, its target date the original one moved by
 * every revision decided by then, its latest update the last one posted by then. Overdue, "overdue by" and
 * the bands are {@link OverdueRule}'s, measured from the date the council's policy names.
 */
@Service
class CommitteeReportService {

  private final EntityManager entityManager;
  private final OverdueRule overdueRule;

  public CommitteeReportService(EntityManager entityManager, OverdueRule overdueRule) {
    this.entityManager = entityManager;
    this.overdueRule = overdueRule;
  }

  /** The as-at date of the reporting cycle before this one, or three months earlier when none is recorded. */
  @Transactional(readOnly = true)
  public LocalDate previousCycleDate(LocalDate asAt) {
    List<ReportingCycle> cycles = entityManager.createQuery(
            "select c from ReportingCycle c where c.asAt < :asAt order by c.asAt desc", ReportingCycle.class)
        .setParameter("asAt", asAt).setMaxResults(1).getResultList();
    return cycles.isEmpty() ? asAt.minusMonths(3) : cycles.get(0).getAsAt();
  }

  @Transactional(readOnly = true)
  public CommitteeReport build(LocalDate asAt, LocalDate since) {
    LocalDate previous = previousCycleDate(asAt);
    LocalDate closedSince = since != null ? since : previous;
    Instant end = endOf(asAt);
    // Each table is read once, as plain values rather than managed entities: a register of 100,000 takes a
    // few queries, not one per chunk of recommendations.
    Map<Long, List<Move>> byRecommendation = new HashMap<>();
    int implementedSince = 0;
    int riskAcceptedSince = 0;
    Instant sinceInstant = endOf(closedSince);
    List<Object[]> moves = entityManager.createQuery("select c.recommendationId, c.toStatus, c.changedAt, c.via from StatusChange c "
            + "where c.changedAt < :end order by c.recommendationId, c.changedAt, c.id", Object[].class)
        .setParameter("end", end).getResultList();
    for (Object[] row : moves) {
      Move move = new Move((RecommendationStatus) row[1], (Instant) row[2], (String) row[3]);
      byRecommendation.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(move);
      if (!move.at().isBefore(sinceInstant)) {
        if (move.to() == RecommendationStatus.CLOSED_IMPLEMENTED) {
          implementedSince++;
        } else if (move.to() == RecommendationStatus.CLOSED_RISK_ACCEPTED) {
          riskAcceptedSince++;
        }
      }
    }
    Set<Long> open = new HashSet<>();
    byRecommendation.forEach((id, trail) -> {
      if (!statusAt(trail, end).isClosed()) {
        open.add(id);
      }
    });
    Map<Long, List<TargetDateRevision>> revisions = new HashMap<>();
    entityManager.createQuery("select r from TargetDateRevision r left join fetch r.reportingCycle where r.requestedAt < :end "
            + "order by r.recommendationId, r.revisionNumber", TargetDateRevision.class)
        .setParameter("end", end).getResultList().stream().filter(r -> open.contains(r.getRecommendationId()))
        .forEach(r -> revisions.computeIfAbsent(r.getRecommendationId(), id -> new ArrayList<>()).add(r));
    Map<Long, Object[]> latestUpdates = new HashMap<>();
    try (var updates = entityManager.createQuery("select u.recommendationId, u.text, u.postedAt from ProgressUpdate u "
            + "where u.postedAt < :end order by u.postedAt, u.id", Object[].class)
        .setParameter("end", end).getResultStream()) {
      updates.filter(u -> open.contains((Long) u[0])).forEach(u -> latestUpdates.put((Long) u[0], u));
    }
    Map<Band, List<Row>> grouped = new EnumMap<>(Band.class);
    for (Band band : Band.values()) {
      grouped.put(band, new ArrayList<>());
    }
    Map<Grade, Map<OverdueRule.Band, Integer>> counts = new EnumMap<>(Grade.class);
    for (Grade grade : Grade.values()) {
      counts.put(grade, new EnumMap<>(OverdueRule.Band.class));
    }
    Instant previousEnd = endOf(previous);
    List<Object[]> register = entityManager.createQuery("select r.id, r.businessKey, a.title, r.reference, r.grade, r.text, "
        + "r.leadOfficer, r.originalTargetDate, a.reference from Recommendation r join r.audit a", Object[].class).getResultList();
    for (Object[] r : register) {
      Long id = (Long) r[0];
      if (!open.contains(id)) {
        continue;
      }
      Grade grade = (Grade) r[4];
      List<Move> trail = byRecommendation.get(id);
      List<TargetDateRevision> recRevisions = revisions.getOrDefault(id, List.of());
      RecommendationStatus status = statusAt(trail, end);
      LocalDate original = status == RecommendationStatus.AWAITING_AGREEMENT ? null : (LocalDate) r[7];
      LocalDate current = currentDate(original, recRevisions, end);
      OverdueRule.Standing standing = overdueRule.standing(true, original, current, asAt);
      boolean overdue = standing.overdue();
      boolean revisionPending = recRevisions.stream().anyMatch(rev -> !decidedBy(rev, end));
      Waiting waiting = status == RecommendationStatus.AWAITING_AGREEMENT ? Waiting.AGREEMENT
          : status == RecommendationStatus.AWAITING_RISK_ACCEPTANCE || revisionPending ? Waiting.DECISION : Waiting.NOTHING;
      String awaitingDecision = status == RecommendationStatus.AWAITING_RISK_ACCEPTANCE ? "the residual risk"
          : revisionPending ? "a revised target date" : null;
      String statusInWords = status != RecommendationStatus.AWAITING_RISK_ACCEPTANCE && revisionPending
          ? status.label() + "; revised target date awaiting a decision" : status.label();
      Band band = Band.of(grade, standing.band(), waiting);
      counts.get(grade).merge(standing.band(), 1, Integer::sum);
      boolean existedBefore = trail.get(0).at().isBefore(previousEnd);
      // An imported recommendation's history starts when the sheet puts it on the record: where that is after the
      // previous cycle, the history cannot show whether it was overdue then, so "first cycle" is not claimed.
      boolean historyShowsPrevious = existedBefore || !StatusChange.VIA_IMPORT.equals(trail.get(0).via());
      boolean overdueBefore = false;
      if (existedBefore && !statusAt(trail, previousEnd).isClosed()
          && statusAt(trail, previousEnd) != RecommendationStatus.AWAITING_AGREEMENT) {
        overdueBefore = overdueRule.standing(true, original, currentDate(original, recRevisions, previousEnd), previous).overdue();
      }
      Object[] latest = latestUpdates.get(id);
      String latestText = latest == null ? null : (String) latest[1];
      grouped.get(band).add(new Row(id, (String) r[1], (String) r[2], (String) r[3], grade.label(),
          TextSanitizer.plain((String) r[5]), (String) r[6], status.label(), original, current,
          standing.months(), recRevisions.stream().map(rev -> revision(rev, end)).toList(),
          TextSanitizer.plain(latestText), latest == null ? null : LocalDate.ofInstant((Instant) latest[2], Today.LONDON),
          overdue && !overdueBefore && historyShowsPrevious, (String) r[8], awaitingDecision, statusInWords, (String) r[5], latestText));
    }
    Comparator<Row> order = Comparator.comparing((Row r) -> r.originalTargetDate() == null ? LocalDate.MAX : r.originalTargetDate())
        .thenComparing(Row::businessKey);
    List<Group> groups = new ArrayList<>();
    grouped.forEach((band, rows) -> {
      rows.sort(order);
      groups.add(new Group(band, band.kind(), band.title(), rows));
    });
    return new CommitteeReport(asAt, closedSince, since != null ? "since " + UkDates.display(since)
        : "since the previous reporting cycle (" + UkDates.display(previous) + ")",
        groups, summary(counts), open.size(), implementedSince, riskAcceptedSince, overdueRule.basis(),
        overdueRule.basis().statement());
  }

  /**
   * Each grade's counts by {@link OverdueRule}'s bands, as the dashboard counts them; Essential and Low, which
   * the groups above list whole, are counted by band here too.
   */
  private static List<SummaryLine> summary(Map<Grade, Map<OverdueRule.Band, Integer>> counts) {
    List<SummaryLine> lines = new ArrayList<>();
    int[] totals = new int[6];
    for (Grade grade : Grade.values()) {
      Map<OverdueRule.Band, Integer> byBand = counts.get(grade);
      int over12 = byBand.getOrDefault(OverdueRule.Band.OVER_12_MONTHS, 0);
      int from3 = byBand.getOrDefault(OverdueRule.Band.FROM_3_TO_12_MONTHS, 0);
      int under3 = byBand.getOrDefault(OverdueRule.Band.UNDER_3_MONTHS, 0);
      int notDue = byBand.getOrDefault(OverdueRule.Band.NOT_DUE, 0);
      int overdue = over12 + from3 + under3;
      int[] line = {over12, from3, under3, overdue, notDue, overdue + notDue};
      for (int i = 0; i < 6; i++) {
        totals[i] += line[i];
      }
      lines.add(new SummaryLine(grade.label(), over12, from3, under3, overdue, notDue, overdue + notDue));
    }
    lines.add(new SummaryLine("All grades", totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]));
    return lines;
  }

  private static LocalDate currentDate(LocalDate original, List<TargetDateRevision> revisions, Instant end) {
    LocalDate current = original;
    for (TargetDateRevision revision : revisions) {
      if (revision.getDecision() == RevisionDecision.APPROVED && revision.getDecidedAt() != null
          && revision.getDecidedAt().isBefore(end)) {
        current = revision.getRequestedDate();
      }
    }
    return current;
  }

  private static boolean decidedBy(TargetDateRevision r, Instant end) {
    return r.getDecision() != RevisionDecision.PENDING && r.getDecidedAt() != null && r.getDecidedAt().isBefore(end);
  }

  private static Revision revision(TargetDateRevision r, Instant end) {
    String decision = decidedBy(r, end) ? r.getDecision().name().toLowerCase(java.util.Locale.UK) : "pending";
    return new Revision(r.getRevisionNumber(), r.getPreviousDate(), r.getRequestedDate(), decision, r.cycleName(),
        r.getReadFrom());
  }

  /** One line of a recommendation's status history, as far as the report needs it. */
  private record Move(RecommendationStatus to, Instant at, String via) {}

  private static RecommendationStatus statusAt(List<Move> trail, Instant end) {
    RecommendationStatus status = null;
    for (Move move : trail) {
      if (move.at().isBefore(end)) {
        status = move.to();
      }
    }
    return status == null ? RecommendationStatus.AWAITING_AGREEMENT : status;
  }

  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(Today.LONDON).toInstant();
  }
}
