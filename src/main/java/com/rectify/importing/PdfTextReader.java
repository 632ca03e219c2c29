package com.rectify.importing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a table pasted from a PDF, whose cells are separated by nothing but spaces. Its heading line gives the
 * columns ({@link ColumnHeadings#headingLine}); every other line is one row, numbered by its line. A row is anchored
 * on its target-date cell, found among the line's dates ("Sep-04", "1 Dec 03") and date words ("ongoing", "1/2
 * yrly"): the words before it fill the columns to its left, the words after it the columns to its right.
 *
 * <p>The date cell is the one that leaves after it as many cells as the heading line names there (text, or an
 * empty cell), preferring a date to date words and date words to an empty cell, and the last of equals: "Draft by
 * Jun-04 Agree with staff- Aug-04 Sep-04 Monitoring in place" is due Sep-04, "PR campaign ongoing Review success …
 * Started Feb 04" is ongoing, its progress starting in February.
 *
 * <p>What the PDF leaves to go by: an empty cell shows as a non-breaking space standing alone, a cell that ended in
 * spaces as non-breaking spaces after its last word, and a recommendation usually ends with a full stop. Where two
 * cells cannot be told apart for sure, all their words go to the first of them and the row carries a warning
 * naming it: no word is lost. Lines in capitals only (a title, "STRATEGIC MANAGEMENT") are one cell, as a section
 * heading in a sheet is.
 */
final class PdfTextReader {

  private static final Pattern NO_BREAK_SPACE = Pattern.compile("[\\u00a0\\u2007\\u202f]");
  /** Cells that say when without naming a day: "1/2 yrly", "annually", "six monthly". */
  private static final Pattern RECURRING = Pattern.compile(
      "(?i)(?:(?:\\d+/\\d+|half|bi|six|6|twice)[\\s-]*)?(?:yrly|yearly|annually|quarterly|monthly|weekly)");
  private static final Pattern ABBREVIATION = Pattern.compile("(?i)(?:.*\\W)?(?:etc|e\\.g|i\\.e|no|nos|approx|incl|para|ref|cf|vs|[a-z])\\.");
  private static final int DATE_WORDS = 3;

  private final ColumnHeadings headings;
  private final List<String> undatedWords;
  private final List<String> completionMarkers;

  PdfTextReader(ColumnHeadings headings, ImportProperties properties) {
    this.headings = headings;
    this.undatedWords = properties.undatedWords();
    this.completionMarkers = properties.completionMarkers();
  }

  /** A word of the line, or an empty cell (a non-breaking space standing alone); gapAfter: the cell had spaces after it. */
  private record Token(String word, boolean gapAfter) {
    boolean empty() {
      return word.isEmpty();
    }
  }

  /** Where the date cell stands: tokens [start, end); kind 0 a date, 1 date words, 2 an empty cell. */
  private record Anchor(int start, int end, int kind) {}

  /** The rows, or empty when no line in the first thirty reads as a heading line. */
  Optional<List<SheetRow>> read(String text, int headerSearchLines) {
    String[] lines = text.split("\\r\\n|\\r|\\n", -1);
    int headingLine = -1;
    for (int i = 0; i < Math.min(lines.length, headerSearchLines) && headingLine < 0; i++) {
      if (headings.headingLine(lines[i]).isPresent()) {
        headingLine = i;
      }
    }
    if (headingLine < 0) {
      return Optional.empty();
    }
    List<String> columns = headings.headingLine(lines[headingLine]).orElseThrow();
    List<SheetRow> rows = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      Optional<List<String>> heading = headings.headingLine(lines[i]);
      if (heading.isPresent()) {
        rows.add(new SheetRow(number, heading.get()));
      } else if (i < headingLine) {
        rows.add(new SheetRow(number, inColumn(textColumn(columns), words(tokens(lines[i])))));
      } else {
        rows.add(new Line(number, columns, tokens(lines[i])).read());
      }
    }
    return Optional.of(rows);
  }

  /** The recommendation's column, where a line that is not a row (a title) or cannot be split keeps its words. */
  private int textColumn(List<String> columns) {
    for (int c = 0; c < columns.size(); c++) {
      if (headings.columnOf(columns.get(c)) == ImportColumn.RECOMMENDATION) {
        return c;
      }
    }
    return 0;
  }

  private static List<String> inColumn(int column, String words) {
    List<String> cells = new ArrayList<>();
    for (int c = 0; c < column; c++) {
      cells.add("");
    }
    cells.add(words);
    return cells;
  }

  private static List<Token> tokens(String line) {
    List<Token> tokens = new ArrayList<>();
    for (String piece : line.split("[ \\t]+")) {
      if (piece.isEmpty()) {
        continue;
      }
      String word = NO_BREAK_SPACE.matcher(piece).replaceAll(" ").trim().replaceAll(" +", " ");
      tokens.add(new Token(word, !word.isEmpty() && NO_BREAK_SPACE.matcher(piece.substring(piece.length() - 1)).matches()));
    }
    return tokens;
  }

  private static String words(List<Token> tokens) {
    return String.join(" ", tokens.stream().filter(t -> !t.empty()).map(Token::word).toList());
  }

  /** One line read into the heading line's columns, with the warnings reading it gave. */
  private final class Line {
    private final int number;
    private final List<String> columns;
    private final List<Token> tokens;
    private final List<ImportProblem> warnings = new ArrayList<>();
    private final int dateColumn;

    Line(int number, List<String> columns, List<Token> tokens) {
      this.number = number;
      this.columns = columns;
      this.tokens = tokens;
      int date = -1;
      for (int c = 0; c < columns.size() && date < 0; c++) {
        if (headings.columnOf(columns.get(c)) == ImportColumn.TARGET_DATE) {
          date = c;
        }
      }
      this.dateColumn = date;
    }

    SheetRow read() {
      if (tokens.stream().allMatch(Token::empty)) {
        return new SheetRow(number, List.of());
      }
      String words = words(tokens);
      if (!words.matches(".*\\p{Ll}.*")) {
        return new SheetRow(number, inColumn(textColumn(columns), words));
      }
      List<String> cells = new ArrayList<>();
      if (dateColumn < 0) {
        cells.addAll(fill(cellsOf(tokens, false), 0, columns.size(), true));
        return new SheetRow(number, cells, warnings);
      }
      int rightColumns = columns.size() - dateColumn - 1;
      Optional<Anchor> anchor = anchors().stream()
          .filter(a -> cellsOf(tokens.subList(a.end(), tokens.size()), true).size() <= Math.max(rightColumns, 1))
          .min(Comparator.<Anchor>comparingInt(a -> Math.abs(rightColumns - cellsOf(tokens.subList(a.end(), tokens.size()), true).size()))
              .thenComparingInt(Anchor::kind).thenComparingInt(a -> -a.end()).thenComparingInt(Anchor::start));
      if (anchor.isEmpty()) {
        warnings.add(ImportProblem.warning(number, columns.get(dateColumn), "No " + quoted(dateColumn) + " cell was found in this line: "
            + "all its words are kept in " + quoted(textColumn(columns)) + "; check the row against the original."));
        return new SheetRow(number, inColumn(textColumn(columns), words), warnings);
      }
      Anchor a = anchor.get();
      cells.addAll(fill(cellsOf(tokens.subList(0, a.start()), false), 0, dateColumn, true));
      String date = words(tokens.subList(a.start(), a.end()));
      List<List<Token>> right = cellsOf(tokens.subList(a.end(), tokens.size()), true);
      if (rightColumns == 0) {
        cells.add((date + " " + String.join(" ", right.stream().map(PdfTextReader::words).toList())).trim());
      } else {
        cells.add(date);
        cells.addAll(fill(right, dateColumn + 1, rightColumns, false));
      }
      return new SheetRow(number, cells, warnings);
    }

    /** Where the date cell may stand: each date in the line, each run of date words, each empty cell after a word. */
    private List<Anchor> anchors() {
      List<Anchor> anchors = new ArrayList<>();
      int runStart = 0;
      for (int i = 0; i <= tokens.size(); i++) {
        if (i == tokens.size() || tokens.get(i).empty()) {
          datesIn(runStart, i, anchors);
          runStart = i + 1;
        }
      }
      for (int i = 0; i < tokens.size(); i++) {
        if (tokens.get(i).empty()) {
          anchors.add(new Anchor(i, i + 1, 2));
          continue;
        }
        for (int length = Math.min(DATE_WORDS, tokens.size() - i); length > 0; length--) {
          List<Token> phrase = tokens.subList(i, i + length);
          String words = words(phrase);
          if (phrase.stream().noneMatch(Token::empty) && (RECURRING.matcher(words).matches()
              || undatedWords.stream().anyMatch(words::equalsIgnoreCase))) {
            anchors.add(new Anchor(i, i + length, 1));
            break;
          }
        }
      }
      anchors.removeIf(a -> tokens.subList(0, a.start()).stream().allMatch(Token::empty));
      return anchors;
    }

    /** The dates among the words tokens [from, to), each widened over what continues it ("Mar-04 -Nov04", "Jun -04 - inc on plan"). */
    private void datesIn(int from, int to, List<Anchor> anchors) {
      StringBuilder text = new StringBuilder();
      List<Integer> owner = new ArrayList<>();
      for (int i = from; i < to; i++) {
        if (text.length() > 0) {
          text.append(' ');
          owner.add(i);
        }
        for (int c = 0; c < tokens.get(i).word().length(); c++) {
          owner.add(i);
        }
        text.append(tokens.get(i).word());
      }
      int[] tokenAt = owner.stream().mapToInt(Integer::intValue).toArray();
      for (int[] span : DateCell.find(text.toString())) {
        int start = tokenAt[span[0]];
        int end = tokenAt[span[1] - 1] + 1;
        while (end < to && tokens.get(end).word().matches("[-–].*")) {
          boolean dashAlone = tokens.get(end).word().matches("[-–]");
          end++;
          while (dashAlone && end < to && tokens.get(end).word().matches("[\\p{Ll}\\d].*")) {
            end++;
          }
        }
        anchors.add(new Anchor(start, end, 0));
      }
    }

    /**
     * The cells these tokens make: each empty cell is one, each run of words one; on the right of the date, a
     * run ending in a capitalised completion marker after a lower-case word ("… claim processing Completed") is
     * two, the marker being the last column's.
     */
    private List<List<Token>> cellsOf(List<Token> part, boolean right) {
      List<List<Token>> cells = new ArrayList<>();
      List<Token> run = new ArrayList<>();
      for (Token token : part) {
        if (!token.empty()) {
          run.add(token);
          continue;
        }
        if (!run.isEmpty()) {
          cells.add(run);
          run = new ArrayList<>();
        }
        cells.add(List.of());
      }
      if (!run.isEmpty()) {
        cells.add(run);
      }
      if (right) {
        for (int c = 0; c < cells.size(); c++) {
          List<Token> cell = cells.get(c);
          if (cell.size() >= 2 && isMarker(cell.get(cell.size() - 1).word()) && endsLowerCase(cell.get(cell.size() - 2).word())) {
            cells.set(c, cell.subList(0, cell.size() - 1));
            cells.add(c + 1, cell.subList(cell.size() - 1, cell.size()));
            c++;
          }
        }
      }
      return cells;
    }

    /**
     * Puts the cells into {@code count} columns from {@code first}, splitting a run of words where a cell must end
     * within it; what cannot be split for sure stays whole in the first column, with a warning. A reference column
     * takes the run's first word if it is a reference ("4.2"), else stays empty.
     */
    private List<String> fill(List<List<Token>> found, int first, int count, boolean left) {
      Deque<List<Token>> queue = new ArrayDeque<>(found);
      List<String> cells = new ArrayList<>();
      for (int c = first; c < first + count; c++) {
        if (queue.isEmpty()) {
          cells.add("");
          continue;
        }
        List<Token> cell = queue.removeFirst();
        int columnsLeft = first + count - c - 1;
        if (headings.columnOf(columns.get(c)) == ImportColumn.REFERENCE && !cell.isEmpty() && columnsLeft > queue.size()) {
          if (!isReference(cell.get(0).word())) {
            queue.addFirst(cell);
            cells.add("");
            continue;
          }
          queue.addFirst(cell.subList(1, cell.size()));
          cell = cell.subList(0, 1);
        } else if (!cell.isEmpty() && columnsLeft > queue.size()) {
          int end = end(cell, c, left);
          if (end > 0) {
            queue.addFirst(cell.subList(end, cell.size()));
            cell = cell.subList(0, end);
          }
        }
        cells.add(words(cell));
      }
      if (!queue.isEmpty()) {
        String rest = String.join(" ", queue.stream().map(PdfTextReader::words).filter(w -> !w.isEmpty()).toList());
        if (!rest.isEmpty() && count > 0) {
          int last = cells.size() - 1;
          cells.set(last, (cells.get(last) + " " + rest).trim());
          warnings.add(ImportProblem.warning(number, columns.get(first + count - 1), "The line has more cells than the heading line "
              + "names: the extra words are kept in " + quoted(first + count - 1) + "."));
        }
      }
      return cells;
    }

    /**
     * Where the cell of column {@code c} ends within this run of words, or 0 when it cannot be told: at a word the
     * cell's own spaces followed; on the left, at its one full stop before a capital (at the first of several,
     * with a warning).
     */
    private int end(List<Token> run, int c, boolean left) {
      for (int i = 0; i < run.size() - 1; i++) {
        if (run.get(i).gapAfter() && !run.get(i).word().matches(".*[,;&]")) {
          return i + 1;
        }
      }
      List<Integer> stops = new ArrayList<>();
      for (int i = 0; left && i < run.size() - 1; i++) {
        String word = run.get(i).word();
        if (word.matches(".*[\\p{L}\\d)'’][.?!]") && !ABBREVIATION.matcher(word).matches()
            && Character.isUpperCase(run.get(i + 1).word().codePointAt(0))) {
          stops.add(i + 1);
        }
      }
      String next = quoted(c + 1);
      if (stops.size() == 1) {
        return stops.get(0);
      }
      if (stops.size() > 1) {
        warnings.add(ImportProblem.warning(number, columns.get(c), quoted(c) + " is taken to end at its first full stop, and "
            + next + " to begin with '" + excerpt(run.subList(stops.get(0), run.size())) + "'; check the row against the original."));
        return stops.get(0);
      }
      if (left) {
        warnings.add(ImportProblem.warning(number, columns.get(c), "Where " + quoted(c) + " ends and " + next + " begins cannot be "
            + "told for sure (no full stop or gap between them): all the words are kept in " + quoted(c)
            + "; check the row against the original."));
      } else if (couldBeTwo(run)) {
        warnings.add(ImportProblem.warning(number, columns.get(c), quoted(c) + " and " + next + " cannot be told apart in this line: "
            + "all the words are kept in " + quoted(c) + "."));
      }
      return 0;
    }

    private String quoted(int column) {
      return "'" + columns.get(column) + "'";
    }
  }

  /** A reference as sheets number their recommendations: "4", "R2", "4.2", "HB/3". */
  private static boolean isReference(String word) {
    return word.matches("[\\p{Lu}\\d][\\p{Lu}\\d./-]{0,11}") && word.matches(".*\\d.*");
  }

  /** A capital after a lower-case word, past the first: another cell may begin there. */
  private static boolean couldBeTwo(List<Token> run) {
    for (int i = 1; i < run.size(); i++) {
      if (Character.isUpperCase(run.get(i).word().codePointAt(0)) && endsLowerCase(run.get(i - 1).word())) {
        return true;
      }
    }
    return false;
  }

  private boolean isMarker(String word) {
    return Character.isUpperCase(word.codePointAt(0)) && completionMarkers.stream().anyMatch(word::equalsIgnoreCase);
  }

  private static boolean endsLowerCase(String word) {
    return word.matches(".*\\p{Ll}");
  }

  private static String excerpt(List<Token> tokens) {
    String words = words(tokens);
    return words.length() > 40 ? words.substring(0, 39).trim() + "…" : words;
  }
}
