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
  private final HistoryAsAt history;
  private final OverdueRule overdueRule;

  public CommitteeReportService(EntityManager entityManager, HistoryAsAt history, OverdueRule overdueRule) {
    this.entityManager = entityManager;
    this.history = history;
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
    Instant previousEnd = endOf(previous);
    HistoryAsAt.AsAt read = history.read(end, previousEnd, endOf(closedSince));
    HistoryAsAt.Trails trails = read.trails();
    Set<Long> open = new HashSet<>();
    trails.byRecommendation().forEach((id, trail) -> {
      if (!trail.status().isClosed()) {
        open.add(id);
      }
    });
    Map<Long, List<TargetDateRevision>> revisions = new HashMap<>();
    entityManager.createQuery("select r from TargetDateRevision r left join fetch r.reportingCycle where r.requestedAt < :end "
            + "order by r.recommendationId, r.revisionNumber", TargetDateRevision.class)
        .setParameter("end", end).getResultList().stream().filter(r -> open.contains(r.getRecommendationId()))
        .forEach(r -> revisions.computeIfAbsent(r.getRecommendationId(), id -> new ArrayList<>()).add(r));
    Map<Band, List<Row>> grouped = new EnumMap<>(Band.class);
    for (Band band : Band.values()) {
      grouped.put(band, new ArrayList<>());
    }
    Map<Grade, Map<OverdueRule.Band, Integer>> counts = new EnumMap<>(Grade.class);
    for (Grade grade : Grade.values()) {
      counts.put(grade, new EnumMap<>(OverdueRule.Band.class));
    }
    for (HistoryAsAt.Entry r : read.register()) {
      if (!open.contains(r.id())) {
        continue;
      }
      Grade grade = Grade.valueOf(r.grade());
      HistoryAsAt.Trail trail = trails.byRecommendation().get(r.id());
      List<TargetDateRevision> recRevisions = revisions.getOrDefault(r.id(), List.of());
      RecommendationStatus status = trail.status();
      LocalDate original = status == RecommendationStatus.AWAITING_AGREEMENT ? null : r.originalTargetDate();
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
      RecommendationStatus before = trail.statusAtPrevious();
      boolean existedBefore = before != null;
      // An imported recommendation's history starts when the sheet puts it on the record: where that is after the
      // previous cycle, the history cannot show whether it was overdue then, so "first cycle" is not claimed.
      boolean historyShowsPrevious = existedBefore || !StatusChange.VIA_IMPORT.equals(trail.firstVia());
      boolean overdueBefore = false;
      if (existedBefore && !before.isClosed() && before != RecommendationStatus.AWAITING_AGREEMENT) {
        overdueBefore = overdueRule.standing(true, original, currentDate(original, recRevisions, previousEnd), previous).overdue();
      }
      HistoryAsAt.LatestUpdate latest = read.latestUpdates().get(r.id());
      String latestText = latest == null ? null : latest.text();
      grouped.get(band).add(new Row(r.id(), r.businessKey(), r.auditTitle(), r.reference(), grade.label(),
          TextSanitizer.plain(r.text()), r.leadOfficer(), status.label(), original, current,
          standing.months(), recRevisions.stream().map(rev -> revision(rev, end)).toList(),
          TextSanitizer.plain(latestText), latest == null ? null : LocalDate.ofInstant(latest.postedAt(), Today.LONDON),
          overdue && !overdueBefore && historyShowsPrevious, r.auditReference(), awaitingDecision, statusInWords, r.text(), latestText));
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
        groups, summary(counts), open.size(), trails.implementedSince(), trails.riskAcceptedSince(), overdueRule.basis(),
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

  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(Today.LONDON).toInstant();
  }
}
