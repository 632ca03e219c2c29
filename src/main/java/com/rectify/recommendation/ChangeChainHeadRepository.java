package com.rectify.recommendation;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface ChangeChainHeadRepository extends Repository<ChangeChainHead, Long> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select h from ChangeChainHead h where h.id = :id")
  Optional<ChangeChainHead> lockById(@Param("id") Long id);

  Optional<ChangeChainHead> findById(Long id);
}
