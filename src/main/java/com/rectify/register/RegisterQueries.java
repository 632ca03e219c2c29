package com.rectify.register;

import com.rectify.common.Today;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.revision.RevisionDecision;
import com.rectify.security.RecommendationVisibility.Scope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the register a page at a time, filtered and sorted in the database. */
@Service
@Transactional(readOnly = true)
public class RegisterQueries {

  /** An export holds at most this many rows; the register's own import limit is 20,000. */
  public static final int MAX_EXPORT_ROWS = 50_000;

  private final EntityManager entityManager;
  private final Today today;
  private final OverdueRule overdueRule;

  public RegisterQueries(EntityManager entityManager, Today today, OverdueRule overdueRule) {
    this.entityManager = entityManager;
    this.overdueRule = overdueRule;
    this.today = today;
  }

  public record Found(List<RegisterRow> rows, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  public Found page(RegisterFilter filter, RegisterSort sort, Scope scope, int page, int size) {
    LocalDate day = today.date();
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<Recommendation> countRoot = count.from(Recommendation.class);
    count.select(cb.count(countRoot)).where(filter.toSpecification(overdueRule, day, scope).toPredicate(countRoot, count, cb));
    long total = entityManager.createQuery(count).getSingleResult();
    return new Found(rows(filter, sort, scope, page * size, size), page, size, total);
  }

  public List<RegisterRow> all(RegisterFilter filter, RegisterSort sort, Scope scope) {
    return rows(filter, sort, scope, 0, MAX_EXPORT_ROWS);
  }

  private List<RegisterRow> rows(RegisterFilter filter, RegisterSort sort, Scope scope, int first, int max) {
    LocalDate day = today.date();
    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
    CriteriaQuery<Recommendation> select = cb.createQuery(Recommendation.class);
    Root<Recommendation> root = select.from(Recommendation.class);
    root.fetch("audit");
    select.select(root).where(filter.toSpecification(overdueRule, day, scope).toPredicate(root, select, cb)).orderBy(sort.orders(root, cb));
    List<Recommendation> found = entityManager.createQuery(select).setFirstResult(first).setMaxResults(max).getResultList();
    Map<Long, Long> revisions = approvedRevisions(found.stream().map(Recommendation::getId).toList());
    return found.stream().map(r -> RegisterRow.of(r, revisions.getOrDefault(r.getId(), 0L), overdueRule, day)).toList();
  }

  private Map<Long, Long> approvedRevisions(List<Long> ids) {
    Map<Long, Long> counts = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      entityManager.createQuery("select t.recommendationId, count(t) from TargetDateRevision t where t.recommendationId in :ids "
              + "and t.decision = :approved group by t.recommendationId", Object[].class)
          .setParameter("ids", chunk).setParameter("approved", RevisionDecision.APPROVED).getResultList()
          .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    }
    return counts;
  }
}
