package com.rectify.recommendation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.hibernate.annotations.Immutable;

/**
 * One change to one field of a recommendation, in the append-only record. Each entry carries the hash of
 * the entry before it and its own hash over that and its content, so altering or removing an entry breaks
 * the chain from there on.
 */
@Entity
@Immutable
@Table(name = "change_record", indexes = @Index(name = "ix_change_record_rec", columnList = "recommendation_id"))
public class ChangeRecord {

  /** The "previous hash" of the very first entry. */
  public static final String GENESIS = "0".repeat(64);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "recommendation_id", nullable = false, updatable = false)
  private Long recommendationId;

  @Column(nullable = false, length = 40, updatable = false)
  private String field;

  @Column(name = "old_value", columnDefinition = "text", updatable = false)
  private String oldValue;

  @Column(name = "new_value", columnDefinition = "text", updatable = false)
  private String newValue;

  @Column(nullable = false, length = 100, updatable = false)
  private String actor;

  @Column(name = "changed_at", nullable = false, updatable = false)
  private Instant at;

  /** The BPMN step, {@code api} or {@code import}. */
  @Column(nullable = false, length = 80, updatable = false)
  private String via;

  @Column(name = "previous_hash", nullable = false, length = 64, updatable = false)
  private String previousHash;

  @Column(nullable = false, length = 64, updatable = false)
  private String hash;

  protected ChangeRecord() {}

  ChangeRecord(Long recommendationId, String field, String oldValue, String newValue, String actor, Instant at, String via,
      String previousHash) {
    this.recommendationId = recommendationId;
    this.field = field;
    this.oldValue = oldValue;
    this.newValue = newValue;
    this.actor = actor;
    this.at = at;
    this.via = via;
    this.previousHash = previousHash;
    this.hash = computeHash();
  }

  /** SHA-256 over the previous hash and the entry's content, each value length-prefixed so no two contents collide. */
  public String computeHash() {
    StringBuilder canonical = new StringBuilder();
    for (String part : new String[] {previousHash, String.valueOf(recommendationId), field, oldValue, newValue, actor,
        at == null ? null : String.valueOf(at.toEpochMilli()), via}) {
      canonical.append(part == null ? "-1:" : part.length() + ":" + part).append('|');
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  public Long getId() { return id; }
  public Long getRecommendationId() { return recommendationId; }
  public String getField() { return field; }
  public String getOldValue() { return oldValue; }
  public String getNewValue() { return newValue; }
  public String getActor() { return actor; }
  public Instant getAt() { return at; }
  public String getVia() { return via; }
  public String getPreviousHash() { return previousHash; }
  public String getHash() { return hash; }
}
