package com.rectify.recommendation.api;

import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import com.rectify.recommendation.Grade;
import com.rectify.recommendation.GradeScheme;
import com.rectify.recommendation.RecommendationStatus;
import com.rectify.recommendation.access.RecommendationAccess;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/recommendations")
class RecommendationController {

  private static final int MAX_PAGE_SIZE = 500;

  private final RecommendationQueries queries;
  private final GradeScheme grades;
  private final RecommendationAccess access;

  public RecommendationController(RecommendationQueries queries, GradeScheme grades, RecommendationAccess access) {
    this.queries = queries;
    this.grades = grades;
    this.access = access;
  }

  public record Listing(List<RecommendationSummary> items, int page, int size, long total) {}

  @GetMapping
  public Listing list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String grade,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String leadOfficer,
      @RequestParam(required = false) String audit,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication authentication) {
    List<FieldProblem> problems = new ArrayList<>();
    RecommendationStatus parsedStatus = null;
    if (status != null && !status.isBlank()) {
      try {
        parsedStatus = RecommendationStatus.valueOf(status.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("status", "Unknown status '" + status + "'; use one of "
            + Arrays.toString(RecommendationStatus.values()) + "."));
      }
    }
    Grade parsedGrade = null;
    if (grade != null && !grade.isBlank()) {
      parsedGrade = grades.parse(grade).orElse(null);
      if (parsedGrade == null) {
        problems.add(new FieldProblem("grade", "Unknown grade '" + grade + "'."));
      }
    }
    if (page < 0) {
      problems.add(new FieldProblem("page", "Parameter 'page' must be 0 or more."));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      problems.add(new FieldProblem("size", "Parameter 'size' must be between 1 and " + MAX_PAGE_SIZE + "."));
    } else if (page > 0 && (long) page * size > Integer.MAX_VALUE) {
      problems.add(new FieldProblem("page", "Parameter 'page' is too large: page " + page + " of " + size
          + " starts past the last row the register can count (" + Integer.MAX_VALUE + ")."));
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(problems);
    }
    Page<RecommendationSummary> result = queries.list(new RecommendationFilter(parsedStatus, parsedGrade, overdue, leadOfficer, audit),
        access.visibleTo(authentication), page, size);
    return new Listing(result.getContent(), page, size, result.getTotalElements());
  }

  @GetMapping("/{id}")
  public RecommendationDetail one(@PathVariable Long id, Authentication authentication) {
    access.requireReadable(authentication, id);
    return queries.detail(id);
  }
}
