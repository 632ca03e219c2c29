package com.rectify.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headings a council's sheet may give its columns: each column's name and label and the aliases configured in
 * {@code rectify.import.columns}, matched ignoring case, spaces and punctuation. Tells a heading row from other rows,
 * whether its headings stand in cells or, in text pasted from a PDF, in one line of words.
 */
final class ColumnHeadings {

  /** The most words one heading may have when read from a line of words ("Date to be Actioned"). */
  private static final int LONGEST_HEADING = 5;

  private final Map<String, ImportColumn> aliases = new HashMap<>();

  ColumnHeadings(ImportProperties properties) {
    for (ImportColumn column : ImportColumn.values()) {
      aliases.put(normalise(column.name()), column);
      aliases.put(normalise(column.label()), column);
    }
    properties.columns().forEach((column, words) -> words.forEach(word -> aliases.put(normalise(word), column)));
  }

  static String normalise(String heading) {
    return heading == null ? "" : heading.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]", "");
  }

  ImportColumn columnOf(String heading) {
    return aliases.get(normalise(heading));
  }

  /** The columns these cells name (the first cell of each), or empty when they are not a heading row. */
  Optional<Map<ImportColumn, Integer>> headingRow(List<String> cells) {
    Map<ImportColumn, Integer> found = new EnumMap<>(ImportColumn.class);
    for (int c = 0; c < cells.size(); c++) {
      ImportColumn column = columnOf(cells.get(c));
      if (column != null) {
        found.putIfAbsent(column, c);
      }
    }
    return found.containsKey(ImportColumn.RECOMMENDATION) && found.size() >= 2 ? Optional.of(found) : Optional.empty();
  }

  /**
   * A line of words read as headings, longest known heading first ("REPORT RECOMMENDATION ACTIONS BY WHEN OUTCOME
   * PROGRESS" is five columns): the headings as written, or empty when the line is not a heading line. Words that
   * name no known column make one column each run of them ("OUTCOME"), of at most three words, and no more columns
   * than the known ones.
   */
  Optional<List<String>> headingLine(String line) {
    String[] words = line.replace('\u00a0', ' ').trim().split("\\s+");
    if (words.length == 0 || words.length > 4 * LONGEST_HEADING) {
      return Optional.empty();
    }
    List<String> headings = new ArrayList<>();
    List<ImportColumn> known = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    StringBuilder unknown = new StringBuilder();
    for (int i = 0; i < words.length; ) {
      ImportColumn column = null;
      int length = Math.min(LONGEST_HEADING, words.length - i);
      for (; length > 0; length--) {
        column = aliases.get(normalise(String.join(" ", List.of(words).subList(i, i + length))));
        if (column != null) {
          break;
        }
      }
      if (column == null || known.contains(column)) {
        unknown.append(unknown.isEmpty() ? "" : " ").append(words[i]);
        i++;
        continue;
      }
      if (!unknown.isEmpty()) {
        unknowns.add(unknown.toString());
        headings.add(unknown.toString());
        unknown.setLength(0);
      }
      headings.add(String.join(" ", List.of(words).subList(i, i + length)));
      known.add(column);
      i += length;
    }
    if (!unknown.isEmpty()) {
      unknowns.add(unknown.toString());
      headings.add(unknown.toString());
    }
    boolean heading = known.contains(ImportColumn.RECOMMENDATION) && known.size() >= 2 && unknowns.size() <= known.size()
        && unknowns.stream().allMatch(run -> run.split(" ").length <= 3);
    return heading ? Optional.of(headings) : Optional.empty();
  }
}
