package com.rectify.common;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Source text arrives with markup pasted from Word and web tools. We keep the words and a few harmless
 * formatting tags, and drop everything that could run.
 */
public final class TextSanitizer {

  private static final PolicyFactory FORMATTED =
      Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(new HtmlPolicyBuilder().allowElements("ul", "ol", "li", "br").toFactory());
  private static final PolicyFactory PLAIN = new HtmlPolicyBuilder().toFactory();

  private TextSanitizer() {}

  /** Keeps paragraphs, lists and emphasis; removes scripts, handlers, styles and links. */
  public static String formatted(String html) {
    return html == null ? null : FORMATTED.sanitize(html).trim();
  }

  /** Text only: every tag removed, entities decoded back to characters. */
  public static String plain(String text) {
    if (text == null) {
      return null;
    }
    if (isPlainAlready(text)) {
      return text.trim();
    }
    String stripped = PLAIN.sanitize(text.replaceAll("(?i)<\\s*(br|/p|/li)\\s*/?>", "\n"));
    return org.springframework.web.util.HtmlUtils.htmlUnescape(stripped).trim();
  }

  /**
   * Text with no markup, no entity and no character the sanitizer would drop comes out of it unchanged; a
   * report of 100,000 rows skips the sanitizer for it.
   */
  static boolean isPlainAlready(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '&' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
          || c >= 0xFFFE || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
