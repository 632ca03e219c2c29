package com.rectify.importing;

import com.rectify.common.ApiException;
import com.rectify.common.FieldProblem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page for audit managers, in two steps. First the sheet is checked (nothing is written) and kept, with
 * the choices it was checked with; the page shows every row's outcome. Then "Import these N rows" imports exactly
 * that file with exactly those choices. A refusal is shown beside the field it names.
 */
@Controller
class ImportPage {

  /** The form's fields, by the names a refusal gives them. */
  private static final Set<String> FIELDS = Set.of("file", "audit", "auditTitle", "service", "defaultGrade", "leadOfficer", "sheet", "asAt");

  private final ImportService imports;
  private final HeldSheets held;

  public ImportPage(ImportService imports, HeldSheets held) {
    this.imports = imports;
    this.held = held;
  }

  @GetMapping("/imports")
  public String form(Authentication authentication) {
    ImportController.requireAuditManager(authentication);
    return "import";
  }

  /** Checks a sheet: the file chosen, or (none chosen) the one kept from the last check, with the choices posted. */
  @PostMapping("/imports")
  public String check(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "held", required = false) String token, ImportOptions options,
      Authentication authentication, Model model) throws IOException {
    ImportController.requireAuditManager(authentication);
    String owner = authentication.getName();
    model.addAttribute("options", options);
    if (chosen(file)) {
      held.release(token, owner);
      return checked(new HeldSheet(owner, file.getOriginalFilename(), file.getBytes(), options), model);
    }
    if (token == null || token.isBlank()) {
      return refused(model, List.of(new FieldProblem("file", "Choose the sheet to check: a CSV, an Excel (.xlsx) file, or text copied from a PDF (.txt).")));
    }
    Optional<HeldSheet> kept = held.take(token, owner);
    return kept.isPresent() ? checked(kept.get().with(options), model) : gone(model);
  }

  /**
   * Imports the sheet kept from the check, with the choices it was checked with. When another file was chosen or a
   * choice changed since, nothing is imported: the sheet is checked again, and the page says why.
   */
  @PostMapping("/imports/import")
  public String importChecked(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "held", required = false) String token, ImportOptions options,
      Authentication authentication, Model model) throws IOException {
    ImportController.requireAuditManager(authentication);
    String owner = authentication.getName();
    model.addAttribute("options", options);
    if (chosen(file)) {
      model.addAttribute("notice", "You chose another file, so it has been checked. Nothing was imported yet.");
      return check(file, token, options, authentication, model);
    }
    Optional<HeldSheet> kept = held.take(token, owner);
    if (kept.isEmpty()) {
      return gone(model);
    }
    HeldSheet sheet = kept.get();
    if (!sheet.checkedWith(options)) {
      model.addAttribute("notice", "Your choices changed after the check, so the sheet has been checked again with them. "
          + "Nothing was imported yet.");
      return checked(sheet.with(options), model);
    }
    try {
      model.addAttribute("result", imports.run(sheet.request(false)));
      model.asMap().remove("options");
      return "import";
    } catch (ApiException e) {
      keep(sheet, model);
      return refused(model, e.getProblems());
    }
  }

  /** Lets go of the sheet kept from the check; the choices stay filled in for the next one. */
  @PostMapping("/imports/another-file")
  public String anotherFile(@RequestParam(name = "held", required = false) String token, ImportOptions options,
      Authentication authentication, Model model) {
    ImportController.requireAuditManager(authentication);
    held.release(token, authentication.getName());
    model.addAttribute("options", options);
    return "import";
  }

  private String checked(HeldSheet sheet, Model model) {
    boolean kept = keep(sheet, model);
    try {
      ImportResult result = imports.run(sheet.request(true));
      model.addAttribute("result", result);
      model.addAttribute("importable", kept && result.errorCount() == 0 && result.created() > 0);
      return "import";
    } catch (ApiException e) {
      return refused(model, e.getProblems());
    }
  }

  private boolean keep(HeldSheet sheet, Model model) {
    Optional<String> token = held.keep(sheet);
    token.ifPresent(t -> {
      model.addAttribute("heldToken", t);
      model.addAttribute("heldName", sheet.fileName());
    });
    model.addAttribute("tooLargeToKeep", token.isEmpty());
    return token.isPresent();
  }

  private String gone(Model model) {
    long minutes = held.keptFor().toMinutes();
    return refused(model, List.of(new FieldProblem("file", "The sheet you checked is no longer kept: a sheet is kept for "
        + minutes + " minutes after it is checked, until it is imported. Choose the file again.")));
  }

  /** The page with the refusal's problems: those naming a field beside it, the others listed. */
  private static String refused(Model model, List<FieldProblem> problems) {
    Map<String, String> byField = new LinkedHashMap<>();
    problems.stream().filter(p -> FIELDS.contains(p.field()))
        .forEach(p -> byField.merge(p.field(), p.message(), (a, b) -> a + " " + b));
    model.addAttribute("fieldErrors", byField);
    model.addAttribute("otherProblems", problems.stream().filter(p -> !FIELDS.contains(p.field())).toList());
    return "import";
  }

  private static boolean chosen(MultipartFile file) {
    return file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank();
  }
}
