package com.rectify.security;

import com.rectify.recommendation.Recommendation;
import com.rectify.recommendation.access.RecommendationAccess;
import com.rectify.recommendation.access.Visibility;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the dashboard, register, recommendation page and analytics show a user, from the one rule in
 * {@link RecommendationAccess}. Lists and pages apply the whole rule; the dashboard's and the analytics'
 * figures are counted by service, so a user who sees only some recommendations outside their services
 * (a lead officer elsewhere, a senior officer asked to decide a risk) finds those in the register, not in
 * the charts.
 */
@Component
public class RecommendationVisibility {

  private final RecommendationAccess access;

  public RecommendationVisibility(RecommendationAccess access) {
    this.access = access;
  }

  public Scope of(Authentication authentication) {
    return new Scope(authentication == null ? Visibility.ofNothing() : access.visibleTo(authentication));
  }

  /** Every recommendation, or those the rule names. */
  public record Scope(Visibility visibility) {

    public static Scope everything() {
      return new Scope(Visibility.ofEverything());
    }

    public static Scope services(Set<String> services) {
      return new Scope(new Visibility(false, Set.copyOf(services), null, Set.of()));
    }

    public boolean all() {
      return visibility.everything();
    }

    public Set<String> services() {
      return visibility.services();
    }

    /**
     * The services to bind to a query's {@code in (:services)}: an empty list cannot be bound, so a code no
     * service can have stands in for "none" (any text a database takes; PostgreSQL refuses a NUL character).
     */
    public Set<String> servicesToBind() {
      return all() || services().isEmpty() ? Set.of("(no service)") : services();
    }

    public boolean includes(String service) {
      return all() || services().contains(service);
    }

    public boolean includes(Recommendation recommendation) {
      return visibility.includes(recommendation);
    }
  }
}
