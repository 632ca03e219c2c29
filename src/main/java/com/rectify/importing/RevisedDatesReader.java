package com.rectify.importing;

import com.rectify.importing.RevisedDates.Revision;
import com.rectify.importing.RevisedDates.Warning;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the revised target dates a council's annex of overdue recommendations writes into a row's narrative, HTML
 * pasted from Word or plain text:
 * <pre>
 * Revised target date: 31&lt;sup&gt;st&lt;/sup&gt; January 2025
 * Revised target dates from previous reporting cycles:
 * • October 2024 – TBC
 * • July 2024 – 31 July 2024, then 1 Sep 2024
 * • March 2024 – 31 March 2024
 * </pre>
 * "Revised target date" (also "revised implementation date", "revised date") followed by ":", a dash, "is", "of"
 * or a date gives the current date; "revised target dates" or "previous target dates" with a colon, or alone on
 * its line, starts a list of earlier cycles, one per line, bullet or ";", each "cycle – date" (or a colon, or a
 * hyphen with spaces). The list ends at the first line with no digit and no TBC. Dates are read as {@link DateWords}
 * says. Cycles are put oldest first by the month their name gives ({@link CycleStart}); when some name none, the
 * list is taken in the direction the named ones show, and when that is unclear as written, with a warning.
 */
final class RevisedDatesReader {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final String KIND = "(?:(?:target|implementation|completion|due)\\s+)?";
  /** The current date: "Revised target date". Not "dates": that is the list. */
  private static final String CURRENT = "\\brevised\\s+" + KIND + "date\\b";
  /** The list: "Revised target dates …", "Previous revised target dates", "Previous target dates". */
  private static final String HISTORY =
      "\\b(?:previous(?:ly)?\\s+)?revised\\s+" + KIND + "dates\\b|\\bprevious\\s+(?:target|implementation|due)\\s+dates\\b";
  private static final Pattern HEADING = Pattern.compile("(?<history>" + HISTORY + ")|(?<current>" + CURRENT + ")", FLAGS);
  /** What joins "Revised target date" to its date. */
  private static final Pattern CURRENT_JOIN = Pattern.compile("\\s*(?::|[-–—]|is\\b|of\\b|now\\b)\\s*", FLAGS);
  /** A few words and a colon between the list's heading and the list: " from previous reporting cycles:". */
  private static final Pattern HISTORY_JOIN = Pattern.compile("[^:]{0,80}:\\s*");
  /** The start of a date, when "Revised target date" is followed by no join. */
  private static final Pattern DATE_START =
      Pattern.compile("\\s*(?:\\d|" + DateWords.MONTH + "\\b|t\\.?b\\.?[ca]\\b|to be\\b)", FLAGS);
  /** Between a cycle and its dates: a dash, a colon, or a hyphen with spaces (31-03-2024 has none). */
  private static final Pattern CYCLE_JOIN = Pattern.compile("\\s*[–—‒―−:]\\s*|\\s+-\\s+");
  /** A cycle's name is a few words ("September 2024 Audit Committee"); more is narrative. */
  private static final int LONGEST_CYCLE = 80;
  /** The end of a sentence: a full stop or semicolon, then a capital ("Sept. 2024" is no sentence end). */
  private static final Pattern SENTENCE_END = Pattern.compile("[.;]\\s+(?=\\p{Lu})");
  /** A line still on the list: it has a digit or says TBC. */
  private static final Pattern LIST_LIKE = Pattern.compile("\\d|\\bt\\.?b\\.?[ca]\\b|\\bto be (?:confirmed|agreed|advised)\\b", FLAGS);
  /** A list that says there is nothing on it. */
  private static final Pattern NOTHING = Pattern.compile("(?:none|n/a|nil|not applicable|no previous revisions?)\\.?", FLAGS);

  private RevisedDatesReader() {}

