package com.rectify.importing;

import com.rectify.audit.AuditRepository;
import com.rectify.common.TextSanitizer;
import com.rectify.common.UkDates;
import com.rectify.importing.ImportResult.Outcome;
import com.rectify.importing.ImportResult.RowOutcome;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.GradeScheme;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.common.ApiException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a council's sheet and checks every row without writing anything: finds the heading row, maps its
 * columns through the configured aliases, reads each row's audit, grade, officer, reference and dates, and
 * tells rows already in the register from new ones.
 */
@Component
class ImportPlanner {

  private static final Pattern YEAR = Pattern.compile("\\b(19\\d{2}|20\\d{2})\\b");
  private static final int HEADER_SEARCH_ROWS = 30;

  private final SheetReader reader;
  private final ImportProperties properties;
  private final GradeScheme grades;
  private final AuditRepository audits;
  private final RecommendationRepository recommendations;
  private final Map<String, ImportColumn> aliases = new HashMap<>();

  ImportPlanner(SheetReader reader, ImportProperties properties, GradeScheme grades, AuditRepository audits,
      RecommendationRepository recommendations) {
    this.reader = reader;
    this.properties = properties;
    this.grades = grades;
    this.audits = audits;
    this.recommendations = recommendations;
    for (ImportColumn column : ImportColumn.values()) {
      aliases.put(normalise(column.name()), column);
      aliases.put(normalise(column.label()), column);
    }
    properties.columns().forEach((column, words) -> words.forEach(word -> aliases.put(normalise(word), column)));
  }

  static String normalise(String heading) {
    return heading == null ? "" : heading.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]", "");
  }


  ImportPlan plan(ImportRequest request) {
    ImportPlan plan = new ImportPlan(audits, recommendations);
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
    List<String> headerKey = rows.get(headerIndex).cells().stream().map(ImportPlanner::normalise).toList();

    for (SheetRow row : rows.subList(headerIndex + 1, rows.size())) {
      if (row.isBlank()) {
        plan.skipped++;
        continue;
      }
      plan.rowsRead++;
      if (row.cells().stream().map(ImportPlanner::normalise).toList().equals(headerKey)) {
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

  private void planRow(ImportPlan plan, SheetRow row, Map<ImportColumn, Integer> columns, Map<Integer, String> extras,
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
    PlannedRow p = new PlannedRow(n);
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
      readRevisions(p, n, plan);
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

  /**
   * The revised target dates the row's narrative records ("Revised target date: …", and the dates of earlier
   * reporting cycles), read into its revision history; words that mention a date but cannot be read for sure
   * are a warning, and stay in the text kept with the row.
   */
  private static void readRevisions(PlannedRow p, int n, ImportPlan plan) {
    String column = plan.heading(ImportColumn.PROGRESS);
    RevisedDates revised = RevisedDatesReader.read(p.progress);
    if (revised.isEmpty() && p.agreedAction != null) {
      column = plan.heading(ImportColumn.AGREED_ACTION);
      revised = RevisedDatesReader.read(p.agreedAction);
    }
    for (RevisedDates.Warning warning : revised.warnings()) {
      plan.problems.add(ImportProblem.warning(n, column, warning.problem()
          + " Not read as a revised date; the words stay in the text kept with the row: \u201c" + warning.words() + "\u201d."));
    }
    p.revisions = revised.steps(p.targetDate);
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

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  static String excerpt(String text) {
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
}
