package com.rectify.common;

import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/** Refuses, with 403 and a sentence a person understands, a user in none of the groups a call is for. */
public final class GroupCheck {

  private GroupCheck() {}

  public static boolean isInAny(Authentication authentication, String... groups) {
    return authentication != null && authentication.getAuthorities().stream()
        .anyMatch(authority -> Arrays.asList(groups).contains(authority.getAuthority()));
  }

  public static void requireAny(Authentication authentication, String field, String refusal, String... groups) {
    if (!isInAny(authentication, groups)) {
      throw ApiException.of(HttpStatus.FORBIDDEN, field, refusal);
    }
  }
}
