package com.rectify.importing;

import com.rectify.common.ApiException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a CSV (comma, semicolon or tab separated, as a sheet pasted as text is; UTF-8 or Windows-1252), a table
 * pasted from a PDF (text with no separator but spaces, see {@link PdfTextReader}) or an XLSX workbook (streamed,
 * see {@link XlsxReader}) into rows of text. Refuses what is none of these, a workbook with several sheets unless
 * told which one, and a file past the row or cell limits.
 */
@Component
class SheetReader {

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  /** How far down a sheet its heading row is looked for. */
  static final int HEADER_SEARCH_ROWS = 30;

  private final ImportProperties properties;
  private final ColumnHeadings headings;

  public SheetReader(ImportProperties properties) {
    this.properties = properties;
    this.headings = new ColumnHeadings(properties);
  }

  public List<SheetRow> read(String fileName, byte[] bytes, String sheetName) {
    if (bytes.length == 0) {
      throw refuse("The file is empty.");
    }
    String lowerName = fileName == null ? "" : fileName.toLowerCase(Locale.UK);
    if (startsWith(bytes, OLE2)) {
      throw refuse("This is an old Excel (.xls) or other binary Office file; save it as .xlsx or CSV and import that.");
    }
    if (startsWith(bytes, ZIP)) {
      return readWorkbook(bytes, sheetName);
    }
    if (lowerName.endsWith(".xlsx")) {
      throw refuse("The file is named .xlsx but is not an Excel workbook.");
    }
    return readCsv(bytes);
  }

  private List<SheetRow> readWorkbook(byte[] bytes, String sheetName) {
    return new XlsxReader(properties).read(bytes, sheetName);
  }

  private List<SheetRow> readCsv(byte[] bytes) {
    int probe = Math.min(bytes.length, 64 * 1024);
    int controls = 0;
    for (int i = 0; i < probe; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        throw refuse("The file is not a text CSV (it holds binary data); import a CSV or an .xlsx workbook.");
      }
      if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
        controls++;
      }
    }
    if (controls > probe / 100 + 2) {
      throw refuse("The file is not a text CSV (it holds binary data); import a CSV or an .xlsx workbook.");
    }
    String text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    char delimiter = delimiterOf(text);
    checkCellBudget(text, delimiter);
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(false).get();
    List<SheetRow> rows = new ArrayList<>();
    String unreadable = null;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        if (rows.size() > properties.maxRows() + 50) {
          throw refuse("The file has more than " + properties.maxRows() + " rows.");
        }
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        rows.add(new SheetRow((int) record.getRecordNumber(), cells));
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      unreadable = e.getMessage();
    }
    boolean headed = unreadable == null
        && rows.stream().limit(HEADER_SEARCH_ROWS).anyMatch(row -> headings.headingRow(row.cells()).isPresent());
    if (!headed) {
      // No heading row in cells: perhaps a table pasted from a PDF, its cells separated by spaces alone.
      var pasted = new PdfTextReader(headings, properties).read(text, HEADER_SEARCH_ROWS);
      if (pasted.isPresent()) {
        if (pasted.get().size() > properties.maxRows() + 50) {
          throw refuse("The file has more than " + properties.maxRows() + " rows.");
        }
        return pasted.get();
      }
    }
    if (unreadable != null) {
      throw refuse("The CSV cannot be read: " + unreadable);
    }
    return rows;
  }

  /**
   * Counts the cells before parsing, as the parser holds a whole line's cells at once: a line of millions of
   * separators must be refused before it is read, not after.
   */
  private void checkCellBudget(String text, char delimiter) {
    long cells = 1;
    int line = 1;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == delimiter || c == '\n')) {
        cells++;
        if (c == '\n') {
          line++;
        }
        if (cells > properties.maxCells()) {
          throw refuse("The file holds more cells than an import takes (" + String.format(Locale.UK, "%,d", properties.maxCells())
              + "); reading stopped at line " + String.format(Locale.UK, "%,d", line)
              + ". Remove the columns and rows that are not recommendations, or import them in smaller files.");
        }
      }
    }
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  /** The separator on the first lines outside quotes: tab, semicolon or comma. */
  static char delimiterOf(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    int lines = 0;
    for (int i = 0; i < text.length() && lines < 30; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        switch (c) {
          case ',' -> commas++;
          case ';' -> semicolons++;
          case '\t' -> tabs++;
          case '\n' -> lines++;
          default -> { }
        }
      }
    }
    if (tabs >= 2) {
      return '\t'; // tabs are rare inside prose: a sheet pasted as text is tab-separated
    }
    return semicolons > commas ? ';' : ',';
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static ApiException refuse(String message) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "file", message);
  }
}
