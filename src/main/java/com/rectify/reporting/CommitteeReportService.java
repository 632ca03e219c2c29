package com.rectify.reporting;

import com.rectify.common.TextSanitizer;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.cycle.ReportingCycle;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.ProgressUpdate;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.RevisionDecision;
import com.rectify.recommendation.StatusChange;
import com.rectify.recommendation.TargetDateRevision;
import com.rectify.reporting.CommitteeReport.Band;
import com.rectify.reporting.CommitteeReport.Group;
import com.rectify.reporting.CommitteeReport.Revision;
import com.rectify.reporting.CommitteeReport.Row;
import com.rectify.reporting.CommitteeReport.SummaryLine;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the committee report as at any date from the append-only status history: a recommendation's state
 * on a day is its last status change up to the end of that day, its target date the original one moved by
 * every revision decided by then, its latest update the last one posted by then. "Overdue by" counts from
 * the original target date, as councillors ask.
 */
@Service
public class CommitteeReportService {

  private final EntityManager entityManager;
  private final RecommendationRepository recommendations;

  public CommitteeReportService(EntityManager entityManager, RecommendationRepository recommendations) {
    this.entityManager = entityManager;
    this.recommendations = recommendations;
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
    List<StatusChange> changes = entityManager.createQuery(
            "select c from StatusChange c where c.changedAt < :end order by c.recommendationId, c.changedAt, c.id", StatusChange.class)
        .setParameter("end", end).getResultList();
    Map<Long, List<StatusChange>> byRecommendation = new HashMap<>();
    int implementedSince = 0;
    int riskAcceptedSince = 0;
    Instant sinceInstant = endOf(closedSince);
    for (StatusChange change : changes) {
      byRecommendation.computeIfAbsent(change.getRecommendationId(), id -> new ArrayList<>()).add(change);
      if (!change.getChangedAt().isBefore(sinceInstant)) {
        if (change.getToStatus() == RecommendationStatus.CLOSED_IMPLEMENTED) {
          implementedSince++;
        } else if (change.getToStatus() == RecommendationStatus.CLOSED_RISK_ACCEPTED) {
          riskAcceptedSince++;
        }
      }
    }
    List<Long> open = new ArrayList<>();
    byRecommendation.forEach((id, trail) -> {
      if (!statusAt(trail, end).isClosed()) {
        open.add(id);
      }
    });
    Map<Long, List<TargetDateRevision>> revisions = new HashMap<>();
    Map<Long, List<ProgressUpdate>> updates = new HashMap<>();
    if (!open.isEmpty()) {
      for (List<Long> chunk : chunks(open)) {
        entityManager.createQuery("select r from TargetDateRevision r left join fetch r.reportingCycle where r.recommendationId in :ids "
                + "and r.requestedAt < :end order by r.revisionNumber", TargetDateRevision.class)
            .setParameter("ids", chunk).setParameter("end", end).getResultList()
            .forEach(r -> revisions.computeIfAbsent(r.getRecommendationId(), id -> new ArrayList<>()).add(r));
        entityManager.createQuery("select u from ProgressUpdate u where u.recommendationId in :ids and u.postedAt < :end "
                + "order by u.postedAt, u.id", ProgressUpdate.class)
            .setParameter("ids", chunk).setParameter("end", end).getResultList()
            .forEach(u -> updates.computeIfAbsent(u.getRecommendationId(), id -> new ArrayList<>()).add(u));
      }
    }
    Map<Band, List<Row>> grouped = new EnumMap<>(Band.class);
    for (Band band : Band.values()) {
      grouped.put(band, new ArrayList<>());
    }
    Instant previousEnd = endOf(previous);
    for (Recommendation recommendation : recommendations.findAllById(open)) {
      List<StatusChange> trail = byRecommendation.get(recommendation.getId());
      List<TargetDateRevision> recRevisions = revisions.getOrDefault(recommendation.getId(), List.of());
      RecommendationStatus status = statusAt(trail, end);
      LocalDate original = status == RecommendationStatus.AWAITING_AGREEMENT ? null : recommendation.getOriginalTargetDate();
      LocalDate current = currentDate(original, recRevisions, end);
      boolean overdue = isOverdue(original, current, asAt);
      Integer months = null;
      Band band = Band.NOT_YET_DUE;
      if (overdue) {
        LocalDate from = original != null ? original : current;
        months = (int) ChronoUnit.MONTHS.between(from, asAt);
        band = band(recommendation.getGrade(), from, asAt);
      }
      boolean existedBefore = trail.get(0).getChangedAt().isBefore(previousEnd);
      boolean overdueBefore = false;
      if (existedBefore && !statusAt(trail, previousEnd).isClosed()
          && statusAt(trail, previousEnd) != RecommendationStatus.AWAITING_AGREEMENT) {
        overdueBefore = isOverdue(original, currentDate(original, recRevisions, previousEnd), previous);
      }
      List<ProgressUpdate> recUpdates = updates.getOrDefault(recommendation.getId(), List.of());
      ProgressUpdate latest = recUpdates.isEmpty() ? null : recUpdates.get(recUpdates.size() - 1);
      grouped.get(band).add(new Row(recommendation.getId(), recommendation.getBusinessKey(),
          recommendation.getAudit().getTitle(), recommendation.getReference(), recommendation.getGrade().label(),
          TextSanitizer.plain(recommendation.getText()), recommendation.getLeadOfficer(), status.label(), original, current,
          months, recRevisions.stream().map(r -> revision(r, end)).toList(),
          latest == null ? null : TextSanitizer.plain(latest.getText()),
          latest == null ? null : LocalDate.ofInstant(latest.getPostedAt(), Today.LONDON),
          overdue && !overdueBefore));
    }
    Comparator<Row> order = Comparator.comparing((Row r) -> r.originalTargetDate() == null ? LocalDate.MAX : r.originalTargetDate())
        .thenComparing(Row::audit).thenComparing(Row::reference);
    List<Group> groups = new ArrayList<>();
    grouped.forEach((band, rows) -> {
      rows.sort(order);
      groups.add(new Group(band, band.title(), rows));
    });
    return new CommitteeReport(asAt, closedSince, since != null ? "since " + UkDates.display(since)
        : "since the previous reporting cycle (" + UkDates.display(previous) + ")",
        groups, summary(grouped), open.size(), implementedSince, riskAcceptedSince);
  }

