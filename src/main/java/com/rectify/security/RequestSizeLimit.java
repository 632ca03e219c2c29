package com.rectify.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.FilterWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body on every route ({@code /api}, {@code /engine-rest}, the webapps and their API,
 * Rectify's pages and forms) by the bytes actually read, whatever the request announces: a body whose
 * Content-Length is over the limit is refused with 413 before anything reads it, and a body sent without
 * one (chunked) is cut off with 413 as soon as more than the limit has been read. JSON and form bodies get
 * {@code rectify.request-limits.max-body-size}, multipart uploads {@code max-multipart-size}.
 *
 * <p>Two readers do not go through the wrapped stream: Tomcat parses multipart uploads for Spring MVC
 * with its own ceiling ({@code spring.servlet.multipart.max-request-size}, counted on bytes read) and form
 * posts with its own ({@code server.tomcat.max-http-form-post-size}, set to the body limit); a form post over
 * that is answered 413 here too.
 */
@Configuration
public class RequestSizeLimit {

  /** Set on a request whose body was cut off, so whichever layer sees the failure answers 413. */
  public static final String REFUSED = RequestSizeLimit.class.getName() + ".REFUSED";

  private static final Logger log = LoggerFactory.getLogger(RequestSizeLimit.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestBodyLimit(RequestLimits limits) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Limit(limits.maxBodySize().toBytes(), limits.maxMultipartSize().toBytes()));
    registration.addUrlPatterns("/*");
    registration.setName("request-size-limit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static String message(long limitBytes) {
    return "The request body is larger than " + RequestLimits.describe(limitBytes) + ", the most this address accepts.";
  }

  static final class Limit extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxMultipart;

    Limit(long maxBody, long maxMultipart) {
      this.maxBody = maxBody;
      this.maxMultipart = maxMultipart;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
      long limit = type.startsWith("multipart/") ? maxMultipart : maxBody;
      if (request.getContentLengthLong() > limit) {
        refuse(request, response, limit);
        return;
      }
      if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) && !Refusals.isCamunda(Refusals.path(request))) {
        // Tomcat reads a form post itself (never more than its form limit, the same as ours) when asked for a
        // parameter; ask now, so a post that was too large is answered 413 and not taken as an empty form.
        // The JAX-RS APIs read their forms from the stream, which the wrapper below counts.
        request.getParameterNames();
        if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR) == Parameters.FailReason.POST_TOO_LARGE) {
          refuse(request, response, limit);
          return;
        }
      }
      BoundedRequest bounded = new BoundedRequest(request, limit);
      GuardedResponse guarded = new GuardedResponse(response, request);
      try {
        chain.doFilter(bounded, guarded);
      } catch (IOException | ServletException | RuntimeException e) {
        if (request.getAttribute(REFUSED) == null && RequestBodyTooLargeException.in(e) == null) {
          throw e;
        }
        if (response.isCommitted()) {
          log.info("{} {}: body over {} refused after the answer had begun", request.getMethod(), request.getRequestURI(), limit);
          return;
        }
        refuse(request, response, limit);
        return;
      }
      if (request.getAttribute(REFUSED) != null && !response.isCommitted()) {
        refuse(request, response, limit);
      }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
      if (response.isCommitted()) {
        return;
      }
      response.resetBuffer();
      // The rest of the body is not wanted: Tomcat stops reading and closes the connection after this answer.
      response.setHeader(HttpHeaders.CONNECTION, "close");
      Refusals.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, message(limit));
    }
  }

  /**
   * The response as the application sees it: once the request's body has been cut off, whatever the
   * application then writes (its own error for the failed read, a 500 from a framework that does not know
   * this failure) is dropped, and the filter answers 413 itself.
   */
  static final class GuardedResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private ServletOutputStream stream;
    private PrintWriter writer;

    GuardedResponse(HttpServletResponse response, HttpServletRequest request) {
      super(response);
      this.request = request;
    }

    private boolean refused() {
      return request.getAttribute(REFUSED) != null;
    }

    @Override
    public void setStatus(int status) {
      if (!refused()) {
        super.setStatus(status);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (!refused()) {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      if (!refused()) {
        super.sendError(status);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!refused()) {
        super.setContentType(type);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!refused()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!refused()) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!refused()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream real = super.getOutputStream();
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            if (!refused()) {
              real.write(b);
            }
          }

          @Override
          public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!refused()) {
              real.write(bytes, offset, length);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!refused()) {
              real.flush();
            }
          }

          @Override
          public void close() throws IOException {
            if (!refused()) {
              real.close();
            }
          }

          @Override
          public boolean isReady() {
            return real.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            real.setWriteListener(listener);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        // Over the container's own writer, which the container flushes at the end of the request.
        Writer real = super.getWriter();
        writer = new PrintWriter(new FilterWriter(real) {
          @Override
          public void write(int c) throws IOException {
            if (!refused()) {
              super.write(c);
            }
          }

          @Override
          public void write(char[] chars, int offset, int length) throws IOException {
            if (!refused()) {
              super.write(chars, offset, length);
            }
          }

          @Override
          public void write(String text, int offset, int length) throws IOException {
            if (!refused()) {
              super.write(text, offset, length);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!refused()) {
              super.flush();
            }
          }

          @Override
          public void close() throws IOException {
            if (!refused()) {
              super.close();
            }
          }
        });
      }
      return writer;
    }
  }

  /** The request as the application sees it: its body counted as it is read. */
  static final class BoundedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private BoundedInputStream stream;
    private BufferedReader reader;

    BoundedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new BoundedInputStream(super.getInputStream(), limit, (HttpServletRequest) getRequest());
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }
  }

  /** Counts the bytes read and throws {@link RequestBodyTooLargeException} once there are more than the limit. */
  static final class BoundedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final HttpServletRequest request;
    private long count;

    BoundedInputStream(ServletInputStream in, long limit, HttpServletRequest request) {
      this.in = in;
      this.limit = limit;
      this.request = request;
    }

    @Override
    public int read() throws IOException {
      check();
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      // Never ask for more than one byte past the limit: that byte is enough to know the body is too large.
      int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void check() throws RequestBodyTooLargeException {
      if (count > limit) {
        throw new RequestBodyTooLargeException(limit);
      }
    }

    private void counted(int n) throws RequestBodyTooLargeException {
      count += n;
      if (count > limit) {
        request.setAttribute(REFUSED, limit);
        throw new RequestBodyTooLargeException(limit);
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
