package com.rectify.recommendation.supersession;

import com.rectify.common.GroupCheck;
import com.rectify.common.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SupersessionController {

  private final Supersession supersession;

  public SupersessionController(Supersession supersession) {
    this.supersession = supersession;
  }

  public record SupersedeRequest(@NotNull Supersession.Kind kind, @NotBlank @Size(max = 4000) String reason) {}

  @PostMapping("/api/recommendations/{id}/supersede")
  public ResponseEntity<Void> supersede(@PathVariable Long id, @Valid @RequestBody SupersedeRequest request,
      Authentication authentication) {
    GroupCheck.requireAny(authentication, "id", "Only the head of internal audit (audit-managers) may supersede or withdraw a recommendation.", Groups.AUDIT_MANAGERS);
    supersession.supersede(id, request.kind(), request.reason(), authentication.getName());
    return ResponseEntity.noContent().build();
  }
}
