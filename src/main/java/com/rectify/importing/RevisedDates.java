package com.rectify.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Revised target dates read from a row's narrative: the revised target date now given (absent when the text gives
 * none), the earlier revisions oldest first, and the words that could not be read for sure.
 *
 * @param current the date after "Revised target date:"; its cycle is null
 * @param earlier revisions from earlier reporting cycles in the order they were made; a date moved twice in one
 *     cycle ("31 July 2024, then 1 Sep 2024") gives two, in that order
 * @param warnings words that mention a revised date but were not read; nothing was made up for them
 */
record RevisedDates(Optional<Revision> current, List<Revision> earlier, List<Warning> warnings) {

  static final RevisedDates NONE = new RevisedDates(Optional.empty(), List.of(), List.of());

  RevisedDates {
    earlier = List.copyOf(earlier);
    warnings = List.copyOf(warnings);
  }

  /**
   * A target date as set at one reporting cycle.
   *
   * @param cycle the reporting cycle's name as written ("July 2024", "Q3 2024/25"); null when the text names none
   * @param date the new target date; null for TBC
   * @param words the words it was read from, markup removed and spaces made single
   */
  record Revision(String cycle, LocalDate date, String words) {

    boolean isTbc() {
      return date == null;
    }
  }

  /** Words that could not be read for sure, and why, in words a person can act on. */
  record Warning(String words, String problem) {}

  /**
   * One change of the target date.
   *
   * @param oldDate the target date before; null for TBC (or when the sheet gave no original date)
   * @param newDate the target date after; null for TBC
   * @param cycle the reporting cycle's name as written; null when the text names none
   * @param words the words the change was read from
   */
  record Step(LocalDate oldDate, LocalDate newDate, String cycle, String words) {}

  boolean isEmpty() {
    return current.isEmpty() && earlier.isEmpty() && warnings.isEmpty();
  }

  /**
   * The changes from the sheet's original target date to the current one, oldest first: each starts where the one
   * before ended and the last ends at the revised target date now given. A revision that leaves the date as it was
   * (the current date repeating the last listed revision, or a cycle confirming the date it already had) is not a
   * change and gives no step.
   */
  List<Step> steps(LocalDate originalTargetDate) {
    List<Revision> all = new ArrayList<>(earlier);
    current.ifPresent(all::add);
    List<Step> steps = new ArrayList<>();
    LocalDate before = originalTargetDate;
    for (Revision revision : all) {
      if (!Objects.equals(before, revision.date())) {
        steps.add(new Step(before, revision.date(), revision.cycle(), revision.words()));
        before = revision.date();
      }
    }
    return List.copyOf(steps);
  }
}
