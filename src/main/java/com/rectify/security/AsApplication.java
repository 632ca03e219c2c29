package com.rectify.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Reads the engine as the application rather than as the signed-in user: for pages that have already
 * applied {@code RecommendationAccess} and show engine data (diagram, steps) about what the user may see.
 */
@Component
public class AsApplication {

  private final IdentityService identityService;

  public AsApplication(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T read(Supplier<T> work) {
    Authentication user = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identityService.setAuthentication(user);
      }
    }
  }
}
