package com.rectify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.ChangeChainVerifier;
import com.rectify.recommendation.ChangeRecord;
import com.rectify.recommendation.ChangeRecordRepository;
import com.rectify.recommendation.Recommendation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Changes made through tasks are on the record: who, which step, old and new value. */
class ChangeRecordLifecycleTest extends LifecycleTestSupport {

  @Autowired ChangeRecordRepository records;
  @Autowired ChangeChainVerifier verifier;

  private List<ChangeRecord> after(Recommendation rec, long lastId) {
    return records.findByRecommendationIdOrderByIdAsc(rec.getId()).stream().filter(r -> r.getId() > lastId).toList();
  }

  private long lastId(Recommendation rec) {
    List<ChangeRecord> all = records.findByRecommendationIdOrderByIdAsc(rec.getId());
    return all.get(all.size() - 1).getId();
  }

  @Test
  void agreeingAndRevisingTheTargetDateAreRecordedWithTheStepAndThePerson() {
    Recommendation rec = newRecommendation("High");
    LocalDate target = LocalDate.now().plusMonths(3);
    long raised = lastId(rec);

    agree(rec, target);
    assertThat(after(rec, raised))
        .extracting(ChangeRecord::getField, ChangeRecord::getOldValue, ChangeRecord::getNewValue, ChangeRecord::getActor,
            ChangeRecord::getVia)
        .contains(
            tuple("agreedAction", null, "We will do it.", "olivia", LifecycleVariables.TASK_AGREE_ACTION),
            tuple("currentTargetDate", null, target.toString(), "olivia", LifecycleVariables.TASK_AGREE_ACTION),
            tuple("status", "AWAITING_AGREEMENT", "IN_IMPLEMENTATION", "olivia", LifecycleVariables.TASK_AGREE_ACTION));

    long agreed = lastId(rec);
    LocalDate later = target.plusMonths(2);
    complete(rec, "Task_ImplementAction", "olivia", "implementationStep", "REVISION_REQUESTED",
        "requestedTargetDate", later.toString(), "revisionReason", "Supplier delayed the system upgrade.");
    complete(rec, "Task_ApproveRevisedDate", "alice", "revisionDecision", "APPROVED");
    assertThat(after(rec, agreed))
        .extracting(ChangeRecord::getField, ChangeRecord::getOldValue, ChangeRecord::getNewValue, ChangeRecord::getActor)
        .containsExactly(tuple("currentTargetDate", target.toString(), later.toString(), "alice"));

    assertThat(verifier.verify()).containsEntry("valid", true);
  }
}
