package com.rectify.importing;

import com.rectify.audit.Audit;
import com.rectify.audit.AuditRepository;
import com.rectify.common.UkDates;
import com.rectify.importing.ImportResult.Outcome;
import com.rectify.importing.ImportResult.RowOutcome;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What a sheet holds, row by row, with every problem found; a real import writes its new rows. */
final class ImportPlan {

  /** Told of a row that repeats an earlier one. */
  interface Duplicate {
    void of(int firstRow, String key);
  }

  private static final Pattern REFERENCE_CHARACTERS = Pattern.compile("[^A-Za-z0-9 ._/-]+");

  private final AuditRepository audits;
  private final RecommendationRepository recommendations;
  final List<ImportProblem> problems = new ArrayList<>();
  final List<RowOutcome> rows = new ArrayList<>();
  final List<PlannedRow> planned = new ArrayList<>();
  final Map<String, AuditPlan> auditsByKey = new HashMap<>();
  final Map<ImportColumn, String> headings = new EnumMap<>(ImportColumn.class);
  int rowsRead;

  ImportPlan(AuditRepository audits, RecommendationRepository recommendations) {
    this.audits = audits;
    this.recommendations = recommendations;
  }

  /** The heading of a column as the sheet wrote it, so that problems name what the user sees. */
  String heading(ImportColumn column) {
    return headings.getOrDefault(column, column.label());
  }
  int skipped;

  int errorCount() {
    return (int) problems.stream().filter(ImportProblem::isError).count();
  }

  void skip(SheetRow row, String why) {
    problems.add(ImportProblem.warning(row.number(), null, why));
    rows.add(new RowOutcome(row.number(), Outcome.SKIPPED, null, null, null, null, null, null, null));
    skipped++;
  }

  /** The audit a row names: an audit already in the register (by reference or title), or a new one. */
  AuditPlan audit(String written, String title, String service) {
    String reference = REFERENCE_CHARACTERS.matcher(written).replaceAll(" ").replaceAll("\\s+", " ").trim();
    if (reference.length() > 60) {
      reference = reference.substring(0, 60).trim();
    }
    String key = reference.toLowerCase(Locale.UK);
    AuditPlan known = auditsByKey.get(key);
    if (known != null) {
      return known;
    }
    Audit existing = audits.findByReference(reference)
        .or(() -> audits.findFirstByTitleIgnoreCase(title))
        .orElse(null);
    String cleanTitle = title.length() > 300 ? title.substring(0, 300) : title;
    AuditPlan plan = new AuditPlan(existing != null ? existing.getReference() : reference, cleanTitle, service, existing, recommendations);
    auditsByKey.put(key, plan);
    return plan;
  }

  void identify(PlannedRow p, Duplicate duplicate) {
    AuditPlan a = p.audit;
    String key = p.reference != null ? "reference " + p.reference : "text";
    String lookup = p.reference != null ? "ref:" + p.reference.toLowerCase(Locale.UK) : "text:" + ImportPlanner.identityText(p.text);
    Integer first = a.plannedKeys.putIfAbsent(lookup, p.row);
    if (first != null) {
      duplicate.of(first, "same audit and " + key);
      rows.add(new RowOutcome(p.row, Outcome.ERROR, a.reference, p.reference, p.grade.label(), p.leadOfficer, null, null, ImportPlanner.excerpt(p.text)));
      return;
    }
    Recommendation existing = p.reference != null ? a.byReference.get(p.reference.toLowerCase(Locale.UK)) : a.byText.get(ImportPlanner.identityText(p.text));
    if (existing != null) {
      rows.add(new RowOutcome(p.row, Outcome.ALREADY_PRESENT, a.reference, existing.getReference(), existing.getGrade().label(),
          existing.getLeadOfficer(), UkDates.display(existing.getCurrentTargetDate()), existing.getStatus().name(), ImportPlanner.excerpt(p.text)));
      planned.add(p);
      return;
    }
    if (p.reference == null) {
      p.reference = String.valueOf(++a.lastNumber);
    }
    p.isNew = true;
    planned.add(p);
    RecommendationStatus status = p.complete ? RecommendationStatus.CLOSED_IMPLEMENTED
        : (p.agreedAction != null || p.targetDate != null) ? RecommendationStatus.IN_IMPLEMENTATION
        : RecommendationStatus.AWAITING_AGREEMENT;
    rows.add(new RowOutcome(p.row, Outcome.NEW, a.reference, p.reference, p.grade.label(), p.leadOfficer,
        UkDates.display(p.targetDate), status.name(), ImportPlanner.excerpt(p.text),
        UkDates.display(p.currentTargetDate()), p.revisions.stream().map(ImportPlan::inWords).toList()));
  }

  ImportResult result(ImportRequest request, boolean written) {
    int created = (int) rows.stream().filter(r -> r.outcome() == Outcome.NEW).count();
    int present = (int) rows.stream().filter(r -> r.outcome() == Outcome.ALREADY_PRESENT).count();
    int warnings = problems.size() - errorCount();
    return new ImportResult(request.fileName(), request.dryRun(), written, rowsRead, created, present, skipped,
        errorCount(), warnings, rows, problems);
  }

  /** "31/03/2024 to 31/07/2024 (July 2024)": one revision read from a row's text. */
  private static String inWords(RevisedDates.Step step) {
    return UkDates.display(step.oldDate()) + " to " + UkDates.display(step.newDate())
        + (step.cycle() == null ? "" : " (" + step.cycle() + ")");
  }
}
