package com.rectify.importing;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A sheet checked on the import page: whose it is, the file as uploaded, and the choices it was checked with. */
record HeldSheet(String owner, String fileName, byte[] bytes, ImportOptions options) {

  /** The same file with other choices. */
  HeldSheet with(ImportOptions otherOptions) {
    return new HeldSheet(owner, fileName, bytes, otherOptions);
  }

  /** The import of this file with these choices, checked only (dry run) or for real. */
  ImportRequest request(boolean dryRun) {
    ImportOptions o = options;
    return new ImportOptions(dryRun, o.audit(), o.auditTitle(), o.service(), o.defaultGrade(), o.leadOfficer(), o.sheet(),
        o.asAt()).forFile(fileName, bytes, owner);
  }

  /** Whether the choices posted are those this sheet was checked with (an empty field and a missing one alike). */
  boolean checkedWith(ImportOptions posted) {
    return choices(options).equals(choices(posted));
  }

  private static List<String> choices(ImportOptions o) {
    return Stream.of(o.audit(), o.auditTitle(), o.service(), o.defaultGrade(), o.leadOfficer(), o.sheet(), o.asAt())
        .map(value -> Objects.toString(value, "").strip()).toList();
  }
}
