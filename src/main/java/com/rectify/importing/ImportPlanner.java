package com.rectify.importing;

import com.rectify.audit.AuditRepository;
import com.rectify.common.TextSanitizer;
import com.rectify.common.Today;
import com.rectify.common.UkDates;
import com.rectify.importing.ImportResult.Outcome;
import com.rectify.importing.ImportResult.RowOutcome;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.GradeScheme;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.common.ApiException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads a council's sheet and checks every row without writing anything: finds the heading row, maps its
 * columns through the configured aliases, reads each row's audit, grade, officer, reference and dates, joins the
 * rows that continue a recommendation to it, warns of dates that look wrong, and tells rows already in the
 * register from new ones. Errors are kept for what would be lost or put on the wrong recommendation; the rest
 * are warnings.
 */
@Component
class ImportPlanner {

  /** The lead officer of a recommendation whose sheet names none: its tasks go to its service's officers. */
  static final String LEAD_OFFICER_NOT_NAMED = "Not named";

  private static final Pattern YEAR = Pattern.compile("\\b(19\\d{2}|20\\d{2})\\b");

  private final SheetReader reader;
  private final ImportProperties properties;
  private final GradeScheme grades;
  private final AuditRepository audits;
  private final RecommendationRepository recommendations;
  private final Today today;
  private final ColumnHeadings headings;

  ImportPlanner(SheetReader reader, ImportProperties properties, GradeScheme grades, AuditRepository audits,
      RecommendationRepository recommendations, Today today) {
    this.reader = reader;
    this.properties = properties;
    this.grades = grades;
    this.audits = audits;
    this.recommendations = recommendations;
    this.today = today;
    this.headings = new ColumnHeadings(properties);
  }

  static String normalise(String heading) {
    return ColumnHeadings.normalise(heading);
  }

