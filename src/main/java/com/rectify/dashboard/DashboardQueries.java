package com.rectify.dashboard;

import com.rectify.recommendation.Grade;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.RevisionDecision;
import com.rectify.register.RegisterFilter;
import com.rectify.security.RecommendationVisibility.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's numbers, each counted by the database (group by), never by loading the register: a
 * council with ten thousand recommendations gets its dashboard as fast as one with ten.
 */
@Service
@Transactional(readOnly = true)
public class DashboardQueries {

  /** The date that applies, and the date a recommendation was first due (overdue bands count from it). */
  private static final String DUE = "coalesce(r.currentTargetDate, r.originalTargetDate)";
  private static final String FIRST = "coalesce(r.originalTargetDate, r.currentTargetDate)";
  private static final String IN_SCOPE = " (:everything = true or r.service in :services) ";

  private final EntityManager entityManager;

  public DashboardQueries(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Open recommendations of one grade by overdue band: not yet due, under 3 months, 3–12 months, over 12 months. */
  public record GradeBands(long notDue, long under3, long from3To12, long over12) {
    public long overdue() { return under3 + from3To12 + over12; }
  }

  public Map<Grade, GradeBands> openByGradeAndBand(LocalDate today, Scope scope) {
    LocalDate twelve = today.minusMonths(12);
    LocalDate three = today.minusMonths(3).plusDays(1);
    TypedQuery<Object[]> query = entityManager.createQuery("select r.grade,"
        + " sum(case when " + DUE + " is null or " + DUE + " >= :today then 1 else 0 end),"
        + " sum(case when " + DUE + " < :today and " + FIRST + " >= :three then 1 else 0 end),"
        + " sum(case when " + DUE + " < :today and " + FIRST + " >= :twelve and " + FIRST + " < :three then 1 else 0 end),"
        + " sum(case when " + DUE + " < :today and " + FIRST + " < :twelve then 1 else 0 end)"
        + " from Recommendation r where r.status in :open and" + IN_SCOPE + "group by r.grade", Object[].class)
        .setParameter("today", today).setParameter("three", three).setParameter("twelve", twelve)
        .setParameter("open", RegisterFilter.OPEN);
    Map<Grade, GradeBands> result = new EnumMap<>(Grade.class);
    for (Grade grade : Grade.values()) {
      result.put(grade, new GradeBands(0, 0, 0, 0));
    }
    for (Object[] row : scoped(query, scope).getResultList()) {
      result.put((Grade) row[0], new GradeBands(n(row[1]), n(row[2]), n(row[3]), n(row[4])));
    }
    return result;
  }

  /** How long open recommendations are past the date that applies, by grade: counts per age bucket. */
  public Map<Grade, long[]> ageing(LocalDate today, List<Ageing> buckets, Scope scope) {
    StringBuilder select = new StringBuilder("select r.grade");
    for (int i = 0; i < buckets.size(); i++) {
      select.append(", sum(case when ").append(DUE).append(" >= :from").append(i).append(" and ").append(DUE)
          .append(" <= :to").append(i).append(" then 1 else 0 end)");
    }
    select.append(" from Recommendation r where r.status in :open and").append(IN_SCOPE).append("group by r.grade");
    TypedQuery<Object[]> query = entityManager.createQuery(select.toString(), Object[].class).setParameter("open", RegisterFilter.OPEN);
    for (int i = 0; i < buckets.size(); i++) {
      query.setParameter("from" + i, buckets.get(i).from(today)).setParameter("to" + i, buckets.get(i).to(today));
    }
    Map<Grade, long[]> result = new EnumMap<>(Grade.class);
    for (Grade grade : Grade.values()) {
      result.put(grade, new long[buckets.size()]);
    }
    for (Object[] row : scoped(query, scope).getResultList()) {
      long[] counts = result.get((Grade) row[0]);
      for (int i = 0; i < buckets.size(); i++) {
        counts[i] = n(row[i + 1]);
      }
    }
    return result;
  }

  /** An age bucket: past the date that applies by at least {@code minMonths} and less than {@code maxMonths} (null: no limit). */
  public record Ageing(String label, int minMonths, Integer maxMonths) {
    LocalDate from(LocalDate today) {
      // The oldest bucket has no lower bound; a date before any council's records stands in for none.
      return maxMonths == null ? LocalDate.of(1900, 1, 1) : today.minusMonths(maxMonths).plusDays(1);
    }

    LocalDate to(LocalDate today) {
      return minMonths == 0 ? today.minusDays(1) : today.minusMonths(minMonths);
    }
  }

  /** Closures in one quarter: implemented, of which by the original date, and risk accepted. */
  public record Quarter(int year, int quarter, long implemented, long implementedOnTime, long riskAccepted) {
    public LocalDate start() { return LocalDate.of(year, (quarter - 1) * 3 + 1, 1); }
    public LocalDate end() { return start().plusMonths(3).minusDays(1); }
    public String label() { return "Q" + quarter + " " + year; }
  }

  /** Closures in each of {@code count} quarters from the one holding {@code since}, oldest first. */
  public List<Quarter> closuresByQuarter(LocalDate since, int count, Scope scope) {
    TypedQuery<Object[]> query = entityManager.createQuery("select extract(year from r.closedOn), extract(quarter from r.closedOn),"
        + " sum(case when r.status = :implemented then 1 else 0 end),"
        + " sum(case when r.status = :implemented and r.closedOn <= r.originalTargetDate then 1 else 0 end),"
        + " sum(case when r.status = :accepted then 1 else 0 end)"
        + " from Recommendation r where r.closedOn >= :since and r.status in :closures and" + IN_SCOPE
        + " group by extract(year from r.closedOn), extract(quarter from r.closedOn)", Object[].class)
        .setParameter("implemented", RecommendationStatus.CLOSED_IMPLEMENTED)
        .setParameter("accepted", RecommendationStatus.CLOSED_RISK_ACCEPTED)
        .setParameter("closures", Set.of(RecommendationStatus.CLOSED_IMPLEMENTED, RecommendationStatus.CLOSED_RISK_ACCEPTED))
        .setParameter("since", since);
    Map<String, Quarter> found = new TreeMap<>();
    for (Object[] row : scoped(query, scope).getResultList()) {
      Quarter q = new Quarter(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), n(row[2]), n(row[3]), n(row[4]));
      found.put(q.label(), q);
    }
    List<Quarter> quarters = new java.util.ArrayList<>();
    for (LocalDate start = quarterStart(since); quarters.size() < count; start = start.plusMonths(3)) {
      int quarter = (start.getMonthValue() - 1) / 3 + 1;
      quarters.add(found.getOrDefault("Q" + quarter + " " + start.getYear(), new Quarter(start.getYear(), quarter, 0, 0, 0)));
    }
    return quarters;
  }

