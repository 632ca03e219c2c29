package com.rectify.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plain text skips the sanitizer only where the sanitizer would have given it back unchanged. */
class TextSanitizerTest {

  @Test
  void textWithoutMarkupComesBackAsWritten() {
    String text = "  Reconcile the ledger 'monthly' = \"signed\" + reviewed @ 31/03/2026 — £5,000 > £4,000; café\r\n\tdone  ";
    assertThat(TextSanitizer.isPlainAlready(text)).isTrue();
    assertThat(TextSanitizer.plain(text)).isEqualTo(text.trim());
  }

  @Test
  void markupEntitiesAndControlCharactersStillGoThroughTheSanitizer() {
    assertThat(TextSanitizer.isPlainAlready("<p>Agreed</p>")).isFalse();
    assertThat(TextSanitizer.plain("<p>Agreed &amp; done</p><script>alert(1)</script>")).isEqualTo("Agreed & done");
    assertThat(TextSanitizer.isPlainAlready("Fish &amp; chips")).isFalse();
    assertThat(TextSanitizer.plain("Fish &amp; chips")).isEqualTo("Fish & chips");
    assertThat(TextSanitizer.isPlainAlready("bell\u0007here")).isFalse();
    assertThat(TextSanitizer.plain("bell\u0007here")).isEqualTo("bellhere");
    assertThat(TextSanitizer.isPlainAlready("smile \uD83D\uDE00")).isFalse();
    assertThat(TextSanitizer.plain("smile \uD83D\uDE00")).isEqualTo("smile \uD83D\uDE00");
  }
}
