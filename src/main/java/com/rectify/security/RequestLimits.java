package com.rectify.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code rectify.request-limits}), counted on the bytes actually read, on
 * every route: a JSON or form body at most {@code max-body-size}, a multipart upload at most
 * {@code max-multipart-size} (by default the multipart ceiling, {@code spring.servlet.multipart.max-request-size}).
 */
@ConfigurationProperties("rectify.request-limits")
record RequestLimits(DataSize maxBodySize, DataSize maxMultipartSize) {

  public RequestLimits {
    maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    maxMultipartSize = maxMultipartSize == null ? DataSize.ofMegabytes(26) : maxMultipartSize;
    if (maxBodySize.toBytes() < 1 || maxMultipartSize.toBytes() < 1) {
      throw new IllegalArgumentException("rectify.request-limits sizes must be at least one byte");
    }
  }

  /** A size as people read it: "1 MB", "26 MB", "512 KB", or bytes. */
  public static String describe(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }
}
