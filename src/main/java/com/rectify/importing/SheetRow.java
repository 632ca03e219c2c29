package com.rectify.importing;

import java.util.List;

/** One row of a sheet as read: its number as a spreadsheet program shows it (1 = first) and its cells. */
record SheetRow(int number, List<String> cells) {

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
