package com.rectify.recommendation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that holds the hash of the last entry; appends lock it, so the chain stays linear. */
@Entity
@Table(name = "change_chain_head")
public class ChangeChainHead {

  static final long ID = 1L;

  @Id
  private Long id;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  @Column(nullable = false)
  private long entries;

  protected ChangeChainHead() {}

  void advance(String hash) {
    advance(hash, 1);
  }

  void advance(String hash, long appended) {
    this.lastHash = hash;
    this.entries += appended;
  }

  public String getLastHash() { return lastHash; }
  public long getEntries() { return entries; }
}
