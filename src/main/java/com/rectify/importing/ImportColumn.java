package com.rectify.importing;

/** The columns Rectify reads from a council's sheet; each council's headings map onto these through aliases. */
enum ImportColumn {
  AUDIT("Audit"),
  REFERENCE("Ref"),
  RECOMMENDATION("Recommendation"),
  FINDING("Finding"),
  GRADE("Grade"),
  AGREED_ACTION("Agreed Action"),
  LEAD_OFFICER("Lead Officer"),
  TARGET_DATE("Target Date"),
  PROGRESS("Progress"),
  REPORT_DATE("Report Date");

  private final String label;

  ImportColumn(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
