package com.rectify.importing;

import com.rectify.audit.Audit;
import com.rectify.audit.AuditRepository;
import com.rectify.common.TextSanitizer;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.cycle.CurrentCycle;
import com.rectify.cycle.ReportingCycle;
import com.rectify.importing.ImportResult.Outcome;
import com.rectify.importing.ImportResult.RowOutcome;
import com.rectify.lifecycle.LifecycleVariables;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.GradeScheme;
import com.rectify.recommendation.LeadOfficers;
import com.rectify.recommendation.ProgressUpdate;
import com.rectify.recommendation.ProgressUpdateRepository;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.StatusHistory;
import com.rectify.web.ApiException;
import com.rectify.web.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a council's tracker as it is. First every row is read and checked without writing anything; a dry
 * run stops there. A real import then writes all rows in one transaction, or none when any row has an
 * error. A row already in the register (same audit and reference, or same audit and recommendation text)
 * is left alone, so importing the same file twice changes nothing.
 */
@Service
public class ImportService {

  public static final String VIA = "import";
  private static final Pattern YEAR = Pattern.compile("\\b(19\\d{2}|20\\d{2})\\b");
  private static final Pattern REFERENCE_CHARACTERS = Pattern.compile("[^A-Za-z0-9 ._/-]+");
  private static final int HEADER_SEARCH_ROWS = 30;
  private static final int FLUSH_EVERY = 200;

  private final SheetReader reader;
  private final ImportProperties properties;
  private final GradeScheme grades;
  private final LeadOfficers leadOfficers;
  private final AuditRepository audits;
  private final RecommendationRepository recommendations;
  private final ProgressUpdateRepository updates;
  private final StatusHistory history;
  private final CurrentCycle currentCycle;
  private final RuntimeService runtimeService;
  private final Today today;
  private final jakarta.persistence.EntityManager entityManager;
  private final Map<String, ImportColumn> aliases = new HashMap<>();

  public ImportService(SheetReader reader, ImportProperties properties, GradeScheme grades, LeadOfficers leadOfficers,
      AuditRepository audits, RecommendationRepository recommendations, ProgressUpdateRepository updates,
      StatusHistory history, CurrentCycle currentCycle, RuntimeService runtimeService, Today today,
      jakarta.persistence.EntityManager entityManager) {
    this.entityManager = entityManager;
    this.reader = reader;
    this.properties = properties;
    this.grades = grades;
    this.leadOfficers = leadOfficers;
    this.audits = audits;
    this.recommendations = recommendations;
    this.updates = updates;
    this.history = history;
    this.currentCycle = currentCycle;
    this.runtimeService = runtimeService;
    this.today = today;
    for (ImportColumn column : ImportColumn.values()) {
      aliases.put(normalise(column.name()), column);
      aliases.put(normalise(column.label()), column);
    }
    properties.columns().forEach((column, words) -> words.forEach(word -> aliases.put(normalise(word), column)));
  }

