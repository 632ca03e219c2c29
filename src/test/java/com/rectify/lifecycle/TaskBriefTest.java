package com.rectify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.rectify.audit.Audit;
import com.rectify.common.LifecycleVariables;
import com.rectify.raising.NewAudit;
import com.rectify.raising.NewAudit.NewRecommendation;
import com.rectify.recommendation.Recommendation;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The brief a task's form shows, as the engine holds it for a real task: narratives stored as sanitized HTML read
 * as words (no entity, no tag), and a very long one is cut short with a pointer to the recommendation page, so
 * the brief stays short enough to read and to store.
 */
class TaskBriefTest extends LifecycleTestSupport {

  private static final String PARAGRAPH = "The committee noted that the reconciliation of the Council's suppliers' ledger was not done. ";

  @Autowired TaskBrief taskBrief;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void anImportedNarrativeReadsAsWordsNotMarkup() {
    Recommendation rec = raise("<p>The Council's ledger &amp; payroll must be reconciled.</p>"
        + "<ul><li>Reconcile monthly</li><li>Floor area of 10 m<sup>2</sup></li></ul><p>Line one<br>line two</p>",
        "<p>Finding: &quot;no reconciliation&quot;</p>");
    assertThat(rec.getText()).as("stored as sanitized HTML").contains("&#39;", "<p>");

    String brief = briefOf(rec, LifecycleVariables.TASK_AGREE_ACTION);
    assertThat(brief).contains("The Council's ledger & payroll must be reconciled\\.\n\n- Reconcile monthly\n- Floor area of 10 m2")
        .contains("Line one\nline two").contains("Finding: \"no reconciliation\"")
        .doesNotContain("&#39;", "&quot;", "&amp;", "<p>", "<li>", "<sup>", "<br>");

    complete(rec, LifecycleVariables.TASK_AGREE_ACTION, "olivia", "agreement", "AGREED",
        "agreedAction", "We'll reconcile <b>every</b> month.", "targetDate", LocalDate.now().plusMonths(3).toString());
    assertThat(briefOf(rec, LifecycleVariables.TASK_IMPLEMENT_ACTION)).contains("**Agreed action**\n\nWe'll reconcile every month\\.")
        .doesNotContain("&#39;", "<b>");
  }

  @Test
  void aLongNarrativeIsCutShortWithAPointerToTheRecommendationPage() {
    // Raised through the engine: its task is created with the brief (a String variable) stored.
    Recommendation rec = raise("<p>" + PARAGRAPH.repeat(12_000 / PARAGRAPH.length() + 1) + "</p>", null);
    assertCutShort(briefOf(rec, LifecycleVariables.TASK_AGREE_ACTION), "**Recommendation**", rec);
  }

  @Test
  void aFiftyThousandCharacterNarrativeStillMakesAShortBrief() {
    Recommendation raised = raise("Reconcile the ledger.", null);
    // Composed for the recommendation as read in a transaction that is then rolled back: the register keeps its finding.
    String brief = new TransactionTemplate(transactions).execute(status -> {
      status.setRollbackOnly();
      Recommendation rec = recommendations.findById(raised.getId()).orElseThrow();
      rec.setFinding("<p>" + PARAGRAPH.repeat(50_000 / PARAGRAPH.length() + 1) + "</p>");
      assertThat(rec.getFinding().length()).isGreaterThan(50_000);
      return taskBrief.compose(rec, LifecycleVariables.TASK_AGREE_ACTION);
    });
    assertCutShort(brief, "**Finding**", raised);
  }

  private static void assertCutShort(String brief, String heading, Recommendation rec) {
    assertThat(brief.length()).as("the brief's length").isLessThan(4_000);
    String section = brief.substring(brief.indexOf(heading), brief.indexOf("**Evidence**")).strip();
    assertThat(section).endsWith("… \\(the full text is on the recommendation page\\)\n\n"
        + "[Read it in full on the recommendation page](/recommendations/" + rec.getId() + ")");
    String shown = section.substring(heading.length(), section.indexOf("…")).strip().replace("\\", "");
    assertThat(shown).hasSizeBetween(BriefText.NARRATIVE_LIMIT - 20, BriefText.NARRATIVE_LIMIT);
    assertThat(PARAGRAPH.repeat(20)).as("the first words, cut at a word boundary").contains(shown + " ");
  }

  private Recommendation raise(String text, String finding) {
    String reference = "TB-" + UUID.randomUUID().toString().substring(0, 8);
    Audit audit = auditService.create(new NewAudit(reference, "Brief " + reference, "finance", LocalDate.now(),
        List.of(new NewRecommendation("1", text, finding, "High", "Olivia Officer", null))), "helen");
    return recommendations.findByAuditIdOrderByIdAsc(audit.getId()).get(0);
  }

  private String briefOf(Recommendation rec, String taskKey) {
    return (String) taskService.getVariableLocal(task(rec, taskKey).getId(), LifecycleVariables.TASK_BRIEF);
  }
}
