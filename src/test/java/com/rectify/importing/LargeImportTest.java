package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import com.rectify.recommendation.RecommendationRepository;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A large sheet, dry run and real import in one transaction, at the test JVM's default heap; prints how long
 * each took. The suite runs 1,000 rows; set ROWS to 10_000 to measure the case (about 3 minutes for
 * the real import on a shared 2-core machine; the dry run is the import rolled back, and takes as long).
 */
@RectifyApplicationTest
class LargeImportTest {

  static final int ROWS = 1_000;

  @Autowired ImportService imports;
  @Autowired DemoUsers demoUsers;
  @Autowired RecommendationRepository recommendations;
  @Autowired RuntimeService runtimeService;

  @Test
  void aLargeSheetImportsInOneGo() {
    demoUsers.ensure();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    StringBuilder csv = new StringBuilder("Audit,Ref,Recommendation,Grade,Officer Responsible,Target Date,Agreed Action,Progress\n");
    for (int i = 0; i < ROWS; i++) {
      String target = i % 10 == 0 ? "" : i % 10 == 1 ? "31/03/2024 Complete" : "30/06/2026";
      String action = i % 10 == 0 ? "" : "\"<p>Agreed: action " + i + " &amp; follow-up.</p>\"";
      csv.append("LARGE-").append(tag).append('-').append(i / 100).append(" 2025,").append(i % 100 + 1)
          .append(",\"Recommendation number ").append(i).append(", with enough words to look like a real one.\",")
          .append(new String[] {"High", "Medium", "Low", "Essential"}[i % 4]).append(",Head of Service ").append(i % 7)
          .append(',').append(target).append(',').append(action).append(",Update for quarter ").append(i % 4 + 1).append('\n');
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    long recommendationsBefore = recommendations.count();

    long start = System.nanoTime();
    ImportResult dry = imports.run(new ImportRequest("large.csv", bytes, true, null, null, null, null, null, null, "helen"));
    long dryMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(dry.errorCount()).isZero();
    assertThat(dry.created()).isEqualTo(ROWS);
    assertThat(recommendations.count()).isEqualTo(recommendationsBefore);

    start = System.nanoTime();
    ImportResult real = imports.run(new ImportRequest("large.csv", bytes, false, null, null, null, null, null, null, "helen"));
    long realMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(real.created()).isEqualTo(ROWS);
    assertThat(recommendations.count()).isEqualTo(recommendationsBefore + ROWS);
    System.out.printf("LargeImportTest: %d rows (%d KB), max heap %d MB: dry run %d ms, import %d ms%n", ROWS,
        bytes.length / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024), dryMillis, realMillis);
  }
}