  /** What the rows share: the sheet's columns and what the request adds to them. */
  private record Sheet(ImportPlan plan, Map<ImportColumn, Integer> columns, Map<Integer, String> extras, ImportRequest request,
      String auditParameter, String service, Grade defaultGrade, boolean officerColumn, List<UnlikelyDates.Dated> dates) {

    String cell(SheetRow row, ImportColumn column) {
      Integer index = columns.get(column);
      return index == null ? "" : row.cell(index);
    }

    String heading(ImportColumn column) {
      return plan.heading(column);
    }
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
    for (int i = 0; i < Math.min(rows.size(), SheetReader.HEADER_SEARCH_ROWS) && headerIndex < 0; i++) {
      List<String> cells = rows.get(i).cells();
      Optional<Map<ImportColumn, Integer>> found = headings.headingRow(cells);
      if (found.isPresent()) {
        headerIndex = i;
        columns = found.get();
        columns.forEach((column, c) -> plan.headings.put(column, cells.get(c).trim()));
        for (int c = 0; c < cells.size(); c++) {
          if (!cells.get(c).isBlank() && !columns.containsValue(c)) {
            extras.put(c, cells.get(c).trim());
          }
        }
      }
    }
    if (headerIndex < 0) {
      plan.problems.add(ImportProblem.error(null, ImportColumn.RECOMMENDATION.label(), "No heading row with a recommendation column "
          + "was found in the first " + SheetReader.HEADER_SEARCH_ROWS + " rows; headings are matched ignoring case, spaces and "
          + "punctuation, with the aliases in rectify.import.columns."));
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
    boolean officerColumn = columns.containsKey(ImportColumn.LEAD_OFFICER);
    if (!officerColumn && blankToNull(request.leadOfficer()) == null) {
      plan.problems.add(ImportProblem.warning(headerRow, ImportColumn.LEAD_OFFICER.label(), "The sheet names no lead officer "
          + "(no lead officer column, and no 'leadOfficer' parameter): each recommendation's lead officer is recorded as not "
          + "named, and its tasks go to the officers of service '" + service + "'."));
    }
    for (String heading : extras.values()) {
      plan.problems.add(ImportProblem.warning(headerRow, heading, "Column not recognised; its text is kept as a progress note."));
    }
    if (plan.errorCount() > 0) {
      return plan;
    }
    List<String> headerKey = rows.get(headerIndex).cells().stream().map(ImportPlanner::normalise).toList();
    Sheet sheet = new Sheet(plan, columns, extras, request, auditParameter, service, defaultGrade, officerColumn, new ArrayList<>());

    List<PlannedRow> read = new ArrayList<>();
    PlannedRow above = null;
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
      plan.problems.addAll(row.warnings());
      if (tooLong(sheet, row)) {
        above = null;
        continue;
      }
      String recommendationCell = sheet.cell(row, ImportColumn.RECOMMENDATION);
      if (row.filledCells() == 1 && !recommendationCell.isBlank() && recommendationCell.trim().split("\\s+").length < 5) {
        plan.skip(row, "Only '" + recommendationCell.trim() + "' in this row: read as a section heading and skipped.");
        above = null;
        continue;
      }
      if (TextSanitizer.plain(recommendationCell).isBlank() && continues(sheet, row)) {
        if (above != null) {
          planPart(sheet, row, above);
        } else {
          plan.problems.add(ImportProblem.error(row.number(), sheet.heading(ImportColumn.RECOMMENDATION), "The row has no "
              + "recommendation text, and no recommendation above it that it could continue."));
          plan.rows.add(new RowOutcome(row.number(), Outcome.ERROR, null, null, null, null, null, null, null));
        }
        continue;
      }
      above = planRow(sheet, row);
      if (above.errorFree) {
        read.add(above);
      }
    }
    if (plan.rowsRead > properties.maxRows()) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "file", "The sheet has " + plan.rowsRead + " rows; the limit is " + properties.maxRows() + ".");
    }
    read.forEach(ImportPlanner::joinParts);
    LocalDate asAt = request.asAt() != null ? request.asAt() : today.date();
    plan.problems.addAll(new UnlikelyDates(properties.plausibleYears(), asAt, request.asAt() != null)
        .check(sheet.dates(), sheet.heading(ImportColumn.TARGET_DATE)));
    for (PlannedRow p : read) {
      String reference = p.reference;
      plan.identify(p, (first, key) -> plan.problems.add(ImportProblem.error(p.row, plan.heading(reference != null
          ? ImportColumn.REFERENCE : ImportColumn.RECOMMENDATION), "The same recommendation as row " + first + " (" + key + ").")));
      for (PlannedRow.Part part : p.parts) {
        plan.rows.add(new RowOutcome(part.row(), Outcome.CONTINUES_ABOVE, p.audit.reference, p.reference, p.grade.label(),
            p.leadOfficer, UkDates.display(part.date()), null, excerpt(part.action())));
      }
    }
    plan.rows.sort(Comparator.comparingInt(RowOutcome::row));
    plan.problems.sort(Comparator.comparing(ImportProblem::row, Comparator.nullsFirst(Comparator.naturalOrder())));
    return plan;
  }

  private boolean tooLong(Sheet sheet, SheetRow row) {
    boolean tooLong = false;
    for (int c = 0; c < row.cells().size(); c++) {
      if (row.cell(c).length() > properties.maxCellCharacters()) {
        sheet.plan().problems.add(ImportProblem.error(row.number(), headingOf(c, sheet.columns(), sheet.extras()), "The cell holds "
            + row.cell(c).length() + " characters; the limit is " + properties.maxCellCharacters() + "."));
        tooLong = true;
      }
    }
    if (tooLong) {
      sheet.plan().rows.add(new RowOutcome(row.number(), Outcome.ERROR, null, null, null, null, null, null, null));
    }
    return tooLong;
  }

  /**
   * A row with no recommendation text continues the one above (a merged cell in the PDF or sheet) when it has an
   * action, a date, progress or other words of its own, and names no other audit or reference than the row above.
   */
  private static boolean continues(Sheet sheet, SheetRow row) {
    if (!sheet.cell(row, ImportColumn.AUDIT).isBlank() || !sheet.cell(row, ImportColumn.REFERENCE).isBlank()) {
      return false;
    }
    return !sheet.cell(row, ImportColumn.AGREED_ACTION).isBlank() || !sheet.cell(row, ImportColumn.TARGET_DATE).isBlank()
        || !sheet.cell(row, ImportColumn.PROGRESS).isBlank() || sheet.extras().keySet().stream().anyMatch(c -> !row.cell(c).isBlank());
  }

  private PlannedRow planRow(Sheet sheet, SheetRow row) {
    ImportPlan plan = sheet.plan();
    int n = row.number();
    int errorsBefore = plan.errorCount();
    PlannedRow p = new PlannedRow(n);
    String recommendationCell = sheet.cell(row, ImportColumn.RECOMMENDATION);
    if (TextSanitizer.plain(recommendationCell).isBlank()) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.RECOMMENDATION), "The row has no recommendation text."));
    }
    p.text = TextSanitizer.formatted(recommendationCell);
    p.finding = blankToNull(TextSanitizer.formatted(sheet.cell(row, ImportColumn.FINDING)));
    p.agreedAction = blankToNull(TextSanitizer.formatted(sheet.cell(row, ImportColumn.AGREED_ACTION)));
    p.progress = blankToNull(TextSanitizer.formatted(sheet.cell(row, ImportColumn.PROGRESS)));

    // Audit
    String auditCell = blankToNull(TextSanitizer.plain(sheet.cell(row, ImportColumn.AUDIT)));
    String auditParameter = sheet.auditParameter();
    if (auditCell == null && auditParameter == null) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.AUDIT), "The row names no audit, and no 'audit' parameter was given."));
    } else {
      p.audit = plan.audit(auditCell != null ? auditCell : auditParameter,
          auditCell != null ? auditCell : Optional.ofNullable(blankToNull(sheet.request().auditTitle())).orElse(auditParameter), sheet.service());
      if (p.audit.reference.isBlank()) {
        plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.AUDIT), "'" + auditCell + "' gives no usable audit reference."));
      }
      readReportDate(sheet.cell(row, ImportColumn.REPORT_DATE), p.audit, n, plan);
    }

    // Grade
    String gradeCell = TextSanitizer.plain(sheet.cell(row, ImportColumn.GRADE));
    if (!gradeCell.isBlank()) {
      Optional<Grade> grade = grades.parse(gradeCell);
      if (grade.isEmpty()) {
        plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.GRADE), "Unknown grade '" + gradeCell
            + "'; use one of the configured grades or their aliases (rectify.grades.aliases)."));
      }
      p.grade = grade.orElse(null);
      p.gradeAsWritten = gradeCell.length() > 60 ? gradeCell.substring(0, 60) : gradeCell;
    } else if (sheet.defaultGrade() != null) {
      p.grade = sheet.defaultGrade();
      p.gradeAsWritten = sheet.request().defaultGrade().trim();
    } else {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.GRADE), "The row has no grade, and no 'defaultGrade' parameter was given."));
    }

    // Lead officer(s), kept as written; none named: the service's officers get the tasks (LeadOfficers finds no login).
    String officer = TextSanitizer.plain(sheet.cell(row, ImportColumn.LEAD_OFFICER));
    if (officer.isBlank()) {
      officer = Optional.ofNullable(blankToNull(sheet.request().leadOfficer())).map(TextSanitizer::plain).orElse("");
    }
    if (officer.isBlank()) {
      officer = LEAD_OFFICER_NOT_NAMED;
      if (sheet.officerColumn()) {
        plan.problems.add(ImportProblem.warning(n, plan.heading(ImportColumn.LEAD_OFFICER), "The row names no lead officer: it is "
            + "recorded as not named, and its tasks go to the officers of its service."));
      }
    } else if (officer.length() > 400) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.LEAD_OFFICER), "The lead officer is longer than 400 characters."));
    }
    p.leadOfficer = officer.replaceAll("\\s+", " ");

    // Reference
    String reference = blankToNull(TextSanitizer.plain(sheet.cell(row, ImportColumn.REFERENCE)));
    if (reference != null && reference.length() > 40) {
      plan.problems.add(ImportProblem.error(n, plan.heading(ImportColumn.REFERENCE), "The reference is longer than 40 characters."));
    }
    p.reference = reference;

    // Target date and completion
    String dateCell = sheet.cell(row, ImportColumn.TARGET_DATE);
    DateCell date = DateCell.read(dateCell, properties.completionMarkers(), properties.undatedWords());
    String dateColumn = plan.heading(ImportColumn.TARGET_DATE);
    if (date.error() != null) {
      plan.problems.add(ImportProblem.error(n, dateColumn, date.error()));
    } else {
      if (date.warning() != null) {
        plan.problems.add(ImportProblem.warning(n, dateColumn, date.warning() + "; the words are kept in a progress note."));
        p.notes.add("Target date as written in the imported sheet: " + dateCell.trim());
      }
      p.targetDate = date.date();
      p.targetDateAsWritten = TextSanitizer.plain(dateCell).replaceAll("\\s+", " ");
      p.completedOn = date.complete() ? date.date() : null;
      p.complete = date.complete() || isCompletionMarker(TextSanitizer.plain(sheet.cell(row, ImportColumn.PROGRESS)));
      if (p.targetDate != null) {
        sheet.dates().add(new UnlikelyDates.Dated(n, p.targetDate, p.audit == null ? null : p.audit.year));
      }
      readRevisions(p, n, plan);
    }
    for (Map.Entry<Integer, String> extra : sheet.extras().entrySet()) {
      String value = TextSanitizer.plain(row.cell(extra.getKey()));
      if (!value.isBlank()) {
        p.notes.add(extra.getValue() + " (from the imported sheet): " + value);
      }
    }

    p.errorFree = plan.errorCount() == errorsBefore;
    if (!p.errorFree) {
      plan.rows.add(new RowOutcome(n, Outcome.ERROR, p.audit == null ? null : p.audit.reference, reference,
          p.grade == null ? null : p.grade.label(), p.leadOfficer, null, null, excerpt(p.text)));
    }
    return p;
  }

  /**
   * A row that continues the recommendation above: its action and date become a further part of that one's agreed
   * action, its progress and other cells that one's notes. It is never a recommendation of its own, nor refused.
   */
  private void planPart(Sheet sheet, SheetRow row, PlannedRow above) {
    ImportPlan plan = sheet.plan();
    int n = row.number();
    int number = above.parts.size() + 2;
    String label = "Part " + number + " of the agreed action";
    String action = blankToNull(TextSanitizer.plain(sheet.cell(row, ImportColumn.AGREED_ACTION)));
    String dateCell = sheet.cell(row, ImportColumn.TARGET_DATE);
    String dateColumn = plan.heading(ImportColumn.TARGET_DATE);
    DateCell date = DateCell.read(dateCell, properties.completionMarkers(), properties.undatedWords());
    if (date.error() != null) {
      plan.problems.add(ImportProblem.error(n, dateColumn, date.error()));
      plan.rows.add(new RowOutcome(n, Outcome.ERROR, null, null, null, null, null, null, excerpt(action)));
      return;
    }
    if (date.warning() != null) {
      plan.problems.add(ImportProblem.warning(n, dateColumn, date.warning() + "; the words are kept in the agreed action of row "
          + above.row + "."));
    }
    if (date.date() != null) {
      sheet.dates().add(new UnlikelyDates.Dated(n, date.date(), above.audit == null ? null : above.audit.year));
    }
    String progress = TextSanitizer.plain(sheet.cell(row, ImportColumn.PROGRESS));
    boolean complete = date.complete() || isCompletionMarker(progress);
    above.parts.add(new PlannedRow.Part(n, action, TextSanitizer.plain(dateCell).replaceAll("\\s+", " "), date.date(), complete,
        date.complete() ? date.date() : null));
    if (!progress.isBlank()) {
      above.notes.add(label + ", " + plan.heading(ImportColumn.PROGRESS) + " (from the imported sheet): " + progress);
    }
    for (Map.Entry<Integer, String> extra : sheet.extras().entrySet()) {
      String value = TextSanitizer.plain(row.cell(extra.getKey()));
      if (!value.isBlank()) {
        above.notes.add(label + ", " + extra.getValue() + " (from the imported sheet): " + value);
      }
    }
    String officer = TextSanitizer.plain(sheet.cell(row, ImportColumn.LEAD_OFFICER)).replaceAll("\\s+", " ");
    if (!officer.isBlank() && !officer.equalsIgnoreCase(above.leadOfficer)) {
      above.notes.add(label + ", lead officer (from the imported sheet): " + officer);
      plan.problems.add(ImportProblem.warning(n, plan.heading(ImportColumn.LEAD_OFFICER), "'" + officer + "' leads this part; the "
          + "recommendation's lead officer stays that of row " + above.row + ", and this name is kept in a progress note."));
    }
    String grade = TextSanitizer.plain(sheet.cell(row, ImportColumn.GRADE));
    if (!grade.isBlank() && above.grade != null && grades.parse(grade).filter(g -> g != above.grade).isPresent()) {
      plan.problems.add(ImportProblem.warning(n, plan.heading(ImportColumn.GRADE), "Grade '" + grade + "' differs from that of "
          + "row " + above.row + ", whose grade the recommendation keeps."));
    }
    plan.problems.add(ImportProblem.warning(n, plan.heading(ImportColumn.RECOMMENDATION), "No recommendation text: read as part "
        + number + " of the agreed action of the recommendation in row " + above.row + "."));
    if (!above.errorFree) {
      plan.rows.add(new RowOutcome(n, Outcome.CONTINUES_ABOVE, null, null, null, null, UkDates.display(date.date()), null, excerpt(action)));
    }
  }

  /**
   * One recommendation, several agreed actions each with its own date (rows that continue it): the lifecycle has one
   * agreed action and one target date, so the agreed action lists the parts, numbered, each with its date as the sheet
   * wrote it, and the target date is the latest of the parts' dates. A recommendation is implemented when all that was
   * agreed is done, so it is due when its last part is: the first part's date would show it overdue while later parts
   * are still on time. A part with no date ("ongoing") does not move it; when no part has a date it is TBC. It is
   * complete when every part is.
   */
  private static void joinParts(PlannedRow p) {
    if (p.parts.isEmpty()) {
      return;
    }
    List<PlannedRow.Part> all = new ArrayList<>();
    all.add(new PlannedRow.Part(p.row, p.agreedAction == null ? null : TextSanitizer.plain(p.agreedAction), p.targetDateAsWritten,
        p.targetDate, p.complete, p.completedOn));
    all.addAll(p.parts);
    StringBuilder action = new StringBuilder();
    for (int i = 0; i < all.size(); i++) {
      PlannedRow.Part part = all.get(i);
      action.append(i == 0 ? "" : "\n").append(i + 1).append(". ")
          .append(part.action() == null ? "No action written" : part.action().replaceAll("\\s+", " "))
          .append(part.dateAsWritten().isBlank() ? " (no target date)" : " (target date: " + part.dateAsWritten() + ")");
    }
    p.agreedAction = TextSanitizer.formatted(HtmlUtils.htmlEscape(action.toString()));
    p.targetDate = all.stream().map(PlannedRow.Part::date).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    p.complete = all.stream().allMatch(PlannedRow.Part::complete);
    p.completedOn = p.complete ? all.stream().map(PlannedRow.Part::completedOn).filter(Objects::nonNull)
        .max(Comparator.naturalOrder()).orElse(null) : null;
  }

  /**
   * The revised target dates the row's narrative records ("Revised target date: …", and the dates of earlier
   * reporting cycles), read into its revision history; words that mention a date but cannot be read for sure
   * are a warning, and stay in the text kept with the row.
   */
  /** The audit's report date, where the sheet gives one: the first a row gives for its audit holds. */
  private void readReportDate(String cell, AuditPlan audit, int n, ImportPlan plan) {
    if (cell == null || cell.isBlank() || audit.reportIssuedOn != null) {
      return;
    }
    DateCell date = DateCell.read(cell, List.of(), properties.undatedWords());
    if (date.date() == null) {
      plan.problems.add(ImportProblem.warning(n, plan.heading(ImportColumn.REPORT_DATE), "'" + TextSanitizer.plain(cell).strip()
          + "' is not a date; the audit's recommendations go on the record from the import's as-at date instead."));
    } else {
      audit.reportIssuedOn = date.date();
    }
  }

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
