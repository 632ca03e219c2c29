package com.rectify.importing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the import page keeps a checked sheet until it is imported ({@code rectify.import.held}): for how long, how
 * many sheets in all and for one person, and how many bytes in all. Past a limit the oldest sheet is let go.
 */
@ConfigurationProperties("rectify.import.held")
record HeldSheetProperties(Duration keepFor, Integer maxSheets, Integer maxPerPerson, DataSize maxTotalSize) {

  public HeldSheetProperties {
    keepFor = keepFor == null ? Duration.ofMinutes(30) : keepFor;
    maxSheets = maxSheets == null ? 20 : maxSheets;
    maxPerPerson = maxPerPerson == null ? 3 : maxPerPerson;
    maxTotalSize = maxTotalSize == null ? DataSize.ofMegabytes(100) : maxTotalSize;
    if (maxSheets < 1 || maxPerPerson < 1) {
      throw new IllegalArgumentException("rectify.import.held.max-sheets and max-per-person must be at least 1.");
    }
  }
}
