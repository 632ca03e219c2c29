package com.rectify.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * axe-core run on what a page shows, against WCAG 2.0, 2.1 and 2.2 at levels A and AA. Each result is kept as
 * JSON under target/axe, named after the page and the width it was checked at.
 */
final class AxeScan {

  static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
  static final Path RESULTS = Path.of("target", "axe");

  private static final Pattern CRITERION = Pattern.compile("wcag(\\d)(\\d)(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One element a rule found at fault, on one page at one width: the rule, the WCAG success criteria it tests
   * ("1.4.3"), the element's CSS selector, and what axe says to fix.
   */
  record Finding(String page, int width, String rule, List<String> criteria, String impact, String help, String helpUrl,
      String selector, String summary) {

    @Override
    public String toString() {
      return page + " @" + width + "px: " + rule + " (" + impact + ", WCAG " + String.join(", ", criteria) + ") " + help
          + "\n    at " + selector
          + (summary == null ? "" : "\n    " + summary.replace("\n", "\n    ")) + "\n    see " + helpUrl;
    }
  }

  private AxeScan() {}

  /** Checks the page as it is now, at its current width, and saves the result as target/axe/{name}-{width}.json. */
  static List<Finding> check(Page page, String name) {
    int width = page.viewportSize().width;
    AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
    if (results.isErrored()) {
      throw new AssertionError("axe could not check " + name + " at " + page.url() + ": " + results.getErrorMessage());
    }
    save(results, name + "-" + width);
    List<Finding> findings = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        findings.add(new Finding(name, width, rule.getId(), criteria(rule), node.getImpact() != null ? node.getImpact() : rule.getImpact(),
            rule.getHelp(), rule.getHelpUrl(), selector(node.getTarget()), node.getFailureSummary()));
      }
    }
    return findings;
  }

  /** The success criteria a rule tests, from its tags: "wcag143" is 1.4.3. */
  private static List<String> criteria(Rule rule) {
    List<String> criteria = new ArrayList<>();
    for (String tag : rule.getTags()) {
      Matcher criterion = CRITERION.matcher(tag);
      if (criterion.matches()) {
        criteria.add(criterion.group(1) + "." + criterion.group(2) + "." + criterion.group(3));
      }
    }
    return criteria;
  }

  /** The element's selector in its document: the last of axe's target, which lists one per frame or shadow root. */
  private static String selector(Object target) {
    Object last = target;
    while (last instanceof List<?> list && !list.isEmpty()) {
      last = list.get(list.size() - 1);
    }
    return String.valueOf(last);
  }

  /** The page at a desktop's width (1280 × 800) and a phone's (390 × 844), each checked; left at the desktop size. */
  static List<Finding> atBothWidths(Page page, String name) {
    List<Finding> findings = new ArrayList<>();
    page.setViewportSize(Screens.DESKTOP_WIDTH, Screens.DESKTOP_HEIGHT);
    findings.addAll(check(page, name));
    page.setViewportSize(Screens.PHONE_WIDTH, Screens.PHONE_HEIGHT);
    findings.addAll(check(page, name));
    page.setViewportSize(Screens.DESKTOP_WIDTH, Screens.DESKTOP_HEIGHT);
    return findings;
  }

  /** The findings as a failure message a person can act on: one line per rule and element, with where to read more. */
  static String report(List<Finding> findings) {
    StringBuilder text = new StringBuilder(findings.size() + " accessibility violation(s):\n");
    findings.forEach(finding -> text.append("  ").append(finding).append('\n'));
    return text.toString();
  }

  private static void save(AxeResults results, String fileName) {
    try {
      Files.createDirectories(RESULTS);
      JSON.writeValue(RESULTS.resolve(fileName.replaceAll("[^A-Za-z0-9-]+", "_") + ".json").toFile(), results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
