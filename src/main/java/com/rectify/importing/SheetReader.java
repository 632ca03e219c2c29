package com.rectify.importing;

import com.rectify.common.UkDates;
import com.rectify.web.ApiException;
import java.io.ByteArrayInputStream;
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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a CSV (comma, semicolon or tab separated; UTF-8 or Windows-1252) or an XLSX workbook into rows
 * of text. Refuses what is neither, and a workbook with several sheets unless told which one.
 */
@Component
public class SheetReader {

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private final ImportProperties properties;

  public SheetReader(ImportProperties properties) {
    this.properties = properties;
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
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet;
      if (sheetName != null && !sheetName.isBlank()) {
        sheet = workbook.getSheet(sheetName.trim());
        if (sheet == null) {
          throw ApiException.of(HttpStatus.BAD_REQUEST, "sheet", "The workbook has no sheet named '" + sheetName.trim()
              + "'; its sheets are " + sheetNames(workbook) + ".");
        }
      } else if (workbook.getNumberOfSheets() != 1) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "sheet", "The workbook has " + workbook.getNumberOfSheets()
            + " sheets (" + sheetNames(workbook) + "); say which to import with the 'sheet' parameter.");
      } else {
        sheet = workbook.getSheetAt(0);
      }
      if (sheet.getLastRowNum() + 1 > properties.maxRows() + 50) {
        throw refuse("The sheet has " + (sheet.getLastRowNum() + 1) + " rows; the limit is " + properties.maxRows() + ".");
      }
      DataFormatter formatter = new DataFormatter(Locale.UK);
      List<SheetRow> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          cells.add(text(row.getCell(c), formatter));
        }
        rows.add(new SheetRow(row.getRowNum() + 1, cells));
      }
      return rows;
    } catch (ApiException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw refuse("The file cannot be read as an Excel workbook (" + e.getClass().getSimpleName() + ").");
    }
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
      return UkDates.display(cell.getLocalDateTimeCellValue().toLocalDate());
    }
    if (type == CellType.STRING) {
      return cell.getRichStringCellValue().getString();
    }
    if (cell.getCellType() == CellType.FORMULA) {
      return type == CellType.NUMERIC ? formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General")
          : type == CellType.BOOLEAN ? String.valueOf(cell.getBooleanCellValue()) : "";
    }
    return formatter.formatCellValue(cell);
  }

  private static String sheetNames(Workbook workbook) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      names.add("'" + workbook.getSheetName(i) + "'");
    }
    return String.join(", ", names);
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
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(false).get();
    List<SheetRow> rows = new ArrayList<>();
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
      throw refuse("The CSV cannot be read: " + e.getMessage());
    }
    return rows;
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
