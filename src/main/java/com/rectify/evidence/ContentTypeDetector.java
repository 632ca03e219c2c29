package com.rectify.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/** What a file really is, read from its bytes; the name only refines a type the bytes already show. */
@Component
class ContentTypeDetector {

  private final Tika tika = new Tika();

  public String detect(byte[] content, String filename) {
    try {
      return tika.detect(new ByteArrayInputStream(content), filename);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
