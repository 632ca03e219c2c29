package com.rectify.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.rectify.common.UkDates;
import com.rectify.recommendation.OverdueRule;
import com.rectify.recommendation.OverdueRule.Band;
import com.rectify.reporting.CommitteeReport.Group;
import com.rectify.reporting.CommitteeReport.Revision;
import com.rectify.reporting.CommitteeReport.Row;
import com.rectify.reporting.CommitteeReport.SummaryLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.springframework.security.web.csrf.CsrfToken;
import com.rectify.security.Workplaces;

/**
 * The committee report as HTML (a Thymeleaf page), PDF (a page of its own for print, laid out by openhtmltopdf),
 * XLSX and CSV. Spreadsheet cells that begin with = + - @ are prefixed with a quote so no cell runs as a formula.
 */
@Component
public class ReportFormats {

  static final List<String> COLUMNS = List.of("Group", "Audit", "Reference", "Grade", "Recommendation", "Lead officer", "Status",
      "Original target date", "Current target date", "Overdue by (months)", "Revisions", "Latest update", "Latest update on",
      "First cycle overdue");

  /** Excel reads a CSV as UTF-8 (en dashes and all) only when it begins with the byte-order mark. */
  static final String BYTE_ORDER_MARK = "\uFEFF";
  /** The summary's columns, in the order of {@link SummaryLine}'s counts; the bands as {@link OverdueRule} names them. */
  static final List<String> SUMMARY_COLUMNS = List.of("Grade", Band.OVER_12_MONTHS.label(), Band.FROM_3_TO_12_MONTHS.label(),
      Band.UNDER_3_MONTHS.label(), "All overdue", Band.NOT_DUE.label(), "Outstanding");

  private final TemplateEngine templates;

  public ReportFormats(TemplateEngine templates) {
    this.templates = templates;
  }

  /** The page as a browser shows it, under the navigation of what the reader may open. */
  public String html(CommitteeReport report, List<Workplaces.Place> navPlaces, CsrfToken csrf) {
    Context context = context(report);
    context.setVariable("navPlaces", navPlaces);
    context.setVariable("_csrf", csrf);
    return templates.process("committee-report", context);
  }

  /** The page the PDF is laid out from: a summary page, then the annex, A4 landscape. */
  String printHtml(CommitteeReport report) {
    return templates.process("committee-report-pdf", context(report));
  }

  private static Context context(CommitteeReport report) {
    Context context = new Context(java.util.Locale.UK);
    context.setVariable("report", report);
    context.setVariable("summaryColumns", SUMMARY_COLUMNS);
    context.setVariable("dates", new Dates());
    context.setVariable("narrative", new Narratives());
    return context;
  }

  public byte[] pdf(CommitteeReport report) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(printHtml(report), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] xlsx(CommitteeReport report) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = bold(workbook);
      CellStyle date = ukDate(workbook);
      CellStyle wrap = workbook.createCellStyle();
      wrap.setWrapText(true);

      Sheet summary = workbook.createSheet("Summary");
      int r = 0;
      text(summary.createRow(r++).createCell(0), "Audit Committee report as at " + UkDates.display(report.asAt())).setCellStyle(bold);
      org.apache.poi.ss.usermodel.Row header = summary.createRow(++r);
      for (int i = 0; i < SUMMARY_COLUMNS.size(); i++) {
        text(header.createCell(i), SUMMARY_COLUMNS.get(i)).setCellStyle(bold);
      }
      for (SummaryLine line : report.summary()) {
        org.apache.poi.ss.usermodel.Row row = summary.createRow(++r);
        text(row.createCell(0), line.grade());
        int[] values = {line.over12(), line.from3To12(), line.under3(), line.overdue(), line.notYetDue(), line.total()};
        for (int i = 0; i < values.length; i++) {
          row.createCell(i + 1).setCellValue(values[i]);
        }
      }
      r += 2;
      org.apache.poi.ss.usermodel.Row implemented = summary.createRow(r++);
      text(implemented.createCell(0), "Implemented " + report.sinceLabel());
      implemented.createCell(1).setCellValue(report.implementedSince());
      org.apache.poi.ss.usermodel.Row accepted = summary.createRow(r);
      text(accepted.createCell(0), "Risk accepted " + report.sinceLabel());
      accepted.createCell(1).setCellValue(report.riskAcceptedSince());
      summary.setColumnWidth(0, 60 * 256);

      Sheet rows = workbook.createSheet("Recommendations");
      org.apache.poi.ss.usermodel.Row head = rows.createRow(0);
      for (int i = 0; i < COLUMNS.size(); i++) {
        text(head.createCell(i), COLUMNS.get(i)).setCellStyle(bold);
      }
      int n = 1;
      for (Group group : report.groups()) {
        for (Row item : group.rows()) {
          org.apache.poi.ss.usermodel.Row row = rows.createRow(n++);
          int c = 0;
          text(row.createCell(c++), group.title());
          text(row.createCell(c++), item.audit());
          text(row.createCell(c++), item.businessKey());
          text(row.createCell(c++), item.grade());
          text(row.createCell(c++), item.recommendation()).setCellStyle(wrap);
          text(row.createCell(c++), item.leadOfficer());
          text(row.createCell(c++), item.statusInWords());
          dateCell(row.createCell(c++), item.originalTargetDate(), date);
          dateCell(row.createCell(c++), item.currentTargetDate(), date);
          if (item.monthsOverdue() != null) {
            row.createCell(c).setCellValue(item.monthsOverdue());
          }
          c++;
          text(row.createCell(c++), revisions(item.revisions()));
          text(row.createCell(c++), item.latestUpdate()).setCellStyle(wrap);
          dateCell(row.createCell(c++), item.latestUpdateOn(), date);
          text(row.createCell(c), item.firstCycleOverdue() ? "Yes" : "No");
        }
      }
      rows.setColumnWidth(4, 70 * 256);
      rows.setColumnWidth(11, 70 * 256);
      rows.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CSV as a file: UTF-8, beginning with the byte-order mark so that Excel on Windows reads it as UTF-8. */
  public byte[] csvFile(CommitteeReport report) {
    return (BYTE_ORDER_MARK + csv(report)).getBytes(StandardCharsets.UTF_8);
  }

