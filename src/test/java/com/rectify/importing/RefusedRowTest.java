package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rectify.RectifyApplicationTest;
import com.rectify.common.ApiException;
import com.rectify.common.LifecycleVariables;
import com.rectify.demo.DemoUsers;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dry run is the import rolled back: when the process engine refuses a row the planner found no fault with,
 * the dry run says so, naming the row, exactly as the import would, and neither writes anything.
 */
@RectifyApplicationTest
class RefusedRowTest {

  @Autowired ImportService imports;
  @Autowired RecommendationRepository recommendations;
  @Autowired RepositoryService repositoryService;
  @Autowired DemoUsers demoUsers;

  @Test
  void whatTheEngineRefusesTheDryRunRefusesByRowAndNothingIsWritten() {
    demoUsers.ensure();
    String audit = "REF-" + UUID.randomUUID().toString().substring(0, 6);
    byte[] sheet = ("Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action\n"
        + "1,Keep the cash book.,High,Olivia Officer,31/03/2030,Kept weekly\n").getBytes(StandardCharsets.UTF_8);
    long before = recommendations.count();
    // The engine refuses to start a lifecycle while its definition is suspended: a refusal the checks cannot foresee.
    repositoryService.suspendProcessDefinitionByKey(LifecycleVariables.LIFECYCLE_PROCESS);
    try {
      ImportResult dry = imports.run(new ImportRequest("cash.csv", sheet, true, audit, "Cash", "finance", null, null, null, "helen"));
      assertThat(dry.errorCount()).isEqualTo(1);
      assertThat(dry.problems()).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("row 2");
        assertThat(p.message()).startsWith("Row 2 could not be written, so nothing was imported.").contains("suspended");
      });
      assertThatThrownBy(() -> imports.run(new ImportRequest("cash.csv", sheet, false, audit, "Cash", "finance", null, null,
          null, "helen")))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getProblems()).singleElement()
              .satisfies(p -> assertThat(p.field()).isEqualTo("row 2")));
      assertThat(recommendations.count()).isEqualTo(before);
    } finally {
      repositoryService.activateProcessDefinitionByKey(LifecycleVariables.LIFECYCLE_PROCESS);
    }
    ImportResult real = imports.run(new ImportRequest("cash.csv", sheet, false, audit, "Cash", "finance", null, null, null, "helen"));
    assertThat(real.written()).isTrue();
    assertThat(recommendations.findByBusinessKey(audit + "/1")).isPresent();
  }
}
