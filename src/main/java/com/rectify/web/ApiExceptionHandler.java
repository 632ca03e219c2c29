package com.rectify.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.rectify.lifecycle.LifecycleRuleViolation;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Every refusal of the API in one shape: status, message, and the fields at fault. */
@RestControllerAdvice(basePackages = "com.rectify")
public class ApiExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiErrorBody> refused(ApiException e) {
    return body(e.getStatus(), e.getMessage(), e.getProblems());
  }

  /** The engine's own authorizations refused the caller (Camunda authorizations are on). */
  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiErrorBody> notAuthorized(AuthorizationException e) {
    String message = "User '" + e.getUserId() + "' may not do this: " + e.getMessage();
    return body(HttpStatus.FORBIDDEN, message, List.of());
  }

  @ExceptionHandler(LifecycleRuleViolation.class)
  ResponseEntity<ApiErrorBody> ruleViolation(LifecycleRuleViolation e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), List.of(new FieldProblem(e.getField(), e.getMessage())));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiErrorBody> invalid(MethodArgumentNotValidException e) {
    List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldProblem(error.getField(), error.getField() + " " + error.getDefaultMessage()))
        .collect(Collectors.toList());
    return body(HttpStatus.BAD_REQUEST, "The request has " + problems.size() + " problem(s); nothing was changed.", problems);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiErrorBody> unreadable(HttpMessageNotReadableException e) {
    String field = "body";
    if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      field = mismatch.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
    }
    String message = "body".equals(field) ? "The request body is not valid JSON." : "Field '" + field + "' has a value of the wrong type.";
    return body(HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(field, message)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiErrorBody> badParameter(MethodArgumentTypeMismatchException e) {
    String message = "Parameter '" + e.getName() + "' cannot be '" + e.getValue() + "'.";
    return body(HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(e.getName(), message)));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiErrorBody> missingParameter(MissingServletRequestParameterException e) {
    String message = "Parameter '" + e.getParameterName() + "' is required.";
    return body(HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(e.getParameterName(), message)));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiErrorBody> missingPart(MissingServletRequestPartException e) {
    String message = "Multipart field '" + e.getRequestPartName() + "' is required.";
    return body(HttpStatus.BAD_REQUEST, message, List.of(new FieldProblem(e.getRequestPartName(), message)));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiErrorBody> tooLarge(MaxUploadSizeExceededException e) {
    String message = "The uploaded file is larger than the server accepts.";
    return body(HttpStatus.PAYLOAD_TOO_LARGE, message, List.of(new FieldProblem("file", message)));
  }

  private static ResponseEntity<ApiErrorBody> body(HttpStatus status, String message, List<FieldProblem> problems) {
    return ResponseEntity.status(status).body(new ApiErrorBody(status.value(), message, problems));
  }
}
