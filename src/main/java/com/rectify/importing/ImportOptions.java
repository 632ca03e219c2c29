package com.rectify.importing;

/**
 * What the person importing may add to a sheet, as request parameters of the API and fields of the page:
 * dry run or not (not, unless asked), and what the sheet itself may not say.
 */
record ImportOptions(Boolean dryRun, String audit, String auditTitle, String service, String defaultGrade,
    String leadOfficer, String sheet) {

  ImportRequest forFile(String fileName, byte[] bytes, String actor) {
    return new ImportRequest(fileName, bytes, Boolean.TRUE.equals(dryRun), audit, auditTitle, service, defaultGrade, leadOfficer, sheet, actor);
  }
}
