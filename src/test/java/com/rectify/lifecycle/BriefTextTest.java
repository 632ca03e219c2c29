package com.rectify.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Narratives stored as sanitized HTML, or typed as plain text, come out of a task's brief as words, never as markup. */
class BriefTextTest {

  @Test
  void entitiesBecomeTheCharactersTheyStandFor() {
    assertThat(BriefText.markdown("The Council&#39;s &quot;fair&quot; use &amp; care")).isEqualTo("The Council's \"fair\" use & care");
    // Words that read like an entity once decoded stay words.
    assertThat(BriefText.markdown("Write &amp;copy; or &amp;#39;")).isEqualTo("Write \\&copy; or \\&\\#39;");
    assertThat(BriefText.markdown("Council&#39;s")).doesNotContain("&#39;").doesNotContain("#");
  }

  @Test
  void paragraphsAreBlankLinesApartAndBreaksAreLineBreaks() {
    assertThat(BriefText.markdown("<p>First paragraph.</p><p>Second<br>line two.</p>"))
        .isEqualTo("First paragraph\\.\n\nSecond\nline two\\.");
    // Source line breaks inside markup are only spaces, as a browser reads them.
    assertThat(BriefText.markdown("<p>One\n   sentence.</p>")).isEqualTo("One sentence\\.");
  }

  @Test
  void listItemsAreDashLines() {
    assertThat(BriefText.markdown("<p>Actions:</p><ul><li>Reconcile <strong>monthly</strong>.</li><li>Sign off.</li></ul><p>After.</p>"))
        .isEqualTo("Actions:\n\n- Reconcile monthly\\.\n- Sign off\\.\n\nAfter\\.");
    assertThat(BriefText.markdown("<ol><li>First<ul><li>inner</li></ul></li></ol>")).isEqualTo("- First\n- inner");
  }

  @Test
  void otherTagsAreDroppedAndWhatCannotBeSeenIsLeftOut() {
    assertThat(BriefText.markdown("Area of 10 m<sup>2</sup> <em>and</em> <a href=\"x\">more</a><script>alert(1)</script>"))
        .isEqualTo("Area of 10 m2 and more");
    assertThat(BriefText.markdown("<span style=\"color:red\">Red</span> <sub>1</sub>")).isEqualTo("Red 1");
  }

  @Test
  void plainTextKeepsItsOwnLinesAndParagraphs() {
    assertThat(BriefText.markdown("First line\nsecond line\n\nNew paragraph")).isEqualTo("First line\nsecond line\n\nNew paragraph");
    // Text with an entity and no markup, as the sanitizer stores plain text with an apostrophe.
    assertThat(BriefText.markdown("Council&#39;s view\n\nNext")).isEqualTo("Council's view\n\nNext");
  }

  @Test
  void whatMarkdownWouldReadAsMarkupIsEscaped() {
    String escaped = BriefText.markdown("# Not a heading\n1. not a list\n- not an item\n*not emphasis* [not](a link) <b>x</b> &lt;p&gt;");
    assertThat(escaped).startsWith("\\# Not a heading\n1\\. not a list\n\\- not an item\n\\*not emphasis\\* \\[not\\]\\(a link\\)")
        .endsWith("x \\<p\\>");
    assertThat(BriefText.markdown("Heading?\n===")).isEqualTo("Heading?\n\\=\\=\\=");
  }

  @Test
  void aLongNarrativeIsCutAtAWordAndPointsToTheRecommendationPage() {
    String word = "reconciliation ";
    String narrative = "<p>" + word.repeat(50_000 / word.length()) + "</p>";
    String brief = BriefText.markdown(narrative, BriefText.NARRATIVE_LIMIT, "/recommendations/7");
    assertThat(brief).endsWith("[Read it in full on the recommendation page](/recommendations/7)");
    String shown = brief.substring(0, brief.indexOf(BriefText.escape(BriefText.CUT)));
    assertThat(shown).hasSizeLessThanOrEqualTo(BriefText.NARRATIVE_LIMIT).hasSizeGreaterThan(BriefText.NARRATIVE_LIMIT - word.length())
        .endsWith("reconciliation");
    assertThat(brief).contains("reconciliation… \\(the full text is on the recommendation page\\)");
  }

  @Test
  void aNarrativeWithinTheLimitIsShownWhole() {
    assertThat(BriefText.markdown("<p>Short.</p><ul><li>One</li></ul>", BriefText.NARRATIVE_LIMIT, "/recommendations/7"))
        .isEqualTo("Short\\.\n\n- One");
  }

  @Test
  void aCutInTheSecondParagraphKeepsTheFirst() {
    String brief = BriefText.markdown("<p>Kept.</p><p>" + "word ".repeat(20) + "</p>", 30, "/recommendations/7");
    assertThat(brief).startsWith("Kept\\.\n\nword word word word word… \\(the full");
  }

  @Test
  void oneLineWordsHaveNoMarkupAndNoLineBreaks() {
    assertThat(BriefText.inline("<p>Payroll &amp; pensions</p>\n<p>2025</p>")).isEqualTo("Payroll & pensions 2025");
    assertThat(BriefText.inline(null)).isEmpty();
  }
}
