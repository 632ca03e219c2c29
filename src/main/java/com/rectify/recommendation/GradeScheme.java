package com.rectify.recommendation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Reads a grade as written in a source ("E", "Requires Attention", "Priority 1") as a canonical grade. */
@Component
public class GradeScheme {

  private final Map<String, Grade> byAlias = new HashMap<>();

  public GradeScheme(GradeProperties properties) {
    for (Grade grade : Grade.values()) {
      byAlias.put(normalise(grade.name()), grade);
    }
    properties.aliases().forEach((grade, aliases) -> aliases.forEach(alias -> byAlias.put(normalise(alias), grade)));
  }

  public Optional<Grade> parse(String written) {
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byAlias.get(normalise(written)));
  }

  static String normalise(String word) {
    return word.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]", "");
  }
}
