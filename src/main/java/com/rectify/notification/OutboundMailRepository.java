package com.rectify.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboundMailRepository extends JpaRepository<OutboundMail, Long> {

  // JPQL, not derived from the name: Hibernate caches a JPQL query's plan but builds a derived one's on every call.
  @Query("select case when count(m) > 0 then true else false end from OutboundMail m where m.idempotencyKey = :key")
  boolean existsByIdempotencyKey(@Param("key") String idempotencyKey);

  List<OutboundMail> findByRecipientOrderByIdAsc(String recipient);

  List<OutboundMail> findByKindOrderByIdAsc(String kind);

  long countByState(MailState state);

  List<OutboundMail> findAllByOrderByIdDesc(Pageable page);

  /** Mails that are due: pending and past their next attempt, or claimed by a node that never finished. */
  @Query("select m.id from OutboundMail m where (m.state = com.rectify.notification.MailState.PENDING and m.nextAttemptAt <= :now)"
      + " or (m.state = com.rectify.notification.MailState.SENDING and m.claimedUntil < :now) order by m.id")
  List<Long> findDueIds(@Param("now") Instant now, Pageable page);

  /**
   * Takes those of the given mails that are still due, for one claim (a node's name and the claim's number); the
   * condition makes sure only one claim wins each mail. Returns how many it took.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboundMail m set m.state = com.rectify.notification.MailState.SENDING, m.claimedBy = :claim,"
      + " m.claimedUntil = :until, m.version = m.version + 1 where m.id in :ids and ("
      + "(m.state = com.rectify.notification.MailState.PENDING and m.nextAttemptAt <= :now)"
      + " or (m.state = com.rectify.notification.MailState.SENDING and m.claimedUntil < :now))")
  int claim(@Param("ids") Collection<Long> ids, @Param("claim") String claim, @Param("now") Instant now,
      @Param("until") Instant until);

  /** The given mails that one claim took. */
  List<OutboundMail> findByIdInAndClaimedByAndStateOrderByIdAsc(Collection<Long> ids, String claimedBy, MailState state);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboundMail m set m.state = com.rectify.notification.MailState.SENT, m.sentAt = :now, m.attempts = m.attempts + 1,"
      + " m.lastError = null, m.claimedUntil = null, m.version = m.version + 1"
      + " where m.id in :ids and m.claimedBy = :claim and m.state = com.rectify.notification.MailState.SENDING")
  int markSent(@Param("ids") Collection<Long> ids, @Param("claim") String claim, @Param("now") Instant now);

  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update OutboundMail m set m.state = com.rectify.notification.MailState.PENDING, m.attempts = m.attempts + 1,"
      + " m.lastError = :error, m.nextAttemptAt = :next, m.claimedUntil = null, m.version = m.version + 1"
      + " where m.id = :id and m.claimedBy = :claim and m.state = com.rectify.notification.MailState.SENDING")
  int markFailed(@Param("id") Long id, @Param("claim") String claim, @Param("error") String error, @Param("next") Instant next);
}
