package com.rectify.importing;

import com.rectify.common.TextSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A narrative cell as lines of plain text: markup pasted from Word removed and its entities decoded, one line per
 * paragraph, list item, line break or bullet, spaces made plain and single. Inline markup leaves no gap, so
 * 31&lt;sup&gt;st&lt;/sup&gt; reads 31st.
 */
final class NarrativeLines {

  /** Tags that start or end a block of text; each becomes a line break. Bounded so a stray "&lt;p" stays cheap. */
  private static final Pattern BLOCK_TAG = Pattern.compile(
      "<\\s*/?\\s*(?:p|div|li|ul|ol|br|tr|td|th|h[1-6]|table|tbody|thead|blockquote)\\b[^<>]{0,1000}>", Pattern.CASE_INSENSITIVE);
  /** Bullet characters Word and web editors paste, wherever they stand. */
  private static final Pattern BULLETS = Pattern.compile("[•·▪◦●‣○■□➢►]");
  /** A hyphen, asterisk or dash written as a bullet at the start of a line. */
  private static final Pattern LEADING_MARK = Pattern.compile("^[-*–—]\\s+");
  /** No-break, thin and other wide spaces read as a space. */
  private static final Pattern ODD_SPACES = Pattern.compile("[\\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000]");
  /** Zero-width characters and soft hyphens: invisible, and they would split words. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]");

  private NarrativeLines() {}

  static List<String> of(String narrative) {
    if (narrative == null || narrative.isBlank()) {
      return List.of();
    }
    String text = narrative;
    if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
      text = TextSanitizer.plain(BLOCK_TAG.matcher(text).replaceAll("\n"));
    }
    text = INVISIBLE.matcher(ODD_SPACES.matcher(text).replaceAll(" ")).replaceAll("");
    text = BULLETS.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("\n");
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      String tidy = LEADING_MARK.matcher(line.trim()).replaceFirst("").replaceAll(" {2,}", " ").trim();
      if (!tidy.isEmpty()) {
        lines.add(tidy);
      }
    }
    return lines;
  }
}