  static String normalise(String heading) {
    return heading == null ? "" : heading.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]", "");
  }

  @Transactional
  public ImportResult run(ImportRequest request) {
    Plan plan = plan(request);
    if (request.dryRun()) {
      return plan.result(request, false);
    }
    if (plan.errorCount() > 0) {
      List<FieldProblem> errors = plan.problems.stream().filter(ImportProblem::isError)
          .map(p -> new FieldProblem(p.field(), p.message())).toList();
      throw ApiException.badRequest(errors);
    }
    write(plan, request);
    return plan.result(request, true);
  }

  // ---------------------------------------------------------------- reading and checking

  private Plan plan(ImportRequest request) {
    Plan plan = new Plan();
    Grade defaultGrade = null;
    if (request.defaultGrade() != null && !request.defaultGrade().isBlank()) {
      defaultGrade = grades.parse(request.defaultGrade()).orElseThrow(() -> ApiException.of(HttpStatus.BAD_REQUEST,
          "defaultGrade", "Unknown grade '" + request.defaultGrade().trim() + "' in parameter defaultGrade."));
    }
    String service = request.service() == null || request.service().isBlank() ? properties.defaultService() : request.service().trim();
    if (!service.matches("[a-z0-9-]{1,40}")) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "service", "Parameter service must be a service code in lower case, e.g. finance.");
    }
    String auditParameter = blankToNull(request.audit());
    if (auditParameter != null && (auditParameter.length() > 60 || !auditParameter.matches("[A-Za-z0-9][A-Za-z0-9 ._/-]*"))) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "audit", "Parameter audit must be a reference of letters, digits, spaces and . _ / - (at most 60).");
    }
    List<SheetRow> rows = reader.read(request.fileName(), request.bytes(), request.sheet());

    // Find the header: the first row, near the top, naming a recommendation column and at least one other.
    int headerIndex = -1;
    Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
    Map<Integer, String> extras = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(rows.size(), HEADER_SEARCH_ROWS) && headerIndex < 0; i++) {
      Map<ImportColumn, Integer> found = new EnumMap<>(ImportColumn.class);
      List<String> cells = rows.get(i).cells();
      for (int c = 0; c < cells.size(); c++) {
        ImportColumn column = aliases.get(normalise(cells.get(c)));
        if (column != null) {
          found.putIfAbsent(column, c);
        }
      }
      if (found.containsKey(ImportColumn.RECOMMENDATION) && found.size() >= 2) {
        headerIndex = i;
        columns = found;
        found.forEach((column, c) -> plan.headings.put(column, cells.get(c).trim()));
        for (int c = 0; c < cells.size(); c++) {
          if (!cells.get(c).isBlank() && !columns.containsValue(c)) {
            extras.put(c, cells.get(c).trim());
          }
        }
      }
    }
    if (headerIndex < 0) {
      plan.problems.add(ImportProblem.error(null, ImportColumn.RECOMMENDATION.label(), "No heading row with a recommendation column "
          + "was found in the first " + HEADER_SEARCH_ROWS + " rows; headings are matched ignoring case, spaces and punctuation, "
          + "with the aliases in rectify.import.columns."));
      return plan;
    }
    int headerRow = rows.get(headerIndex).number();
    if (!columns.containsKey(ImportColumn.AUDIT) && auditParameter == null) {
      plan.problems.add(ImportProblem.error(headerRow, ImportColumn.AUDIT.label(), "The sheet has no audit column: give the audit "
          + "reference with the 'audit' parameter (and its title with 'auditTitle')."));
    }
    if (!columns.containsKey(ImportColumn.GRADE) && defaultGrade == null) {
      plan.problems.add(ImportProblem.error(headerRow, ImportColumn.GRADE.label(), "The sheet has no grade column: give the grade "
          + "of its recommendations with the 'defaultGrade' parameter."));
    }
    if (!columns.containsKey(ImportColumn.LEAD_OFFICER) && blankToNull(request.leadOfficer()) == null) {
      plan.problems.add(ImportProblem.error(headerRow, ImportColumn.LEAD_OFFICER.label(), "The sheet has no lead officer column: "
          + "name the lead officer with the 'leadOfficer' parameter."));
    }
    for (String heading : extras.values()) {
      plan.problems.add(ImportProblem.warning(headerRow, heading, "Column not recognised; its text is kept as a progress note."));
    }
    if (plan.errorCount() > 0) {
      return plan;
    }
    List<String> headerKey = rows.get(headerIndex).cells().stream().map(ImportService::normalise).toList();

    for (SheetRow row : rows.subList(headerIndex + 1, rows.size())) {
      if (row.isBlank()) {
        plan.skipped++;
        continue;
      }
      plan.rowsRead++;
      if (row.cells().stream().map(ImportService::normalise).toList().equals(headerKey)) {
        plan.skip(row, "The heading row repeated; skipped.");
        continue;
      }
      planRow(plan, row, columns, extras, request, auditParameter, service, defaultGrade);
    }
    if (plan.rowsRead > properties.maxRows()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file", "The sheet has " + plan.rowsRead + " rows; the limit is " + properties.maxRows() + ".");
    }
    return plan;
  }

  private void planRow(Plan plan, SheetRow row, Map<ImportColumn, Integer> columns, Map<Integer, String> extras,
      ImportRequest request, String auditParameter, String service, Grade defaultGrade) {
    int n = row.number();
    int errorsBefore = plan.errorCount();
    String[] headings = new String[row.cells().size()];
    for (int c = 0; c < row.cells().size(); c++) {
      if (row.cell(c).length() > properties.maxCellCharacters()) {
        plan.problems.add(ImportProblem.error(n, headingOf(c, columns, extras), "The cell holds " + row.cell(c).length()
            + " characters; the limit is " + properties.maxCellCharacters() + "."));
      }
    }
    if (plan.errorCount() > errorsBefore) {
      plan.rows.add(new RowOutcome(n, Outcome.ERROR, null, null, null, null, null, null, null));
      return;
    }
    String recommendationCell = cell(row, columns, ImportColumn.RECOMMENDATION);
    if (row.filledCells() == 1 && !recommendationCell.isBlank() && recommendationCell.trim().split("\\s+").length < 5) {
      plan.skip(row, "Only '" + recommendationCell.trim() + "' in this row: read as a section heading and skipped.");
      return;
    }
    Planned p = new Planned(n);
    String recommendationText = TextSanitizer.formatted(recommendationCell);
    if (TextSanitizer.plain(recommendationCell).isBlank()) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.RECOMMENDATION), "The row has no recommendation text."));
    }
    p.text = recommendationText;
    p.finding = blankToNull(TextSanitizer.formatted(cell(row, columns, ImportColumn.FINDING)));
    p.agreedAction = blankToNull(TextSanitizer.formatted(cell(row, columns, ImportColumn.AGREED_ACTION)));
    p.progress = blankToNull(TextSanitizer.formatted(cell(row, columns, ImportColumn.PROGRESS)));

    // Audit
    String auditCell = blankToNull(TextSanitizer.plain(cell(row, columns, ImportColumn.AUDIT)));
    if (auditCell == null && auditParameter == null) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.AUDIT), "The row names no audit, and no 'audit' parameter was given."));
    } else {
      p.audit = plan.audit(auditCell != null ? auditCell : auditParameter,
          auditCell != null ? auditCell : Optional.ofNullable(blankToNull(request.auditTitle())).orElse(auditParameter), service);
      if (p.audit.reference.isBlank()) {
        plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.AUDIT), "'" + auditCell + "' gives no usable audit reference."));
      }
    }

    // Grade
    String gradeCell = TextSanitizer.plain(cell(row, columns, ImportColumn.GRADE));
    if (!gradeCell.isBlank()) {
      Optional<Grade> grade = grades.parse(gradeCell);
      if (grade.isEmpty()) {
        plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.GRADE), "Unknown grade '" + gradeCell
            + "'; use one of the configured grades or their aliases (rectify.grades.aliases)."));
      }
      p.grade = grade.orElse(null);
      p.gradeAsWritten = gradeCell.length() > 60 ? gradeCell.substring(0, 60) : gradeCell;
    } else if (defaultGrade != null) {
      p.grade = defaultGrade;
      p.gradeAsWritten = request.defaultGrade().trim();
    } else {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.GRADE), "The row has no grade, and no 'defaultGrade' parameter was given."));
    }

    // Lead officer(s), kept as written
    String officer = TextSanitizer.plain(cell(row, columns, ImportColumn.LEAD_OFFICER));
    if (officer.isBlank()) {
      officer = Optional.ofNullable(blankToNull(request.leadOfficer())).map(TextSanitizer::plain).orElse("");
    }
    if (officer.isBlank()) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.LEAD_OFFICER), "The row names no lead officer, and no 'leadOfficer' parameter was given."));
    } else if (officer.length() > 400) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.LEAD_OFFICER), "The lead officer is longer than 400 characters."));
    }
    p.leadOfficer = officer.replaceAll("\\s+", " ");

    // Reference
    String reference = blankToNull(TextSanitizer.plain(cell(row, columns, ImportColumn.REFERENCE)));
    if (reference != null && reference.length() > 40) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.REFERENCE), "The reference is longer than 40 characters."));
    }
    p.reference = reference;

    // Target date and completion
    String dateCell = cell(row, columns, ImportColumn.TARGET_DATE);
    DateCell date = DateCell.read(dateCell, properties.completionMarkers(), properties.undatedWords());
    String dateColumn = plan.heading(ImportColumn.TARGET_DATE);
    if (date.error() != null) {
      plan.problems.add(ImportProblem.error(n, dateColumn, date.error()));
    } else {
      if (date.warning() != null) {
        plan.problems.add(ImportProblem.warning(n, dateColumn, date.warning()));
        p.notes.add("Target date as written in the imported sheet: " + dateCell.trim());
      }
      p.targetDate = date.date();
      p.completedOn = date.complete() ? date.date() : null;
      p.complete = date.complete() || isCompletionMarker(TextSanitizer.plain(cell(row, columns, ImportColumn.PROGRESS)));
      Integer auditYear = p.audit == null ? null : p.audit.year;
      if (p.targetDate != null && auditYear != null && Math.abs(p.targetDate.getYear() - auditYear) > properties.plausibleYears()) {
        plan.problems.add(ImportProblem.warning(n, dateColumn, "Target date " + UkDates.display(p.targetDate)
            + " is more than " + properties.plausibleYears() + " years from the audit's year (" + auditYear + "); check it."));
      }
    }
    for (Map.Entry<Integer, String> extra : extras.entrySet()) {
      String value = TextSanitizer.plain(row.cell(extra.getKey()));
      if (!value.isBlank()) {
        p.notes.add(extra.getValue() + " (from the imported sheet): " + value);
      }
    }

    if (plan.errorCount() > errorsBefore) {
      plan.rows.add(new RowOutcome(n, Outcome.ERROR, p.audit == null ? null : p.audit.reference, reference,
          p.grade == null ? null : p.grade.label(), p.leadOfficer, null, null, excerpt(p.text)));
      return;
    }
    plan.identify(p, (first, key) -> plan.problems.add(ImportProblem.error(n, plan.heading(reference != null
        ? ImportColumn.REFERENCE : ImportColumn.RECOMMENDATION), "The same recommendation as row " + first + " (" + key + ").")));
  }

  private static String headingOf(int c, Map<ImportColumn, Integer> columns, Map<Integer, String> extras) {
    for (Map.Entry<ImportColumn, Integer> e : columns.entrySet()) {
      if (e.getValue() == c) {
        return e.getKey().label();
      }
    }
    return extras.getOrDefault(c, "column " + (c + 1));
  }

  private boolean isCompletionMarker(String progress) {
    String bare = progress == null ? "" : progress.replaceAll("[\\s.!]+$", "").trim();
    return properties.completionMarkers().stream().anyMatch(bare::equalsIgnoreCase);
  }

  private static String cell(SheetRow row, Map<ImportColumn, Integer> columns, ImportColumn column) {
    Integer index = columns.get(column);
    return index == null ? "" : row.cell(index);
  }


  // ---------------------------------------------------------------- writing

  private void write(Plan plan, ImportRequest request) {
    String actor = request.actor();
    Instant now = today.now().toInstant();
    ReportingCycle cycle = currentCycle.orNull();
    int written = 0;
    for (Planned p : plan.planned) {
      if (!p.isNew) {
        continue;
      }
      if (++written % FLUSH_EVERY == 0) {
        // Every query the process steps make flushes the persistence context, checking each entity in it:
        // keeping it small keeps a large sheet's import linear. Everything stays in the one transaction.
        entityManager.flush();
        entityManager.clear();
        cycle = cycle == null ? null : entityManager.getReference(ReportingCycle.class, cycle.getId());
      }
      AuditPlan auditPlan = p.audit;
      if (auditPlan.entity == null) {
        auditPlan.entity = audits.save(new Audit(auditPlan.reference, auditPlan.title, auditPlan.service, null, actor));
      }
      Recommendation recommendation = new Recommendation(auditPlan.entity, p.reference, p.text, p.grade, p.leadOfficer,
          auditPlan.entity.getService());
      recommendation.setFinding(p.finding);
      recommendation.setGradeAsWritten(p.gradeAsWritten);
      recommendation.setLeadOfficerLogins(leadOfficers.loginsOf(p.leadOfficer));
      boolean agreed = p.agreedAction != null || p.targetDate != null;
      if (agreed) {
        recommendation.agreeAction(p.agreedAction, p.targetDate);
      }
      recommendations.save(recommendation);
      String source = "Imported from '" + request.fileName() + "', row " + p.row + ", by " + actor + ".";
      Instant closedAt = p.complete && p.completedOn != null && p.completedOn.isBefore(today.date())
          ? p.completedOn.atTime(12, 0).atZone(Today.LONDON).toInstant()
          : now;
      // A recommendation the sheet closed in the past is raised just before, so its history reads in order.
      history.recordRaisedAsOf(recommendation, actor, VIA, source, closedAt.equals(now) ? now : closedAt.minusSeconds(1));
      for (String note : p.notes) {
        updates.save(new ProgressUpdate(recommendation.getId(), note, actor, now, cycle));
      }
      if (p.progress != null) {
        updates.save(new ProgressUpdate(recommendation.getId(), p.progress, actor, now, cycle));
      }
      if (p.complete) {
        recommendation.setClosureReason("The imported sheet records the action as complete.");
        history.recordAsOf(recommendation, RecommendationStatus.CLOSED_IMPLEMENTED, actor, VIA, source
            + (closedAt.equals(now) ? " The sheet says complete." : " The sheet says complete on " + UkDates.display(p.completedOn) + "."),
            closedAt);
      } else if (agreed) {
        history.record(recommendation, RecommendationStatus.IN_IMPLEMENTATION, actor, VIA, source + " The sheet records an agreed action.");
        runtimeService.createProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS)
            .businessKey(recommendation.getBusinessKey())
            .setVariable(LifecycleVariables.RECOMMENDATION_ID, recommendation.getId())
            .setVariable(LifecycleVariables.GRADE, recommendation.getGrade().name())
            .setVariable(LifecycleVariables.AGREEMENT, LifecycleVariables.Agreement.AGREED.name())
            .startBeforeActivity(LifecycleVariables.TASK_IMPLEMENT_ACTION)
            .execute();
      } else {
        runtimeService.startProcessInstanceByKey(LifecycleVariables.LIFECYCLE_PROCESS, recommendation.getBusinessKey(),
            Map.of(LifecycleVariables.RECOMMENDATION_ID, recommendation.getId()));
      }
    }
  }

  // ---------------------------------------------------------------- plan state

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String excerpt(String text) {
    String plain = text == null ? "" : TextSanitizer.plain(text).replaceAll("\\s+", " ");
    return plain.length() > 120 ? plain.substring(0, 117) + "…" : plain;
  }

  static String identityText(String text) {
    return TextSanitizer.plain(text == null ? "" : text).replaceAll("\\s+", " ").toLowerCase(Locale.UK).trim();
  }

  static Integer yearIn(String text) {
    Matcher m = YEAR.matcher(text == null ? "" : text);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private final class AuditPlan {
    final String reference;
    final String title;
    final String service;
    final Integer year;
    Audit entity;
    final Map<String, Recommendation> byReference = new HashMap<>();
    final Map<String, Recommendation> byText = new HashMap<>();
    final Map<String, Integer> plannedKeys = new HashMap<>();
    int lastNumber;

    AuditPlan(String reference, String title, String service, Audit entity) {
      this.reference = reference;
      this.title = title;
      this.service = entity != null ? entity.getService() : service;
      this.entity = entity;
      Integer y = entity != null && entity.getReportIssuedOn() != null ? Integer.valueOf(entity.getReportIssuedOn().getYear()) : null;
      this.year = y != null ? y : Optional.ofNullable(yearIn(title)).orElse(yearIn(reference));
      if (entity != null) {
        for (Recommendation r : recommendations.findByAuditIdOrderByIdAsc(entity.getId())) {
          byReference.put(r.getReference().toLowerCase(Locale.UK), r);
          byText.put(identityText(r.getText()), r);
          if (r.getReference().matches("\\d{1,6}")) {
            lastNumber = Math.max(lastNumber, Integer.parseInt(r.getReference()));
          }
        }
      }
    }
  }

  private static final class Planned {
    final int row;
    AuditPlan audit;
    String reference;
    String text;
    String finding;
    Grade grade;
    String gradeAsWritten;
    String leadOfficer;
    String agreedAction;
    LocalDate targetDate;
    boolean complete;
    /** The date the sheet gives beside its completion marker ("23/05/2024 Complete"), if any. */
    LocalDate completedOn;
    String progress;
    final List<String> notes = new ArrayList<>();
    boolean isNew;

    Planned(int row) {
      this.row = row;
    }
  }

  private interface Duplicate {
    void of(int firstRow, String key);
  }

  private final class Plan {
    final List<ImportProblem> problems = new ArrayList<>();
    final List<RowOutcome> rows = new ArrayList<>();
    final List<Planned> planned = new ArrayList<>();
    final Map<String, AuditPlan> auditsByKey = new HashMap<>();
    final Map<ImportColumn, String> headings = new EnumMap<>(ImportColumn.class);
    int rowsRead;

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
      AuditPlan plan = new AuditPlan(existing != null ? existing.getReference() : reference, cleanTitle, service, existing);
      auditsByKey.put(key, plan);
      return plan;
    }

    void identify(Planned p, Duplicate duplicate) {
      AuditPlan a = p.audit;
      String key = p.reference != null ? "reference " + p.reference : "text";
      String lookup = p.reference != null ? "ref:" + p.reference.toLowerCase(Locale.UK) : "text:" + identityText(p.text);
      Integer first = a.plannedKeys.putIfAbsent(lookup, p.row);
      if (first != null) {
        duplicate.of(first, "same audit and " + key);
        rows.add(new RowOutcome(p.row, Outcome.ERROR, a.reference, p.reference, p.grade.label(), p.leadOfficer, null, null, excerpt(p.text)));
        return;
      }
      Recommendation existing = p.reference != null ? a.byReference.get(p.reference.toLowerCase(Locale.UK)) : a.byText.get(identityText(p.text));
      if (existing != null) {
        rows.add(new RowOutcome(p.row, Outcome.ALREADY_PRESENT, a.reference, existing.getReference(), existing.getGrade().label(),
            existing.getLeadOfficer(), UkDates.display(existing.getCurrentTargetDate()), existing.getStatus().name(), excerpt(p.text)));
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
          UkDates.display(p.targetDate), status.name(), excerpt(p.text)));
    }

    ImportResult result(ImportRequest request, boolean written) {
      int created = (int) rows.stream().filter(r -> r.outcome() == Outcome.NEW).count();
      int present = (int) rows.stream().filter(r -> r.outcome() == Outcome.ALREADY_PRESENT).count();
      int warnings = problems.size() - errorCount();
      return new ImportResult(request.fileName(), request.dryRun(), written, rowsRead, created, present, skipped,
          errorCount(), warnings, rows, problems);
    }
  }
}
