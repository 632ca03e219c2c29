package com.rectify.recommendation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The words councils use for each canonical grade ({@code rectify.grades.aliases}). */
@ConfigurationProperties("rectify.grades")
record GradeProperties(Map<Grade, List<String>> aliases) {

  public GradeProperties {
    aliases = aliases == null ? new EnumMap<>(Grade.class) : new EnumMap<>(aliases);
  }
}
