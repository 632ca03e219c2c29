package com.rectify.security;

import java.io.IOException;

/**
 * Raised while a request body is read, once more bytes have come than the route accepts. It is an
 * {@link IOException}, as a broken connection would be, so whatever was reading stops there; the answer is
 * 413 wherever it surfaces.
 */
public class RequestBodyTooLargeException extends IOException {

  private final long limitBytes;

  public RequestBodyTooLargeException(long limitBytes) {
    super(RequestSizeLimit.message(limitBytes));
    this.limitBytes = limitBytes;
  }

  public long getLimitBytes() {
    return limitBytes;
  }

  /** The refusal in an exception's chain of causes, if there is one. */
  public static RequestBodyTooLargeException in(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof RequestBodyTooLargeException tooLarge) {
        return tooLarge;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
