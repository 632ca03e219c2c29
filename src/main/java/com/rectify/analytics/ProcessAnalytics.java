package com.rectify.analytics;

import com.rectify.common.Today;
import com.rectify.common.LifecycleVariables;
import com.rectify.security.RecommendationVisibility.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle as the engine's history records it (ACT_HI_ACTINST, ACT_HI_DETAIL; history level full), joined
 * to the register by business key: time in each step, where recommendations wait, and how often evidence
 * comes back for more. Every figure is aggregated by the database.
 */
@Service
@Transactional(readOnly = true)
class ProcessAnalytics {

  /** How the figures are split: not at all, by grade, or by service. */
  public enum Split {
    ALL("'all'"), GRADE("r.grade"), SERVICE("r.service");

    private final String column;

    Split(String column) {
      this.column = column;
    }

    /** What to add to a group by: nothing for a constant, which PostgreSQL will not group by. */
    private String groupBy() {
      return this == ALL ? "" : ", " + column;
    }
  }

  private static final String JOIN = " from ACT_HI_ACTINST a"
      + " join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_"
      + " join recommendation r on r.business_key = p.BUSINESS_KEY_"
      + " where a.PROC_DEF_KEY_ = '" + LifecycleVariables.LIFECYCLE_PROCESS + "' and a.ACT_TYPE_ = 'userTask'";

  private final EntityManager entityManager;
  private final Today today;

  public ProcessAnalytics(EntityManager entityManager, Today today) {
    this.entityManager = entityManager;
    this.today = today;
  }

  /** Completed time in each step, per recommendation, as median and 90th percentile. */
  public List<StepStats> timeInSteps(Split split, Scope scope) {
    Query query = entityManager.createNativeQuery("select x.step, x.grp, count(*),"
        + " percentile_cont(0.5) within group (order by x.total), percentile_cont(0.9) within group (order by x.total)"
        + " from (select a.ACT_ID_ as step, " + split.column + " as grp, a.PROC_INST_ID_ as pi, sum(a.DURATION_) as total"
        + JOIN + " and a.END_TIME_ is not null" + scopeClause(scope)
        + " group by a.ACT_ID_" + split.groupBy() + ", a.PROC_INST_ID_) x group by x.step, x.grp");
    List<StepStats> stats = new ArrayList<>();
    for (Object row : bind(query, scope).getResultList()) {
      Object[] r = (Object[]) row;
      stats.add(new StepStats((String) r[0], String.valueOf(r[1]), number(r[2]), decimal(r[3]), decimal(r[4])));
    }
    return stats;
  }

  /** Whole lifecycles, raised to closed, of closed recommendations: median and 90th percentile. */
  public List<StepStats> wholeLifecycle(Split split, Scope scope) {
    Query query = entityManager.createNativeQuery("select " + split.column + ", count(*),"
        + " percentile_cont(0.5) within group (order by p.DURATION_), percentile_cont(0.9) within group (order by p.DURATION_)"
        + " from ACT_HI_PROCINST p join recommendation r on r.business_key = p.BUSINESS_KEY_"
        + " where p.PROC_DEF_KEY_ = '" + LifecycleVariables.LIFECYCLE_PROCESS + "' and p.END_TIME_ is not null"
        + " and p.DURATION_ is not null" + scopeClause(scope) + (split == Split.ALL ? "" : " group by " + split.column));
    List<StepStats> stats = new ArrayList<>();
    for (Object row : bind(query, scope).getResultList()) {
      Object[] r = (Object[]) row;
      if (number(r[1]) > 0) {
        stats.add(new StepStats("lifecycle", String.valueOf(r[0]), number(r[1]), decimal(r[2]), decimal(r[3])));
      }
    }
    return stats;
  }

  /** Steps with recommendations waiting now: how many, the median wait and the longest. */
  public List<Waiting> waitingNow(Split split, Scope scope) {
    Query query = entityManager.createNativeQuery("select a.ACT_ID_, " + split.column + ", count(*), min(a.START_TIME_),"
        + " percentile_disc(0.5) within group (order by a.START_TIME_)"
        + JOIN + " and a.END_TIME_ is null" + scopeClause(scope) + " group by a.ACT_ID_" + split.groupBy());
    Instant now = today.now().toInstant();
    List<Waiting> waiting = new ArrayList<>();
    for (Object row : bind(query, scope).getResultList()) {
      Object[] r = (Object[]) row;
      waiting.add(new Waiting((String) r[0], String.valueOf(r[1]), number(r[2]),
          Math.max(0, now.toEpochMilli() - instant(r[4]).toEpochMilli()), Math.max(0, now.toEpochMilli() - instant(r[3]).toEpochMilli())));
    }
    return waiting;
  }

  /** "More evidence needed" decisions (the review outcome the engine recorded each time) against reviews completed. */
  public List<Loops> moreEvidenceLoops(Split split, Scope scope) {
    Query query = entityManager.createNativeQuery("select rv.grp, rv.reviews, coalesce(lp.sent_back, 0), coalesce(lp.recs, 0), coalesce(lp.most, 0) from"
        + " (select " + split.column + " as grp, count(*) as reviews" + JOIN.replace("a.ACT_TYPE_ = 'userTask'", "a.ACT_ID_ = :review")
        + " and a.END_TIME_ is not null" + scopeClause(scope) + groupByAlone(split) + ") rv"
        + " left join (select per.grp, sum(per.n) as sent_back, count(*) as recs, max(per.n) as most from"
        + "   (select " + split.column + " as grp, d.PROC_INST_ID_ as pi, count(*) as n from ACT_HI_DETAIL d"
        + "    join ACT_HI_PROCINST p on p.PROC_INST_ID_ = d.PROC_INST_ID_ join recommendation r on r.business_key = p.BUSINESS_KEY_"
        + "    where d.NAME_ = :variable and d.TEXT_ = :moreEvidence and d.TYPE_ = 'VariableUpdate'" + scopeClause(scope)
        + "    group by d.PROC_INST_ID_" + split.groupBy() + ") per group by per.grp) lp on lp.grp = rv.grp order by rv.grp");
    query.setParameter("review", LifecycleVariables.TASK_REVIEW_EVIDENCE)
        .setParameter("variable", LifecycleVariables.REVIEW_OUTCOME).setParameter("moreEvidence", "MORE_EVIDENCE");
    List<Loops> loops = new ArrayList<>();
    for (Object row : bind(query, scope).getResultList()) {
      Object[] r = (Object[]) row;
      if (number(r[1]) > 0) {
        loops.add(new Loops(String.valueOf(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4])));
      }
    }
    return loops;
  }

  private static String groupByAlone(Split split) {
    return split == Split.ALL ? "" : " group by " + split.column;
  }

  private static String scopeClause(Scope scope) {
    return scope.all() ? "" : " and r.service in (:services)";
  }

  private static Query bind(Query query, Scope scope) {
    if (!scope.all()) {
      query.setParameter("services", scope.servicesToBind());
    }
    return query;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static double decimal(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return Timestamp.valueOf(local).toInstant();
    }
    throw new IllegalStateException("Unexpected time value " + value);
  }
}
