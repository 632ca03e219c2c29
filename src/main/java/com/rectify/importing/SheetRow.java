package com.rectify.importing;

import java.util.List;

/**
 * One row of a sheet as read: its number as a spreadsheet program or a text editor shows it (1 = first), its
 * cells, and what reading it found doubtful (text pasted from a PDF whose cells could not all be told apart).
 */
record SheetRow(int number, List<String> cells, List<ImportProblem> warnings) {

  SheetRow(int number, List<String> cells) {
    this(number, cells, List.of());
  }

  public String cell(int index) {
    return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index);
  }

  public boolean isBlank() {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }

  public long filledCells() {
    return cells.stream().filter(c -> c != null && !c.isBlank()).count();
  }
}
