package com.rectify.importing;

import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/imports}: a council's tracker (CSV or XLSX) into the register; audit managers only. */
@RestController
class ImportController {

  private final ImportService imports;

  public ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping("/api/imports")
  public ImportResult importSheet(@RequestParam("file") MultipartFile file, ImportOptions options,
      Authentication authentication) throws IOException {
    requireAuditManager(authentication);
    return imports.run(options.forFile(file.getOriginalFilename(), file.getBytes(), authentication.getName()));
  }

  static void requireAuditManager(Authentication authentication) {
    GroupCheck.requireAny(authentication, "file", "Only audit managers (audit-managers) may import recommendations.", Groups.AUDIT_MANAGERS);
  }
}
