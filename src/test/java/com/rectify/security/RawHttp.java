package com.rectify.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients will not send: a body streamed in chunks without
 * a Content-Length, or a Content-Length larger than the body that follows. It stops sending as soon as the
 * server answers (or stops reading), then reads the answer, and says how much of the body went out.
 */
final class RawHttp {

  record Answer(int status, Map<String, String> headers, String body, long bodyBytesSent) {}

  private RawHttp() {}

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Posts {@code head} followed by {@code fill} repeated until {@code totalBytes}, chunked when
   * {@code contentLength} is negative, else under that Content-Length; then {@code tail} (if the server has
   * not answered by then).
   */
  static Answer post(int port, String path, Map<String, String> headers, byte[] head, byte fill, long totalBytes,
      byte[] tail, long contentLength) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
      request.append(contentLength < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n");
      request.append("\r\n");
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));

      long sent = 0;
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, fill);
      try {
        sent += send(out, head, contentLength < 0);
        while (sent < totalBytes && in.available() == 0) {
          int n = (int) Math.min(chunk.length, totalBytes - sent);
          sent += send(out, n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n), contentLength < 0);
        }
        if (in.available() == 0) {
          sent += send(out, tail, contentLength < 0);
          if (contentLength < 0) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
          out.flush();
        }
      } catch (IOException closedByServer) {
        // The server answered and closed the connection while the body was still going out: read its answer.
      }
      return read(in, sent);
    }
  }

  private static long send(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
    if (bytes == null || bytes.length == 0) {
      return 0;
    }
    if (chunked) {
      out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } else {
      out.write(bytes);
    }
    return bytes.length;
  }

  private static Answer read(InputStream in, long sent) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        received.write(buffer, 0, n);
        if (complete(received.toString(StandardCharsets.UTF_8))) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException endOfAnswer) {
      // whatever arrived is the answer
    }
    String text = received.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("No HTTP answer after sending " + sent + " bytes; received: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(status, headers, body, sent);
  }

  /** Whether the answer so far is whole: its headers and the body they announce. */
  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(Locale.ROOT);
    String body = text.substring(end + 4);
    int length = head.indexOf("content-length:");
    if (length >= 0) {
      int eol = head.indexOf("\r\n", length);
      long expected = Long.parseLong(head.substring(length + 15, eol < 0 ? head.length() : eol).trim());
      return body.getBytes(StandardCharsets.UTF_8).length >= expected;
    }
    if (head.contains("transfer-encoding: chunked")) {
      return body.endsWith("0\r\n\r\n");
    }
    return false;
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int eol = body.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, eol).trim().split(";")[0], 16);
      if (size == 0) {
        break;
      }
      byte[] bytes = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String piece = new String(bytes, 0, Math.min(size, bytes.length), StandardCharsets.UTF_8);
      out.append(piece);
      at = eol + 2 + piece.length() + 2;
    }
    return out.toString();
  }
}
