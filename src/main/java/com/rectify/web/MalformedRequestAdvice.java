package com.rectify.web;

import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import com.rectify.security.RequestBodyTooLargeException;
import com.rectify.security.RequestSizeLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Requests that are malformed rather than wrong: a body cut off by the size limit, a body of the wrong
 * type, a method the address does not take, an upload that is not multipart. Each is answered 4xx with a
 * sentence, in the shape of every other refusal ({@link ApiExceptionHandler}), never a 500. Asked before
 * {@link ApiExceptionHandler}, so a body cut off inside a JSON read is a 413, not "not valid JSON". Not tied
 * to Rectify's controllers: most of these are raised before a controller is chosen (the method, the content
 * type, the multipart upload).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedRequestAdvice {

  private final ApiExceptionHandler answers;

  public MalformedRequestAdvice(ApiExceptionHandler answers) {
    this.answers = answers;
  }

  /** Matched also when it is the cause (inside Jackson's HttpMessageNotReadableException, say). */
  @ExceptionHandler(RequestBodyTooLargeException.class)
  Object tooLarge(RequestBodyTooLargeException e, HttpServletRequest request, HttpServletResponse response) {
    request.setAttribute(RequestSizeLimit.REFUSED, e.getLimitBytes());
    response.setHeader(HttpHeaders.CONNECTION, "close");
    return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "body", e.getMessage());
  }

  @ExceptionHandler(MultipartException.class)
  Object multipart(MultipartException e, HttpServletRequest request) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return answers.tooLarge(tooLarge, request);
    }
    if (RequestBodyTooLargeException.in(e) != null) {
      return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "file", RequestBodyTooLargeException.in(e).getMessage());
    }
    return answer(request, HttpStatus.BAD_REQUEST, "file", "The request must be a multipart/form-data upload (with its "
        + "boundary) carrying the file in a part named 'file'; it could not be read as one.");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String sent = e.getContentType() == null ? request.getContentType() : e.getContentType().toString();
    String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
    String message = (sent == null || sent.isBlank() ? "The request has no Content-Type" : "Content-Type '" + sent + "' is not accepted here")
        + (accepted.isEmpty() ? "." : "; send " + accepted + ".");
    return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", message);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object unsupportedMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
    Set<HttpMethod> allowed = e.getSupportedHttpMethods();
    String list = allowed == null ? "" : allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
    if (!list.isEmpty()) {
      response.setHeader(HttpHeaders.ALLOW, list);
    }
    String message = "Method " + e.getMethod() + " is not allowed at " + request.getRequestURI()
        + (list.isEmpty() ? "." : "; it takes " + list + ".");
    return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "method", message);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request, HttpServletResponse response)
      throws java.io.IOException {
    // The client accepts none of the types this address answers in, so the answer is plain text.
    String offered = e.getSupportedMediaTypes().stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
    response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
    response.setContentType(MediaType.TEXT_PLAIN_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("The Accept header '" + request.getHeader(HttpHeaders.ACCEPT) + "' names no type this address answers in"
        + (offered.isEmpty() ? "." : "; accept " + offered + "."));
  }

  private Object answer(HttpServletRequest request, HttpStatus status, String field, String message) {
    return answers.refused(new ApiException(status, message, List.of(new FieldProblem(field, message))), request);
  }
}
