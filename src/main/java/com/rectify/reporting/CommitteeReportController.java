package com.rectify.reporting;

import com.rectify.common.Today;
import com.rectify.recommendation.access.RecommendationAccess;
import com.rectify.common.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import com.rectify.security.Workplaces;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/committee?asAt=&format=&since=} and the page {@code /reports/committee}: the Audit
 * Committee report as at any day, in HTML, PDF, XLSX, CSV or JSON.
 */
@RestController
class CommitteeReportController {

  private final Workplaces workplaces;

  private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final CommitteeReportService reports;
  private final ReportFormats formats;
  private final Today today;
  private final RecommendationAccess access;

  public CommitteeReportController(CommitteeReportService reports, ReportFormats formats, Today today, RecommendationAccess access,
      Workplaces workplaces) {
    this.access = access;
    this.workplaces = workplaces;
    this.reports = reports;
    this.formats = formats;
    this.today = today;
  }

  @GetMapping({"/api/reports/committee", "/reports/committee"})
  public ResponseEntity<?> committee(@RequestParam(required = false) String asAt, @RequestParam(required = false) String format,
      @RequestParam(required = false) String since, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      Authentication authentication, CsrfToken csrf) {
    if (!access.canReadReports(authentication)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, "asAt", "The committee report is for audit, the committee and senior officers.");
    }
    LocalDate day = asAt == null || asAt.isBlank() ? today.date() : date("asAt", asAt);
    LocalDate from = since == null || since.isBlank() ? null : date("since", since);
    if (from != null && !from.isBefore(day)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "since", "Parameter 'since' must be before the as-at date.");
    }
    String chosen = format == null || format.isBlank()
        ? (accept != null && accept.contains("text/html") ? "html" : "json")
        : format.trim().toLowerCase(Locale.UK);
    if (!Set.of("html", "pdf", "xlsx", "csv", "json").contains(chosen)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "format", "Parameter 'format' must be html, pdf, xlsx, csv or json, not '" + format + "'.");
    }
    CommitteeReport report = reports.build(day, from);
    String name = "committee-report-" + day;
    return switch (chosen) {
      case "html" -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
          .body(formats.html(report, workplaces.open(authentication), csrf));
      case "pdf" -> file(formats.pdf(report), MediaType.APPLICATION_PDF, name + ".pdf");
      case "xlsx" -> file(formats.xlsx(report), XLSX, name + ".xlsx");
      case "csv" -> file(formats.csvFile(report), new MediaType("text", "csv", StandardCharsets.UTF_8), name + ".csv");
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    };
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String fileName) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(bytes);
  }

  private static LocalDate date(String parameter, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, parameter, "Parameter '" + parameter + "' must be a date written YYYY-MM-DD, not '" + text + "'.");
    }
  }
}
