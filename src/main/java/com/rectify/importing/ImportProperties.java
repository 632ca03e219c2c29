package com.rectify.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How sheets are read ({@code rectify.import}): the headings each column may carry, the words that mean
 * "done" or "no date yet", and the limits that keep a bad file from hurting the server: rows, cells read
 * (a workbook is read as it streams, and stops at the first one over), and how far any part of a workbook
 * may unzip.
 */
@ConfigurationProperties("rectify.import")
record ImportProperties(
    Map<ImportColumn, List<String>> columns,
    List<String> completionMarkers,
    List<String> undatedWords,
    Integer maxCellCharacters,
    Integer maxRows,
    Integer maxCells,
    DataSize maxUnzippedSize,
    Integer plausibleYears,
    String defaultService) {

  public ImportProperties {
    columns = columns == null ? new EnumMap<>(ImportColumn.class) : new EnumMap<>(columns);
    completionMarkers = completionMarkers == null ? List.of("Complete", "Completed", "Closed", "Implemented") : completionMarkers;
    undatedWords = undatedWords == null ? List.of("TBC", "TBA", "To be confirmed", "Ongoing", "N/A") : undatedWords;
    maxCellCharacters = maxCellCharacters == null ? com.rectify.common.TextLimits.LONGEST_TEXT : maxCellCharacters;
    maxRows = maxRows == null ? 20000 : maxRows;
    maxCells = maxCells == null ? 2_000_000 : maxCells;
    maxUnzippedSize = maxUnzippedSize == null ? DataSize.ofMegabytes(100) : maxUnzippedSize;
    plausibleYears = plausibleYears == null ? 5 : plausibleYears;
    defaultService = defaultService == null || defaultService.isBlank() ? "general" : defaultService;
  }
}
