package com.rectify.importing;

import com.rectify.common.ApiException;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The import page for audit managers: upload a sheet, see every row's outcome, then import for real. */
@Controller
class ImportPage {

  private final ImportService imports;

  public ImportPage(ImportService imports) {
    this.imports = imports;
  }

  @GetMapping("/imports")
  public String form(Authentication authentication) {
    ImportController.requireAuditManager(authentication);
    return "import";
  }

  @PostMapping("/imports")
  public String upload(@RequestParam("file") MultipartFile file, ImportOptions options,
      Authentication authentication, Model model) throws IOException {
    ImportController.requireAuditManager(authentication);
    try {
      model.addAttribute("result", imports.run(options.forFile(file.getOriginalFilename(), file.getBytes(),
          authentication.getName())));
    } catch (ApiException e) {
      model.addAttribute("error", e.getMessage());
      model.addAttribute("problems", e.getProblems());
    }
    return "import";
  }
}