  public static LocalDate quarterStart(LocalDate day) {
    return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }

  /**
   * Agreed recommendations by how many revised dates were approved for them: index 0 holds those never
   * revised, the last index those revised that many times or more.
   */
  public long[] approvedRevisions(int buckets, Scope scope) {
    TypedQuery<Object[]> query = entityManager.createQuery("select c.revisions, count(*) from ("
        + " select count(t) as revisions from TargetDateRevision t, Recommendation r"
        + " where t.recommendationId = r.id and t.decision = :approved and" + IN_SCOPE
        + " group by t.recommendationId) c group by c.revisions", Object[].class)
        .setParameter("approved", RevisionDecision.APPROVED);
    long[] counts = new long[buckets];
    long revised = 0;
    for (Object[] row : scoped(query, scope).getResultList()) {
      counts[(int) Math.min(buckets - 1, n(row[0]))] += n(row[1]);
      revised += n(row[1]);
    }
    TypedQuery<Long> agreed = entityManager.createQuery("select count(r) from Recommendation r where r.originalTargetDate is not null"
        + " and" + IN_SCOPE, Long.class);
    counts[0] = Math.max(0, scoped(agreed, scope).getSingleResult() - revised);
    return counts;
  }

  /** Open recommendations of one service (or audit): not overdue, overdue, and of those overdue how many Essential or High. */
  public record Load(String key, String title, long notOverdue, long overdue, long overdueHigh) {
    public long open() { return notOverdue + overdue; }
  }

  /** A load's three counts, read by {@link #loads}: not overdue, overdue, overdue and Essential or High. */
  private static final String LOAD_SUMS = " sum(case when " + DUE + " is null or " + DUE + " >= :today then 1 else 0 end),"
      + " sum(case when " + DUE + " < :today then 1 else 0 end),"
      + " sum(case when " + DUE + " < :today and r.grade in :high then 1 else 0 end)";

  public List<Load> openByService(LocalDate today, Scope scope) {
    TypedQuery<Object[]> query = entityManager.createQuery("select r.service, r.service," + LOAD_SUMS
        + " from Recommendation r where r.status in :open and" + IN_SCOPE
        + " group by r.service order by r.service", Object[].class);
    return loads(query, today, scope);
  }

  public List<Load> openByAudit(LocalDate today, Scope scope, int top) {
    TypedQuery<Object[]> query = entityManager.createQuery("select a.reference, a.title," + LOAD_SUMS
        + " from Recommendation r join r.audit a where r.status in :open and" + IN_SCOPE
        + " group by a.reference, a.title order by count(r) desc, a.reference", Object[].class);
    query.setMaxResults(top);
    return loads(query, today, scope);
  }

  private List<Load> loads(TypedQuery<Object[]> query, LocalDate today, Scope scope) {
    query.setParameter("today", today).setParameter("open", RegisterFilter.OPEN).setParameter("high", Set.of(Grade.ESSENTIAL, Grade.HIGH));
    return scoped(query, scope).getResultList().stream()
        .map(row -> new Load((String) row[0], (String) row[1], n(row[2]), n(row[3]), n(row[4]))).toList();
  }

  /** Open recommendations flagged "no update received" in the given reporting cycle. */
  public long missedUpdates(Long cycleId, Scope scope) {
    TypedQuery<Long> query = entityManager.createQuery("select count(r) from Recommendation r where r.status in :open and"
        + IN_SCOPE + "and exists (select m.id from MissedUpdate m where m.recommendationId = r.id and m.reportingCycleId = :cycle)",
        Long.class).setParameter("open", RegisterFilter.OPEN).setParameter("cycle", cycleId);
    return scoped(query, scope).getSingleResult();
  }

  private static <T> TypedQuery<T> scoped(TypedQuery<T> query, Scope scope) {
    return query.setParameter("everything", scope.all()).setParameter("services", scope.servicesToBind());
  }

  private static long n(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
