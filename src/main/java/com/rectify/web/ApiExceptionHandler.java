package com.rectify.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.rectify.common.ApiErrorBody;
import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import com.rectify.common.LifecycleRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;

/** Every refusal in one shape: status, message, and the fields at fault; as JSON, or as a page for a browser. */
@RestControllerAdvice(basePackages = "com.rectify")
class ApiExceptionHandler {

  private final NavigationLinks navigation;
  private final EngineRefusals engineRefusals;

  public ApiExceptionHandler(NavigationLinks navigation, EngineRefusals engineRefusals) {
    this.navigation = navigation;
    this.engineRefusals = engineRefusals;
  }

  @ExceptionHandler(ApiException.class)
  Object refused(ApiException e, HttpServletRequest request) {
    return answer(request, e.getStatus(), e.getMessage(), e.getProblems(), e.getHeading());
  }

  /** The engine's own authorizations refused the caller (Camunda authorizations are on). */
  @ExceptionHandler(AuthorizationException.class)
  Object notAuthorized(AuthorizationException e, HttpServletRequest request) {
    return answer(request, HttpStatus.FORBIDDEN, engineRefusals.words(e), List.of());
  }

  @ExceptionHandler(LifecycleRuleViolation.class)
  Object ruleViolation(LifecycleRuleViolation e, HttpServletRequest request) {
    return answer(request, HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem(e.getField(), e.getMessage())));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  Object invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getField() + " " + error.getDefaultMessage()))
        .collect(Collectors.toList());
    return answer(request, HttpStatus.BAD_REQUEST, "The request has " + problems.size() + " problem(s); nothing was changed.", problems);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    String field = "body";
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      field = mismatch.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
    }
    String message = "body".equals(field) ? "The request body is not valid JSON." : "Field '" + field + "' has a value of the wrong type.";
    return answer(request, HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(field, message)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String message = "Parameter '" + e.getName() + "' cannot be '" + e.getValue() + "'.";
    return answer(request, HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(e.getName(), message)));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    String message = "Parameter '" + e.getParameterName() + "' is required.";
    return answer(request, HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(e.getParameterName(), message)));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  Object missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
    String message = "Multipart field '" + e.getRequestPartName() + "' is required.";
    return answer(request, HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(e.getRequestPartName(), message)));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    String message = "The uploaded file is larger than the server accepts.";
    return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, message, List.of(new FieldProblem("file", message)));
  }

  /**
   * JSON for the API and for scripts; a page (templates/error.html) for a person whose browser asked one of
   * Rectify's pages, so a refusal reads as a screen and not as data.
   */
  private Object answer(HttpServletRequest request, HttpStatus status, String message, List<FieldProblem> problems) {
    return answer(request, status, message, problems, null);
  }

  private Object answer(HttpServletRequest request, HttpStatus status, String message, List<FieldProblem> problems, String heading) {
    if (wantsPage(request)) {
      ModelAndView page = new ModelAndView("error", status);
      page.addObject("heading", heading);
      page.addObject("status", status.value());
      page.addObject("error", status.getReasonPhrase());
      page.addObject("message", message);
      page.addObject("problems", problems);
      Authentication user = SecurityContextHolder.getContext().getAuthentication();
      page.addObject("navPlaces", navigation.places(user));
      return page;
    }
    return ResponseEntity.status(status).body(new ApiErrorBody(status.value(), message, problems));
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT)).stream()
          .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
