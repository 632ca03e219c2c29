package com.rectify.importing;

import java.time.LocalDate;

/**
 * A sheet to import and what the sheet itself may not say: the audit (when it has no Audit column), the
 * service, the grade for a sheet with no grades, the lead officer for a sheet that names none, which
 * sheet of a workbook to read, and the date the sheet describes the register as at (null: today).
 */
public record ImportRequest(String fileName, byte[] bytes, boolean dryRun, String audit, String auditTitle,
    String service, String defaultGrade, String leadOfficer, String sheet, String actor, LocalDate asAt) {

  public ImportRequest(String fileName, byte[] bytes, boolean dryRun, String audit, String auditTitle,
      String service, String defaultGrade, String leadOfficer, String sheet, String actor) {
    this(fileName, bytes, dryRun, audit, auditTitle, service, defaultGrade, leadOfficer, sheet, actor, null);
  }
}
