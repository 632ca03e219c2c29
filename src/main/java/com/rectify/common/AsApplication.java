package com.rectify.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Works with the engine as the application rather than as the signed-in user. The engine lets people
 * read and work on tasks and nothing more (see {@code security/engine/EngineDoors}); what Rectify does
 * for them (raising an audit, importing, opening a cycle, superseding, refreshing a brief) it has checked
 * itself first, and runs here.
 */
@Component
public class AsApplication {

  private final IdentityService identityService;

  public AsApplication(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** For pages that have already applied {@code RecommendationAccess} and show engine data about what the user may see. */
  public <T> T read(Supplier<T> work) {
    return act(work);
  }

  /** For a move Rectify has checked: who asked is recorded by the step itself, not by the engine's user. */
  public <T> T act(Supplier<T> work) {
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

  public void run(Runnable work) {
    act(() -> {
      work.run();
      return null;
    });
  }
}