  static RevisedDates read(String narrative) {
    List<Segment> segments = segments(NarrativeLines.of(narrative));
    Findings findings = new Findings();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment.kind() == Kind.CURRENT) {
        i = readCurrent(segments, i, findings);
      } else if (segment.kind() == Kind.HISTORY) {
        i = readHistory(segments, i, findings);
      }
    }
    return findings.result();
  }

  private enum Kind { TEXT, CURRENT, HISTORY }

  /**
   * A heading and the text after it up to the next heading, or text with no heading.
   *
   * @param heading the heading's words with what joins them to the rest, exactly as written ("" for text)
   */
  private record Segment(Kind kind, String heading, String rest) {}

  /** A cycle of the list as read: its name, the month it gives, the words, the dates in the order written. */
  private record Entry(String cycle, Optional<YearMonth> start, String words, List<LocalDate> dates) {}

  /** "Revised target date: …": the clause after it, or on the next line when the heading ends its line. */
  private static int readCurrent(List<Segment> segments, int at, Findings findings) {
    Segment segment = segments.get(at);
    String before = segment.heading();
    String rest = segment.rest();
    int last = at;
    if (rest.isEmpty() && at + 1 < segments.size() && segments.get(at + 1).kind() == Kind.TEXT) {
      last = at + 1;
      rest = segments.get(last).rest();
      before = segment.heading().trim() + " ";
    }
    if (rest.isEmpty()) {
      findings.warnings.add(new Warning(segment.heading().trim(), "no date follows it"));
      return last;
    }
    DateWords.Clause clause = DateWords.readClause(rest);
    String words = before + clause.words();
    if (clause.reading().isRead()) {
      findings.currents.add(new Entry(null, Optional.empty(), words, clause.reading().dates()));
    } else {
      findings.warnings.add(new Warning(words, clause.reading().problem()));
    }
    return last;
  }

  /** "Revised target dates from previous reporting cycles:" and the lines after it that are on the list. */
  private static int readHistory(List<Segment> segments, int at, Findings findings) {
    Segment segment = segments.get(at);
    int entriesBefore = findings.entries.size();
    int warningsBefore = findings.warnings.size();
    boolean saysNothing = false;
    int last = at;
    if (!segment.rest().isEmpty()) {
      saysNothing = NOTHING.matcher(segment.rest()).matches();
      readEntries(segment.rest(), findings);
    }
    while (!saysNothing && last + 1 < segments.size() && segments.get(last + 1).kind() == Kind.TEXT) {
      String line = segments.get(last + 1).rest();
      if (NOTHING.matcher(line).matches() && findings.entries.size() == entriesBefore) {
        saysNothing = true;
      } else if (!LIST_LIKE.matcher(line).find()) {
        break;
      } else {
        readEntries(line, findings);
      }
      last++;
    }
    boolean nothingRead = findings.entries.size() == entriesBefore && findings.warnings.size() == warningsBefore;
    if (nothingRead && !saysNothing) {
      findings.warnings.add(new Warning((segment.heading() + segment.rest()).trim(), "no dates follow it that can be read"));
    }
    return last;
  }

  /** The entries on one line of the list: split at ";", and again after each entry's dates where more follows. */
  private static void readEntries(String line, Findings findings) {
    for (String part : line.split(";")) {
      String pending = part.trim();
      while (!pending.isEmpty() && LIST_LIKE.matcher(pending).find()) {
        pending = readEntry(pending, findings);
      }
    }
  }

  /** One entry, "cycle – dates" or dates alone; returns the text after it. */
  private static String readEntry(String text, Findings findings) {
    DateWords.Clause alone = DateWords.readClause(text);
    if (alone.reading().isRead()) {
      findings.entries.add(new Entry(null, Optional.empty(), alone.words(), alone.reading().dates()));
      return alone.rest();
    }
    Matcher join = CYCLE_JOIN.matcher(text);
    boolean joined = join.find();
    int from = joined ? cycleStart(text, join.start()) : 0;
    if (!joined || join.start() == from || join.start() - from > LONGEST_CYCLE) {
      findings.warnings.add(new Warning(alone.words(), "not read as a reporting cycle and its date"));
      return alone.rest();
    }
    String cycle = text.substring(from, join.start()).trim();
    DateWords.Clause dates = DateWords.readClause(text.substring(join.end()));
    String words = text.substring(from, join.end()) + dates.words();
    if (dates.reading().isRead()) {
      findings.entries.add(new Entry(cycle, CycleStart.of(cycle), words, dates.reading().dates()));
    } else {
      findings.warnings.add(new Warning(words, dates.reading().problem()));
    }
    return dates.rest();
  }

  /** Where a cycle's name starts: after the last sentence that ends before its join ("Delayed. October 2024 – TBC"). */
  private static int cycleStart(String text, int joinStart) {
    Matcher end = SENTENCE_END.matcher(text).region(0, joinStart);
    int start = 0;
    while (end.find()) {
      start = end.end();
    }
    return start;
  }

  /** Each line cut where a heading starts; a heading only counts when a date or a list can follow it. */
  private static List<Segment> segments(List<String> lines) {
    List<Segment> segments = new ArrayList<>();
    for (String line : lines) {
      List<Heading> headings = headings(line);
      String text = line.substring(0, headings.isEmpty() ? line.length() : headings.get(0).start()).trim();
      if (!text.isEmpty()) {
        segments.add(new Segment(Kind.TEXT, "", text));
      }
      for (int h = 0; h < headings.size(); h++) {
        Heading heading = headings.get(h);
        int end = h + 1 < headings.size() ? headings.get(h + 1).start() : line.length();
        segments.add(new Segment(heading.kind(), line.substring(heading.start(), heading.restStart()),
            line.substring(heading.restStart(), end).trim()));
      }
    }
    return segments;
  }

  /** Where a heading starts on its line, and where the text after it (past ":" or the like) starts. */
  private record Heading(Kind kind, int start, int restStart) {}

  private static List<Heading> headings(String line) {
    List<Heading> mentions = new ArrayList<>();
    Matcher m = HEADING.matcher(line);
    while (m.find()) {
      mentions.add(new Heading(m.group("history") != null ? Kind.HISTORY : Kind.CURRENT, m.start(), m.end()));
    }
    List<Heading> headings = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      Heading mention = mentions.get(i);
      String after = line.substring(mention.restStart(), i + 1 < mentions.size() ? mentions.get(i + 1).start() : line.length());
      Matcher join = (mention.kind() == Kind.HISTORY ? HISTORY_JOIN : CURRENT_JOIN).matcher(after);
      boolean joined = join.lookingAt();
      boolean endsLine = line.substring(mention.restStart()).isBlank();
      boolean dateFollows = mention.kind() == Kind.CURRENT && DATE_START.matcher(after).lookingAt();
      if (joined || endsLine || dateFollows) {
        headings.add(joined ? new Heading(mention.kind(), mention.start(), mention.restStart() + join.end()) : mention);
      }
    }
    return headings;
  }

  /** What the segments gave, turned into the result at the end. */
  private static final class Findings {
    final List<Entry> currents = new ArrayList<>();
    final List<Entry> entries = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();

    RevisedDates result() {
      List<Revision> earlier = new ArrayList<>();
      for (Entry entry : inOrder(entries)) {
        for (LocalDate date : entry.dates()) {
          earlier.add(new Revision(entry.cycle(), date, entry.words()));
        }
      }
      Optional<Revision> current = Optional.empty();
      if (!currents.isEmpty()) {
        Entry first = currents.get(0);
        LocalDate date = first.dates().get(first.dates().size() - 1);
        boolean allAgree = currents.stream().allMatch(c -> Objects.equals(c.dates().get(c.dates().size() - 1), date));
        if (allAgree) {
          for (LocalDate before : first.dates().subList(0, first.dates().size() - 1)) {
            earlier.add(new Revision(null, before, first.words()));
          }
          current = Optional.of(new Revision(null, date, first.words()));
        } else {
          warnings.add(new Warning(words(currents), "more than one revised target date is given; none is taken as the current one"));
        }
      }
      return new RevisedDates(current, earlier, warnings);
    }

    /**
     * Oldest cycle first. Papers list cycles newest first or oldest first; the months the names give say which,
     * and when every name gives one they decide alone.
     */
    private List<Entry> inOrder(List<Entry> written) {
      boolean rising = false;
      boolean falling = false;
      boolean allDated = true;
      YearMonth previous = null;
      for (Entry entry : written) {
        if (entry.start().isEmpty()) {
          allDated = false;
          continue;
        }
        YearMonth start = entry.start().get();
        if (previous != null) {
          rising |= start.isAfter(previous);
          falling |= start.isBefore(previous);
        }
        previous = start;
      }
      List<Entry> ordered = new ArrayList<>(written);
      if (falling && !rising) {
        Collections.reverse(ordered);
      }
      if (allDated) {
        ordered.sort(Comparator.comparing(entry -> entry.start().get()));
      }
      boolean clear = written.size() < 2 || rising != falling || (allDated && rising);
      if (!clear) {
        warnings.add(new Warning(words(written), "which of these reporting cycles came first is not clear; they are taken oldest first as written"));
      }
      return ordered;
    }

    private static String words(List<Entry> entries) {
      return entries.stream().map(Entry::words).collect(Collectors.joining("\n"));
    }
  }
}
