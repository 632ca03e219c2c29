package com.rectify.dashboard;

import com.rectify.audit.Audit;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.register.RegisterFilter;
import com.rectify.security.RecommendationVisibility.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import java.time.LocalDate;
import java.util.ArrayList;
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

  private static final String IN_SCOPE = " (:everything = true or r.service in :services) ";

  private final EntityManager entityManager;
  private final OverdueRule overdueRule;

  public DashboardQueries(EntityManager entityManager, OverdueRule overdueRule) {
    this.entityManager = entityManager;
    this.overdueRule = overdueRule;
  }

  /** What how long overdue is measured from, as the council's policy says. */
  public OverdueRule.Basis overdueBasis() {
    return overdueRule.basis();
  }

  /** Open recommendations of one grade by overdue band: not yet due, under 3 months, 3–12 months, over 12 months. */
  public record GradeBands(long notDue, long under3, long from3To12, long over12) {
    public long overdue() { return under3 + from3To12 + over12; }
  }

  public Map<Grade, GradeBands> openByGradeAndBand(LocalDate today, Scope scope) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<Recommendation> r = query.from(Recommendation.class);
    List<Selection<?>> columns = new ArrayList<>(List.of(r.get("grade")));
    for (OverdueRule.Band band : OverdueRule.Band.values()) {
      columns.add(countWhere(cb, overdueRule.in(band, r, cb, today)));
    }
    query.multiselect(columns).where(OverdueRule.open(r, cb), inScope(r, cb, scope)).groupBy(r.get("grade"));
    Map<Grade, GradeBands> result = new EnumMap<>(Grade.class);
    for (Grade grade : Grade.values()) {
      result.put(grade, new GradeBands(0, 0, 0, 0));
    }
    for (Object[] row : entityManager.createQuery(query).getResultList()) {
      // In the rule's order of bands: not yet due, under 3 months, 3–12 months, over 12 months.
      result.put((Grade) row[0], new GradeBands(n(row[1]), n(row[2]), n(row[3]), n(row[4])));
    }
    return result;
  }

  /** How long open recommendations are past the date that applies, by grade: counts per age bucket. */
  public Map<Grade, long[]> ageing(LocalDate today, List<Ageing> buckets, Scope scope) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<Recommendation> r = query.from(Recommendation.class);
    List<Selection<?>> columns = new ArrayList<>(List.of(r.get("grade")));
    for (Ageing bucket : buckets) {
      columns.add(countWhere(cb, cb.between(OverdueRule.dateThatApplies(r, cb), bucket.from(today), bucket.to(today))));
    }
    query.multiselect(columns).where(OverdueRule.open(r, cb), inScope(r, cb, scope)).groupBy(r.get("grade"));
    Map<Grade, long[]> result = new EnumMap<>(Grade.class);
    for (Grade grade : Grade.values()) {
      result.put(grade, new long[buckets.size()]);
    }
    for (Object[] row : entityManager.createQuery(query).getResultList()) {
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

  public List<Load> openByService(LocalDate today, Scope scope) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<Recommendation> r = query.from(Recommendation.class);
    query.multiselect(loadColumns(cb, r, r.get("service"), r.get("service"), today))
        .where(OverdueRule.open(r, cb), inScope(r, cb, scope)).groupBy(r.get("service")).orderBy(cb.asc(r.get("service")));
    return loads(entityManager.createQuery(query));
  }

  public List<Load> openByAudit(LocalDate today, Scope scope, int top) {
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
    Root<Recommendation> r = query.from(Recommendation.class);
    Join<Recommendation, Audit> a = r.join("audit");
    query.multiselect(loadColumns(cb, r, a.get("reference"), a.get("title"), today))
        .where(OverdueRule.open(r, cb), inScope(r, cb, scope)).groupBy(a.get("reference"), a.get("title"))
        .orderBy(cb.desc(cb.count(r)), cb.asc(a.get("reference")));
    return loads(entityManager.createQuery(query).setMaxResults(top));
  }

  /** A load's key and title, then its three counts: not overdue, overdue, overdue and Essential or High. */
  private List<Selection<?>> loadColumns(CriteriaBuilder cb, Root<Recommendation> r, Expression<String> key,
      Expression<String> title, LocalDate today) {
    return List.of(key, title,
        countWhere(cb, overdueRule.in(OverdueRule.Band.NOT_DUE, r, cb, today)),
        countWhere(cb, OverdueRule.overdue(r, cb, today)),
        countWhere(cb, cb.and(OverdueRule.overdue(r, cb, today), r.get("grade").in(Grade.ESSENTIAL, Grade.HIGH))));
  }

  private static List<Load> loads(TypedQuery<Object[]> query) {
    return query.getResultList().stream()
        .map(row -> new Load((String) row[0], (String) row[1], n(row[2]), n(row[3]), n(row[4]))).toList();
  }

  /** Open recommendations flagged "no update received" in the given reporting cycle. */
  public long missedUpdates(Long cycleId, Scope scope) {
    TypedQuery<Long> query = entityManager.createQuery("select count(r) from Recommendation r where r.status in :open and"
        + IN_SCOPE + "and exists (select m.id from MissedUpdate m where m.recommendationId = r.id and m.reportingCycleId = :cycle)",
        Long.class).setParameter("open", RegisterFilter.OPEN).setParameter("cycle", cycleId);
    return scoped(query, scope).getSingleResult();
  }

  /** How many rows of a group meet the condition. */
  private static Expression<Integer> countWhere(CriteriaBuilder cb, Predicate condition) {
    return cb.sum(cb.<Integer>selectCase().when(condition, cb.literal(1)).otherwise(cb.literal(0)));
  }

  /** The dashboard counts by service: every recommendation, or those of the scope's services. */
  private static Predicate inScope(Root<Recommendation> r, CriteriaBuilder cb, Scope scope) {
    if (scope.all()) {
      return cb.conjunction();
    }
    return scope.services().isEmpty() ? cb.disjunction() : r.get("service").in(scope.services());
  }

  private static <T> TypedQuery<T> scoped(TypedQuery<T> query, Scope scope) {
    return query.setParameter("everything", scope.all()).setParameter("services", scope.servicesToBind());
  }

  private static long n(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
