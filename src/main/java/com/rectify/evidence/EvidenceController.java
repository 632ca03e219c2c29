package com.rectify.evidence;

import com.rectify.recommendation.access.RecommendationAccess;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class EvidenceController {

  private final EvidenceUpload upload;
  private final EvidenceStorage storage;
  private final RecommendationAccess access;

  public EvidenceController(EvidenceUpload upload, EvidenceStorage storage, RecommendationAccess access) {
    this.upload = upload;
    this.storage = storage;
    this.access = access;
  }

  @PostMapping(path = "/api/recommendations/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<EvidenceView> upload(@PathVariable Long id, @RequestParam("file") MultipartFile file,
      Authentication principal) throws IOException {
    access.requireEvidenceReadable(principal, id);
    Evidence item = upload.upload(id, file.getOriginalFilename(), file.getBytes(), principal.getName());
    EvidenceView view = EvidenceView.of(item);
    return ResponseEntity.created(URI.create(view.downloadUrl())).body(view);
  }

  @GetMapping("/api/recommendations/{id}/evidence/{evidenceId}")
  public ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long evidenceId, Authentication user) {
    access.requireEvidenceReadable(user, id);
    Evidence item = upload.find(id, evidenceId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(item.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(item.getOriginalFilename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(storage.read(item.getStoredName()));
  }
}
