package com.rectify.importing;

/** An error (nothing will be written) or a warning (written, but look at it), named by row and column. */
record ImportProblem(Severity severity, Integer row, String column, String message) {

  public enum Severity { ERROR, WARNING }

  public static ImportProblem error(Integer row, String column, String message) {
    return new ImportProblem(Severity.ERROR, row, column, message);
  }

  public static ImportProblem warning(Integer row, String column, String message) {
    return new ImportProblem(Severity.WARNING, row, column, message);
  }

  /** "row 7, column \"Target Date\"", "row 7", "column \"Grade\"" or "file". */
  @com.fasterxml.jackson.annotation.JsonProperty("field")
  public String field() {
    if (row != null && column != null) {
      return "row " + row + ", column \"" + column + "\"";
    }
    if (row != null) {
      return "row " + row;
    }
    if (column != null) {
      return "column \"" + column + "\"";
    }
    return "file";
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
