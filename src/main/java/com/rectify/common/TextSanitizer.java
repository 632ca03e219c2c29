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
    String stripped = PLAIN.sanitize(text.replaceAll("(?i)<\\s*(br|/p|/li)\\s*/?>", "\n"));
    return org.springframework.web.util.HtmlUtils.htmlUnescape(stripped).trim();
  }
}
