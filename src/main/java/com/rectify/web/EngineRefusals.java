package com.rectify.web;

import com.rectify.common.PeopleNames;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.springframework.stereotype.Component;

/**
 * A refusal by the engine, in words a person acts on: what they may not do, who can, and what to do next, naming
 * them by their name. Rectify's own rules on the engine (security/engine) already write such words and name nobody
 * by login; the engine's authorizations write permission and resource names, which are put into words here.
 */
@Component
class EngineRefusals {

  private final PeopleNames names;

  EngineRefusals(PeopleNames names) {
    this.names = names;
  }

  String words(AuthorizationException refusal) {
    if (refusal.getUserId() == null) {
      return refusal.getMessage();
    }
    String who = names.of(refusal.getUserId());
    List<MissingAuthorization> missing = refusal.getMissingAuthorizations();
    String resource = missing.isEmpty() || missing.get(0).getResourceType() == null ? ""
        : missing.get(0).getResourceType().toLowerCase(Locale.UK);
    return switch (resource) {
      case "task" -> who + " may not work on this task: only the person who holds it, or the people and groups it is"
          + " offered to, can. Claim it in Tasklist if it is offered to you, or leave it for them; ask the audit team if"
          + " it should be yours.";
      case "processinstance", "processdefinition", "historicprocessinstance" -> who + " may not move this recommendation's"
          + " lifecycle directly: Rectify moves it through its steps when each step's task is completed in Tasklist."
          + " Complete the task it waits at, or ask the audit team.";
      default -> who + " may not do this: the administrators decide what each account may do. Ask the audit team if you"
          + " need to.";
    };
  }
}
