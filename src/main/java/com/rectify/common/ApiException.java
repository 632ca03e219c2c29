package com.rectify.common;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refused request: its status, a summary, and every field at fault, and, for a person's page, a heading that
 * says what went wrong in their words ("We cannot show this recommendation"). Nothing was changed.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldProblem> problems;
  private final String heading;

  public ApiException(HttpStatus status, String message, List<FieldProblem> problems) {
    this(status, message, problems, null);
  }

  private ApiException(HttpStatus status, String message, List<FieldProblem> problems, String heading) {
    super(message);
    this.status = status;
    this.problems = List.copyOf(problems);
    this.heading = heading;
  }

  /** The same refusal under a heading of its own on the error page. */
  public ApiException headed(String heading) {
    return new ApiException(status, getMessage(), problems, heading);
  }

  /** The same refusal with another status: one not for this person answers as missing would (404). */
  public ApiException withStatus(HttpStatus newStatus) {
    return new ApiException(newStatus, getMessage(), problems, heading);
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

  /** The error page's heading; none for the page's usual heading for the status. */
  public String getHeading() {
    return heading;
  }
}
