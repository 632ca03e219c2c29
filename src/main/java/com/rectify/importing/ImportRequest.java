package com.rectify.importing;

/**
 * A sheet to import and what the sheet itself may not say: the audit (when it has no Audit column), the
 * service, the grade for a sheet with no grades, the lead officer for a sheet that names none, and which
 * sheet of a workbook to read.
 */
public record ImportRequest(String fileName, byte[] bytes, boolean dryRun, String audit, String auditTitle,
    String service, String defaultGrade, String leadOfficer, String sheet, String actor) {}
