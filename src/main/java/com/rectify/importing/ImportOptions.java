package com.rectify.importing;

import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What the person importing may add to a sheet, as request parameters of the API and fields of the page:
 * dry run or not (not, unless asked), the date the sheet describes the register as at (today, unless
 * given), and what the sheet itself may not say.
 */
record ImportOptions(Boolean dryRun, String audit, String auditTitle, String service, String defaultGrade,
    String leadOfficer, String sheet, String asAt) {

  ImportRequest forFile(String fileName, byte[] bytes, String actor) {
    return new ImportRequest(fileName, bytes, Boolean.TRUE.equals(dryRun), audit, auditTitle, service, defaultGrade,
        leadOfficer, sheet, actor, asAtDate());
  }

  private LocalDate asAtDate() {
    if (asAt == null || asAt.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(asAt.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(List.of(new FieldProblem("asAt",
          "asAt \"" + asAt.strip() + "\" is not a date: give it as year-month-day, for example 2024-12-31.")));
    }
  }
}