  private static List<SummaryLine> summary(Map<Band, List<Row>> grouped) {
    List<SummaryLine> lines = new ArrayList<>();
    int[] totals = new int[6];
    for (Grade grade : Grade.values()) {
      int over12 = 0, from3 = 0, under3 = 0, overdue = 0, notDue = 0;
      for (Map.Entry<Band, List<Row>> entry : grouped.entrySet()) {
        long count = entry.getValue().stream().filter(r -> r.grade().equals(grade.label())).count();
        String name = entry.getKey().name();
        if (entry.getKey() == Band.NOT_YET_DUE) {
          notDue += count;
        } else {
          overdue += count;
          if (name.endsWith("OVER_12_MONTHS")) {
            over12 += count;
          } else if (name.endsWith("3_TO_12_MONTHS")) {
            from3 += count;
          } else if (name.endsWith("UNDER_3_MONTHS")) {
            under3 += count;
          }
        }
      }
      int[] line = {over12, from3, under3, overdue, notDue, overdue + notDue};
      for (int i = 0; i < 6; i++) {
        totals[i] += line[i];
      }
      lines.add(new SummaryLine(grade.label(), over12, from3, under3, overdue, notDue, overdue + notDue));
    }
    lines.add(new SummaryLine("All grades", totals[0], totals[1], totals[2], totals[3], totals[4], totals[5]));
    return lines;
  }

  static Band band(Grade grade, LocalDate from, LocalDate asAt) {
    boolean over12 = from.plusMonths(12).isBefore(asAt);
    boolean over3 = !from.plusMonths(3).isAfter(asAt);
    return switch (grade) {
      case ESSENTIAL -> Band.ESSENTIAL_OVERDUE;
      case HIGH -> over12 ? Band.HIGH_OVER_12_MONTHS : over3 ? Band.HIGH_3_TO_12_MONTHS : Band.HIGH_UNDER_3_MONTHS;
      case MEDIUM -> over12 ? Band.MEDIUM_OVER_12_MONTHS : over3 ? Band.MEDIUM_3_TO_12_MONTHS : Band.MEDIUM_UNDER_3_MONTHS;
      case LOW -> Band.LOW_OVERDUE;
    };
  }

  /** Overdue when the date that applies has passed; a date revised to TBC counts from the original. */
  private static boolean isOverdue(LocalDate original, LocalDate current, LocalDate day) {
    LocalDate due = current != null ? current : original;
    return due != null && due.isBefore(day);
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

  private static Revision revision(TargetDateRevision r, Instant end) {
    String decision = r.getDecidedAt() != null && r.getDecidedAt().isBefore(end)
        ? r.getDecision().name().toLowerCase(java.util.Locale.UK) : "pending";
    return new Revision(r.getRevisionNumber(), r.getPreviousDate(), r.getRequestedDate(), decision,
        r.getReportingCycle() == null ? null : r.getReportingCycle().getName());
  }

  private static RecommendationStatus statusAt(List<StatusChange> trail, Instant end) {
    RecommendationStatus status = null;
    for (StatusChange change : trail) {
      if (change.getChangedAt().isBefore(end)) {
        status = change.getToStatus();
      }
    }
    return status == null ? RecommendationStatus.AWAITING_AGREEMENT : status;
  }

  static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(Today.LONDON).toInstant();
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
    }
    return chunks;
  }
}
