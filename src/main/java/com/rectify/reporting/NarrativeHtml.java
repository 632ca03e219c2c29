package com.rectify.reporting;

import com.rectify.common.TextSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A narrative (a recommendation's text, an officer's update) as the report's page and PDF show it: its
 * paragraphs and lists kept, nothing that could run, and every date (31/03/2024) kept on one line.
 *
 * <p>Text that came with markup (pasted from Word, imported from a sheet) is sanitized again here, whatever was
 * stored; plain text (typed in a form) is escaped, its blank lines made paragraphs and its lines that begin
 * with a bullet ("-", "*", "•") a list. The result is well-formed XHTML, as the PDF's layout engine needs.
 */
final class NarrativeHtml {

  /** A date written dd/mm/yyyy, with a bracket before it and punctuation after it, which a line must not leave behind. */
  private static final Pattern DATE = Pattern.compile("\\(?(?<![\\d/])\\d{1,2}/\\d{1,2}/\\d{2,4}(?![\\d/])[.,;:)]*");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*\u2022\u00b7]\\s+");
  private static final Pattern BLANK_LINE = Pattern.compile("\\r?\\n\\s*\\r?\\n");

  private NarrativeHtml() {}

  static String of(String stored) {
    return of(stored, null);
  }

  /**
   * The narrative with a label run into its first paragraph ("<b>Latest update, 27/06/2025:</b> The service has…"),
   * or in a paragraph of its own when the narrative begins with a list. The label is plain text.
   */
  static String of(String stored, String label) {
    if (stored == null || stored.isBlank()) {
      return label == null ? "" : "<p>" + labelHtml(label) + "</p>";
    }
    String html = stored.indexOf('<') >= 0 ? TextSanitizer.formatted(stored) : fromPlainText(HtmlUtils.htmlUnescape(stored));
    html = DATE.matcher(html).replaceAll("<span class=\"date\">$0</span>");
    if (label == null) {
      return html;
    }
    return html.startsWith("<p>") ? "<p>" + labelHtml(label) + " " + html.substring(3) : "<p>" + labelHtml(label) + "</p>" + html;
  }

  private static String labelHtml(String label) {
    return "<b class=\"label\">" + line(label) + "</b>";
  }

  /** A line of plain text (no paragraphs) as HTML: escaped, its dates kept on one line. */
  static String line(String text) {
    return text == null ? "" : DATE.matcher(escape(text)).replaceAll("<span class=\"date\">$0</span>");
  }

  private static String fromPlainText(String text) {
    StringBuilder html = new StringBuilder();
    for (String block : BLANK_LINE.split(text.trim())) {
      List<String> lines = block.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
      List<String> paragraph = new ArrayList<>();
      boolean inList = false;
      for (String line : lines) {
        boolean bullet = BULLET.matcher(line).find();
        if (bullet && !inList) {
          flush(html, paragraph);
          html.append("<ul>");
          inList = true;
        } else if (!bullet && inList) {
          html.append("</ul>");
          inList = false;
        }
        if (bullet) {
          html.append("<li>").append(escape(BULLET.matcher(line).replaceFirst(""))).append("</li>");
        } else {
          paragraph.add(escape(line));
        }
      }
      if (inList) {
        html.append("</ul>");
      }
      flush(html, paragraph);
    }
    return html.toString();
  }

  private static void flush(StringBuilder html, List<String> paragraph) {
    if (!paragraph.isEmpty()) {
      html.append("<p>").append(String.join("<br />", paragraph)).append("</p>");
      paragraph.clear();
    }
  }

  /** The five characters markup gives meaning to, as XML's own entities: nothing else needs escaping in UTF-8. */
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
