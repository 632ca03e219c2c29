package com.rectify.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refused request: its status, a summary, and every field at fault. Nothing was changed. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldProblem> problems;

  public ApiException(HttpStatus status, String message, List<FieldProblem> problems) {
    super(message);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public static ApiException badRequest(List<FieldProblem> problems) {
    return new ApiException(HttpStatus.BAD_REQUEST, "The request has " + problems.size() + " problem(s); nothing was changed.", problems);
  }

  public static ApiException of(HttpStatus status, String field, String message) {
    return new ApiException(status, message, List.of(new FieldProblem(field, message)));
  }

  /** "There is no recommendation at this address …": what was asked for, in words, without its number. */
  public static ApiException notFound(String what) {
    return of(HttpStatus.NOT_FOUND, "id", "There is no " + what + " at this address: it may have been mistyped, or removed.");
  }

  public HttpStatus getStatus() {
    return status;
  }

  public List<FieldProblem> getProblems() {
    return problems;
  }
}
