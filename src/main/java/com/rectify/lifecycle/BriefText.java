package com.rectify.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlSanitizer;

/**
 * People's words for a task's brief, which Tasklist renders as markdown: a narrative stored as sanitized HTML (or
 * typed as plain text) becomes text again, its paragraphs blank-line apart, its list items "- " lines, its line
 * breaks line breaks, its entities characters, every other tag dropped; and each character markdown would read as
 * markup is escaped, so the words show as written. A very long narrative is cut at a word boundary and points to
 * the recommendation page, where it is shown in full.
 */
final class BriefText {

  /** How much of one narrative a brief shows. */
  static final int NARRATIVE_LIMIT = 1_500;
  static final String CUT = "… (the full text is on the recommendation page)";

  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]()#+\\-.!|<>~=]|&(?=#?\\w+;))");
  private static final Pattern STRUCTURE = Pattern.compile("(?i)<\\s*/?\\s*(p|br|li|ul|ol|div|h[1-6]|blockquote|tr|table)\\b");
  private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
      "table", "tr", "pre");
  private static final Set<String> UNSEEN = Set.of("script", "style", "noscript", "template", "iframe", "object", "head", "title");

  private BriefText() {}

  /** One line of words (a name, a title, a file name): no markup, whitespace run together, escaped. */
  static String inline(String text) {
    return escape(line(text));
  }

  /** One line of words, its first {@code limit} characters when it is longer, cut at a word boundary with {@link #CUT}. */
  static String inline(String text, int limit) {
    String line = line(text);
    return escape(line.length() <= limit ? line : cutAtWord(line, limit) + CUT);
  }

  private static String line(String text) {
    return text == null ? "" : String.join(" ", blocks(text).stream().map(Block::text).toList()).replaceAll("\\s+", " ").trim();
  }

  /** A narrative as markdown, in full. */
  static String markdown(String narrative) {
    return render(blocks(narrative));
  }

  /**
   * A narrative as markdown, its first {@code limit} characters of words when it is longer, ending at a word boundary
   * with {@link #CUT} and a link to the page where it is shown in full.
   */
  static String markdown(String narrative, int limit, String fullTextLink) {
    List<Block> blocks = blocks(narrative);
    List<Block> kept = new ArrayList<>();
    int left = limit;
    for (Block block : blocks) {
      if (block.text().length() <= left) {
        kept.add(block);
        left -= block.text().length();
        continue;
      }
      String cut = cutAtWord(block.text(), left);
      String rendered = (cut.isEmpty() ? "" : render(List.of(new Block(block.item(), cut)))) + escape(CUT);
      String before = render(kept);
      return (before.isEmpty() ? "" : before + (block.item() && !cut.isEmpty() ? "\n" : "\n\n")) + rendered
          + "\n\n[Read it in full on the recommendation page](" + fullTextLink + ")";
    }
    return render(kept);
  }

  /** Officers' and auditors' words are shown as written, never as markup. */
  static String escape(String text) {
    return text == null ? "" : MARKDOWN.matcher(text).replaceAll("\\\\$1");
  }

  /** A paragraph, or an item of a list; its text may hold line breaks. */
  private record Block(boolean item, String text) {}

  private static String render(List<Block> blocks) {
    StringBuilder md = new StringBuilder();
    Block previous = null;
    for (Block block : blocks) {
      if (previous != null) {
        md.append(previous.item() && block.item() ? "\n" : "\n\n");
      }
      String escaped = escape(block.text());
      md.append(block.item() ? "- " + escaped.replace("\n", "\n  ") : escaped);
      previous = block;
    }
    return md.toString();
  }

  private static String cutAtWord(String text, int limit) {
    if (limit <= 0) {
      return "";
    }
    int end = limit;
    while (end > 0 && !Character.isWhitespace(text.charAt(end))) {
      end--;
    }
    return (end == 0 ? text.substring(0, limit) : text.substring(0, end)).strip();
  }

  /**
   * The narrative's paragraphs and list items. Where it has markup that makes paragraphs or breaks, line breaks in
   * its source are only spaces, as a browser reads them; where it has none (plain text, or text with entities only),
   * its own line breaks and blank lines are its structure.
   */
  private static List<Block> blocks(String narrative) {
    List<Block> blocks = new ArrayList<>();
    if (narrative == null || narrative.isBlank()) {
      return blocks;
    }
    boolean markup = STRUCTURE.matcher(narrative).find();
    Collector collector = new Collector(blocks, markup);
    HtmlSanitizer.sanitize(narrative, collector);
    collector.end(false);
    return blocks;
  }

  /** Reads the narrative's tags and text as the sanitizer's lexer finds them (text with entities decoded). */
  private static final class Collector implements HtmlSanitizer.Policy {

    private final List<Block> blocks;
    private final boolean markup;
    private final StringBuilder text = new StringBuilder();
    private boolean item;
    private int unseen;

    Collector(List<Block> blocks, boolean markup) {
      this.blocks = blocks;
      this.markup = markup;
    }

    @Override
    public void openDocument() {}

    @Override
    public void closeDocument() {}

    @Override
    public void openTag(String element, List<String> attributes) {
      String name = element.toLowerCase(Locale.ROOT);
      if (UNSEEN.contains(name)) {
        unseen++;
      } else if (name.equals("br")) {
        text.append('\n');
      } else if (name.equals("li")) {
        end(true);
      } else if (BLOCKS.contains(name)) {
        end(false);
      } else if (name.equals("td") || name.equals("th")) {
        text.append(' ');
      }
    }

    @Override
    public void closeTag(String element) {
      String name = element.toLowerCase(Locale.ROOT);
      if (UNSEEN.contains(name)) {
        unseen = Math.max(0, unseen - 1);
      } else if (name.equals("li") || BLOCKS.contains(name)) {
        end(false);
      }
    }

    @Override
    public void text(String chunk) {
      if (unseen > 0) {
        return;
      }
      text.append(markup ? chunk.replaceAll("\\s+", " ") : chunk.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /** Ends the block being read; the next one is a list item when {@code nextIsItem}. */
    void end(boolean nextIsItem) {
      String read = text.toString();
      text.setLength(0);
      boolean wasItem = item;
      item = nextIsItem;
      List<String> paragraphs = new ArrayList<>();
      for (String paragraph : read.split("\n[ \t\u00a0]*\n\\s*")) {
        String lines = String.join("\n", paragraph.lines().map(line -> line.replaceAll("[ \t\u00a0]+", " ").strip())
            .filter(line -> !line.isEmpty()).toList());
        if (!lines.isEmpty()) {
          paragraphs.add(lines);
        }
      }
      for (int i = 0; i < paragraphs.size(); i++) {
        blocks.add(new Block(wasItem && i == 0, paragraphs.get(i)));
      }
    }
  }
}
