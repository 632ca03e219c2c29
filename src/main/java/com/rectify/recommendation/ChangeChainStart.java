package com.rectify.recommendation;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Puts the chain head in place before anything can append, so two first appends cannot both create it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChangeChainStart implements ApplicationRunner {

  private final ChangeChainHeadRepository heads;
  private final TransactionTemplate transaction;

  ChangeChainStart(ChangeChainHeadRepository heads, TransactionTemplate transaction) {
    this.heads = heads;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    transaction.executeWithoutResult(status -> {
      if (heads.findById(ChangeChainHead.ID).isEmpty()) {
        heads.save(new ChangeChainHead(ChangeRecord.GENESIS));
      }
    });
  }
}
