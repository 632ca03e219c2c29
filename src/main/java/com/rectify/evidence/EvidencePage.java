package com.rectify.evidence;

import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import com.rectify.common.LifecycleVariables;
import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.access.RecommendationAccess;
import com.rectify.common.ApiException;
import java.io.IOException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page Tasklist's forms link to: Camunda Forms have no file picker, so evidence is uploaded here. */
@Controller
class EvidencePage {

  private final EvidenceRepository evidence;
  private final EvidenceUpload upload;
  private final EvidenceController files;
  private final TaskService taskService;
  private final RecommendationAccess access;

  public EvidencePage(EvidenceRepository evidence, EvidenceUpload upload, EvidenceController files, TaskService taskService,
      RecommendationAccess access) {
    this.access = access;
    this.evidence = evidence;
    this.upload = upload;
    this.files = files;
    this.taskService = taskService;
  }

  @GetMapping("/recommendations/{id}/evidence")
  public String show(@PathVariable Long id, Model model, Authentication user) {
    Recommendation recommendation = access.requireEvidenceReadable(user, id);
    boolean open = taskService.createTaskQuery().processInstanceBusinessKey(recommendation.getBusinessKey())
        .taskDefinitionKey(LifecycleVariables.TASK_IMPLEMENT_ACTION).count() > 0;
    model.addAttribute("recommendation", recommendation);
    model.addAttribute("evidence", evidence.findByRecommendationIdOrderByIdAsc(id));
    model.addAttribute("uploadOpen", open);
    model.addAttribute("fingerprints", GroupCheck.isInAny(user, Groups.AUDITORS, Groups.AUDIT_MANAGERS));
    return "evidence";
  }

  @PostMapping("/recommendations/{id}/evidence")
  public String upload(@PathVariable Long id, @RequestParam("file") MultipartFile file, Authentication principal,
      RedirectAttributes redirect) throws IOException {
    access.requireEvidenceReadable(principal, id);
    try {
      Evidence item = upload.upload(id, file.getOriginalFilename(), file.getBytes(), principal.getName());
      redirect.addFlashAttribute("message", "Uploaded " + item.getOriginalFilename()
          + ". When all your files are here, return to Tasklist and choose \"Submit evidence for audit review\".");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/recommendations/" + id + "/evidence";
  }

  @GetMapping("/recommendations/{id}/evidence/{evidenceId}")
  public ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long evidenceId, Authentication user) {
    return files.download(id, evidenceId, user);
  }
}
