package com.rectify.register;

import com.rectify.common.Today;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.register.RegisterQueries.Found;
import com.rectify.reporting.ReportFormats;
import com.rectify.security.RecommendationVisibility;
import com.rectify.security.RecommendationVisibility.Scope;
import com.rectify.common.ApiException;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The register: search, filters, sort and pages, and the same selection as CSV or XLSX. */
@Controller
class RegisterPage {

  static final List<String> EXPORT_COLUMNS = List.of("Reference", "Audit", "Audit title", "Recommendation", "Grade", "Service",
      "Lead officer", "Status", "Original target date", "Current target date", "Days overdue", "Approved revisions", "Closed on");
  private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final RegisterRequest requests;
  private final RegisterQueries queries;
  private final RecommendationVisibility visibility;
  private final ReportFormats formats;
  private final EntityManager entityManager;
  private final Today today;

  public RegisterPage(RegisterRequest requests, RegisterQueries queries, RecommendationVisibility visibility,
      ReportFormats formats, EntityManager entityManager, Today today) {
    this.requests = requests;
    this.queries = queries;
    this.visibility = visibility;
    this.formats = formats;
    this.entityManager = entityManager;
    this.today = today;
  }

  @GetMapping("/register")
  @Transactional(readOnly = true)
  public String register(@RequestParam MultiValueMap<String, String> query, Authentication authentication, Model model,
      HttpServletResponse response) {
    Scope scope = visibility.of(authentication);
    model.addAttribute("services", services(scope));
    model.addAttribute("grades", Grade.values());
    model.addAttribute("statuses", RecommendationStatus.values());
    model.addAttribute("bands", OverdueBand.values());
    model.addAttribute("today", today.date());
    RegisterRequest.Parsed parsed;
    try {
      parsed = requests.parse(query);
    } catch (ApiException refused) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("problems", refused.getProblems());
      parsed = requests.parse(new LinkedMultiValueMap<>());
    }
    Found result = queries.page(parsed.filter(), parsed.sort(), scope, parsed.page(), parsed.size());
    model.addAttribute("request", parsed);
    model.addAttribute("params", parsed.parameters());
    model.addAttribute("result", result);
    model.addAttribute("scope", scope);
    return "register";
  }

  @GetMapping("/register/export")
  public ResponseEntity<byte[]> export(@RequestParam MultiValueMap<String, String> query, Authentication authentication) {
    String format = query.getFirst("format");
    if (!"csv".equals(format) && !"xlsx".equals(format)) {
      throw ApiException.of(HttpStatus.BAD_REQUEST, "format", "Parameter 'format' must be csv or xlsx, not '" + format + "'.");
    }
    RegisterRequest.Parsed parsed = requests.parse(query);
    List<List<Object>> rows = new ArrayList<>();
    for (RegisterRow row : queries.all(parsed.filter(), parsed.sort(), visibility.of(authentication))) {
      List<Object> cells = new ArrayList<>();
      cells.add(row.businessKey());
      cells.add(row.audit());
      cells.add(row.auditTitle());
      cells.add(row.recommendation());
      cells.add(row.grade().label());
      cells.add(row.service());
      cells.add(row.leadOfficer());
      cells.add(row.status().label());
      cells.add(row.originalTargetDate());
      cells.add(row.currentTargetDate() == null && row.originalTargetDate() != null ? "TBC" : row.currentTargetDate());
      cells.add(row.daysOverdue());
      cells.add(row.approvedRevisions());
      cells.add(row.closedOn());
      rows.add(cells);
    }
    String name = "register-" + today.date();
    byte[] body = "csv".equals(format)
        ? formats.csv(EXPORT_COLUMNS, rows).getBytes(StandardCharsets.UTF_8)
        : formats.xlsx("Register", EXPORT_COLUMNS, rows);
    MediaType type = "csv".equals(format) ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX;
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format).build().toString())
        .body(body);
  }

  private List<String> services(Scope scope) {
    if (!scope.all()) {
      return scope.services().stream().sorted().toList();
    }
    return entityManager.createQuery("select distinct r.service from Recommendation r order by r.service", String.class).getResultList();
  }
}