  public String csv(CommitteeReport report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(COLUMNS);
      for (Group group : report.groups()) {
        for (Row item : group.rows()) {
          List<String> cells = new ArrayList<>();
          cells.add(group.title());
          cells.add(item.audit());
          cells.add(item.businessKey());
          cells.add(item.grade());
          cells.add(item.recommendation());
          cells.add(item.leadOfficer());
          cells.add(item.statusInWords());
          cells.add(UkDates.display(item.originalTargetDate()));
          cells.add(UkDates.display(item.currentTargetDate()));
          cells.add(item.monthsOverdue() == null ? "" : String.valueOf(item.monthsOverdue()));
          cells.add(revisions(item.revisions()));
          cells.add(item.latestUpdate());
          cells.add(item.latestUpdateOn() == null ? "" : UkDates.display(item.latestUpdateOn()));
          cells.add(item.firstCycleOverdue() ? "Yes" : "No");
          printer.printRecord(cells.stream().map(ReportFormats::neutralise).toList());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Any table (the register's exports) as CSV: dates as the UK writes them, every text cell neutralised
   * as the committee report's are.
   */
  public String csv(List<String> columns, List<List<Object>> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord(columns.stream().map(ReportFormats::neutralise).toList());
      for (List<Object> row : rows) {
        printer.printRecord(row.stream().map(ReportFormats::csvCell).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Any table as one XLSX sheet: real dates and numbers, text neutralised, the heading row frozen. */
  public byte[] xlsx(String sheetName, List<String> columns, List<List<Object>> rows) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = bold(workbook);
      CellStyle date = ukDate(workbook);
      Sheet sheet = workbook.createSheet(sheetName);
      org.apache.poi.ss.usermodel.Row head = sheet.createRow(0);
      for (int i = 0; i < columns.size(); i++) {
        text(head.createCell(i), columns.get(i)).setCellStyle(bold);
      }
      int n = 1;
      for (List<Object> values : rows) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(n++);
        for (int i = 0; i < values.size(); i++) {
          Object value = values.get(i);
          if (value instanceof LocalDate day) {
            Cell cell = row.createCell(i);
            cell.setCellValue(day);
            cell.setCellStyle(date);
          } else if (value instanceof Number number) {
            row.createCell(i).setCellValue(number.doubleValue());
          } else if (value != null) {
            text(row.createCell(i), value.toString());
          }
        }
      }
      sheet.createFreezePane(0, 1);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof LocalDate day ? UkDates.display(day) : neutralise(value.toString());
  }

  /** A cell a spreadsheet would run as a formula (= + - @, or a leading tab or return) gets a quote in front. */
  static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
  }

  static String revisions(List<Revision> revisions) {
    return revisions.stream().map(Dates::revision).collect(Collectors.joining("; "));
  }

  /** What a cell says when its text is longer than Excel lets a cell hold (32,767 characters). */
  static final String CUT_SHORT = " … (cut short: Excel's cells hold 32,767 characters; the full text is on the recommendation's page)";

  private static Cell text(Cell cell, String value) {
    String safe = neutralise(value);
    int most = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    if (safe != null && safe.length() > most) {
      safe = safe.substring(0, most - CUT_SHORT.length()) + CUT_SHORT;
    }
    cell.setCellValue(safe);
    return cell;
  }

  private static void dateCell(Cell cell, LocalDate value, CellStyle style) {
    if (value == null) {
      cell.setCellValue("TBC");
    } else {
      cell.setCellValue(value);
      cell.setCellStyle(style);
    }
  }

  /** Formatting helpers for the template. */
  public static class Dates {
    public String uk(LocalDate date) {
      return UkDates.display(date);
    }

    public static String revision(Revision r) {
      return "Revision " + r.number() + ": " + UkDates.display(r.previousDate()) + " to " + UkDates.display(r.requestedDate())
          + " (" + r.decision() + (r.cycle() == null ? "" : ", " + r.cycle()) + ")";
    }

    /** A revision for the page and PDF, each date kept on one line: "Revision 1: 28/02/2001 to 30/09/2001 (approved, Cycle 1)". */
    public String revisionHtml(Revision r) {
      return NarrativeHtml.line(revision(r));
    }

    /** How long overdue, in words: "under a month", "1 month", "14 months". */
    public String months(int months) {
      return months == 0 ? "under a month" : months == 1 ? "1 month" : months + " months";
    }
  }

  /** Narratives for the templates: paragraphs and lists kept, sanitized, dates on one line ({@link NarrativeHtml}). */
  public static class Narratives {
    public String html(String stored) {
      return NarrativeHtml.of(stored);
    }

    /** With a label run into its first paragraph: "Recommendation:". */
    public String html(String stored, String label) {
      return NarrativeHtml.of(stored, label);
    }
  }

  private static CellStyle bold(XSSFWorkbook workbook) {
    CellStyle bold = workbook.createCellStyle();
    Font font = workbook.createFont();
    font.setBold(true);
    bold.setFont(font);
    return bold;
  }

  private static CellStyle ukDate(XSSFWorkbook workbook) {
    CellStyle date = workbook.createCellStyle();
    date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    return date;
  }
}
