package com.rectify.importing;

import com.rectify.common.UkDates;
import com.rectify.common.ApiException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.springframework.http.HttpStatus;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one sheet of an .xlsx workbook into rows of text as its XML streams past (POI's event API), so a
 * large workbook never sits in memory as a whole. Reading stops, with an error naming the sheet and the row
 * reached, at the first row past {@code rectify.import.max-rows}, the first cell past {@code max-cells}
 * (a row counts as wide as its last cell, since that is how many cells it becomes), or when any part read
 * unzips past {@code max-unzipped-size}. POI's check against parts packed too tightly (a zip bomb) applies
 * as well. Cells read as the workbook model read them: dates as dates (whatever their format), numbers as
 * formatted, formulas by their cached results.
 */
final class XlsxReader {

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

  private final ImportProperties properties;
  private final long maxPartBytes;

  XlsxReader(ImportProperties properties) {
    this.properties = properties;
    this.maxPartBytes = properties.maxUnzippedSize().toBytes();
  }

  List<SheetRow> read(byte[] bytes, String sheetName) {
    Path file = null;
    try {
      // A file, not the bytes: POI then reads each part from the zip as it is asked for, never all of them at once.
      file = Files.createTempFile("rectify-import-", ".xlsx");
      Files.write(file, bytes);
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        return read(new XSSFReader(pkg), sheetName);
      }
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      ApiException limit = limitIn(e);
      if (limit != null) {
        throw limit;
      }
      if (isZipBomb(e)) {
        throw refuse("The workbook is packed far more tightly than a spreadsheet is (a part would unzip to more than "
            + "100 times its packed size), as a zip bomb is; it was not read.");
      }
      throw refuse("The file cannot be read as an Excel workbook (" + e.getClass().getSimpleName() + ").");
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file; the system's clean-up takes it
        }
      }
    }
  }

  private List<SheetRow> read(XSSFReader reader, String sheetName) throws IOException, OpenXML4JException, SAXException {
    WorkbookHandler workbook = new WorkbookHandler();
    parse(reader.getWorkbookData(), "the workbook's list of sheets", workbook);

    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    List<String> names = new ArrayList<>();
    String wanted = sheetName == null || sheetName.isBlank() ? null : sheetName.trim();
    InputStream chosen = null;
    String chosenName = null;
    try {
      while (sheets.hasNext()) {
        InputStream stream = sheets.next();
        String name = sheets.getSheetName();
        names.add("'" + name + "'");
        if (chosen == null && (wanted == null ? names.size() == 1 : name.equalsIgnoreCase(wanted))) {
          chosen = stream;
          chosenName = name;
        } else {
          stream.close();
        }
      }
      String list = String.join(", ", names);
      if (wanted != null && chosen == null) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "sheet", "The workbook has no sheet named '" + wanted + "'; its sheets are " + list + ".");
      }
      if (wanted == null && names.size() != 1) {
        throw ApiException.of(HttpStatus.BAD_REQUEST, "sheet", "The workbook has " + names.size() + " sheets (" + list
            + "); say which to import with the 'sheet' parameter.");
      }

      Styles styles = new Styles();
      InputStream stylesData = optional(reader::getStylesData);
      if (stylesData != null) {
        parse(stylesData, "the workbook's styles", styles);
      }
      SharedTexts texts = new SharedTexts(properties.maxCells(), maxText());
      InputStream textData = optional(reader::getSharedStringsData);
      if (textData != null) {
        parse(textData, "the workbook's shared texts", texts);
      }
      SheetHandler sheet = new SheetHandler(chosenName, styles, texts, workbook.date1904);
      InputStream data = chosen;
      chosen = null;
      parse(data, "sheet '" + chosenName + "'", sheet);
      sheet.rows.sort(Comparator.comparingInt(SheetRow::number));
      return sheet.rows;
    } finally {
      if (chosen != null) {
        chosen.close();
      }
    }
  }

  private interface PartSource {
    InputStream open() throws IOException, OpenXML4JException;
  }

  private static InputStream optional(PartSource source) throws IOException, OpenXML4JException {
    try {
      return source.open();
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException missing) {
      return null;
    }
  }

  /** Parses one part with a SAX parser that refuses DTDs and outside entities, reading no more than the unzipped limit. */
  private void parse(InputStream part, String what, DefaultHandler handler) throws IOException, SAXException {
    if (part == null) {
      return;
    }
    try (InputStream in = new Bounded(part, maxPartBytes, what, handler)) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(handler);
      parser.parse(new InputSource(in));
    } catch (ParserConfigurationException e) {
      throw new SAXException("No XML parser: " + e.getMessage(), e);
    }
  }

  /** The refusal a limit raised, wherever the parser wrapped it. */
  private static ApiException limitIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof LimitReached reached) {
        return reached.refusal;
      }
      if (t instanceof SAXException sax && sax.getException() instanceof LimitReached reached) {
        return reached.refusal;
      }
    }
    return null;
  }

  private static boolean isZipBomb(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
        return true;
      }
      if (t instanceof SAXException sax && sax.getException() != null && sax.getException() != t && isZipBomb(sax.getException())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The longest text a cell may carry while reading: well past {@code max-cell-characters}, so that a cell a
   * little too long is still read and reported by row and column, and a cell the size of the file is not.
   */
  private int maxText() {
    return (int) Math.min(Integer.MAX_VALUE - 16, 4L * properties.maxCellCharacters());
  }

  static ApiException refuse(String message) {
    return ApiException.of(HttpStatus.BAD_REQUEST, "file", message);
  }

  private static String number(long n) {
    return String.format(Locale.UK, "%,d", n);
  }

  /** Stops the parse: a limit was passed. */
  static final class LimitReached extends SAXException {

    final transient ApiException refusal;

    LimitReached(ApiException refusal) {
      super(refusal.getMessage());
      this.refusal = refusal;
    }
  }

  /** A part's stream that ends the parse once more than the limit has been unzipped. */
  private final class Bounded extends FilterInputStream {

    private final long limit;
    private final String what;
    private final DefaultHandler handler;
    private long count;

    Bounded(InputStream in, long limit, String what, DefaultHandler handler) {
      super(in);
      this.limit = limit;
      this.what = what;
      this.handler = handler;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws IOException {
      count += n;
      if (count > limit) {
        String where = handler instanceof SheetHandler sheet && sheet.lastRow > 0
            ? "; reading stopped at row " + number(sheet.lastRow) : "";
        throw new IOException(new LimitReached(refuse("The workbook is too large to import: " + what
            + " unzips to more than " + number(limit / (1024 * 1024)) + " MB" + where
            + ". Import the recommendations in smaller files.")));
      }
    }
  }

  /** workbook.xml: whether dates count from 1904 (old Mac workbooks). */
  private static final class WorkbookHandler extends DefaultHandler {

    boolean date1904;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if ("workbookPr".equals(localName)) {
        String value = attributes.getValue("date1904");
        date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
      }
    }
  }

  /** styles.xml: for each cell style (cellXfs), its number format's id and code; enough to tell a date. */
  private static final class Styles extends DefaultHandler {

    private final Map<Integer, String> customFormats = new HashMap<>();
    private final List<Integer> formatOfStyle = new ArrayList<>();
    private boolean inCellXfs;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (localName) {
        case "numFmt" -> {
          Integer id = integer(attributes.getValue("numFmtId"));
          if (id != null && attributes.getValue("formatCode") != null) {
            customFormats.put(id, attributes.getValue("formatCode"));
          }
        }
        case "cellXfs" -> inCellXfs = true;
        case "xf" -> {
          if (inCellXfs) {
            Integer id = integer(attributes.getValue("numFmtId"));
            formatOfStyle.add(id == null ? 0 : id);
          }
        }
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      if ("cellXfs".equals(localName)) {
        inCellXfs = false;
      }
    }

    int formatIndex(int style) {
      return style >= 0 && style < formatOfStyle.size() ? formatOfStyle.get(style) : 0;
    }

    String formatString(int formatIndex) {
      String custom = customFormats.get(formatIndex);
      if (custom != null) {
        return custom;
      }
      String builtin = BuiltinFormats.getBuiltinFormat(formatIndex);
      return builtin == null ? "General" : builtin;
    }
  }

  /** sharedStrings.xml: the texts cells point to, at most as many as the cell budget. */
  private static final class SharedTexts extends DefaultHandler {

    private final int max;
    private final int maxText;
    private final List<String> texts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inItem;
    private boolean inText;
    private boolean inPhonetic;

    SharedTexts(int max, int maxText) {
      this.max = max;
      this.maxText = maxText;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
      switch (localName) {
        case "si" -> {
          if (texts.size() >= max) {
            throw new LimitReached(refuse("The workbook is too large to import: it holds more than " + number(max)
                + " different texts, the most an import reads. Import the recommendations in smaller files."));
          }
          inItem = true;
          text.setLength(0);
        }
        case "t" -> inText = inItem;
        case "rPh" -> inPhonetic = true;
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "si" -> {
          texts.add(text.toString());
          inItem = false;
        }
        case "t" -> inText = false;
        case "rPh" -> inPhonetic = false;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inText && !inPhonetic) {
        if (text.length() + length > maxText) {
          throw new LimitReached(refuse("The workbook has a text of more than " + number(maxText)
              + " characters, far past Excel's own limit; the file was not read."));
        }
        text.append(ch, start, length);
      }
    }

    String get(int index) {
      return index >= 0 && index < texts.size() ? texts.get(index) : null;
    }
  }

  /** One worksheet's XML, row by row, within the row and cell budgets. */
  private final class SheetHandler extends DefaultHandler {

    final List<SheetRow> rows = new ArrayList<>();
    private final String sheetName;
    private final Styles styles;
    private final SharedTexts texts;
    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter(Locale.UK);
    private final int maxRows;
    private final long maxCells;
    private final int maxText;
    private long cells;
    int lastRow;

    private boolean inRow;
    private int rowNumber;
    private int[] rowColumns = new int[16];
    private final List<String> rowValues = new ArrayList<>();
    private int column = -1;

    private boolean inCell;
    private String type;
    private int style;
    private boolean formula;
    private boolean inValue;
    private boolean inInline;
    private boolean inInlineText;
    private boolean inPhonetic;
    private final StringBuilder value = new StringBuilder();

    SheetHandler(String sheetName, Styles styles, SharedTexts texts, boolean date1904) {
      this.sheetName = sheetName;
      this.styles = styles;
      this.texts = texts;
      this.date1904 = date1904;
      // A few rows more than the limit: blank rows and a repeated heading are skipped, not counted, later on.
      this.maxRows = properties.maxRows() + 50;
      this.maxCells = properties.maxCells();
      this.maxText = maxText();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
      if (uri != null && !uri.isEmpty() && !MAIN.equals(uri)) {
        return;
      }
      switch (localName) {
        case "row" -> {
          Integer r = integer(attributes.getValue("r"));
          rowNumber = r == null || r < 1 ? lastRow + 1 : r;
          lastRow = rowNumber;
          if (rows.size() >= maxRows) {
            throw new LimitReached(refuse("Sheet '" + sheetName + "' has more rows than an import takes ("
                + number(properties.maxRows()) + "); reading stopped at row " + number(rowNumber)
                + ". Import the recommendations in smaller files."));
          }
          inRow = true;
          rowValues.clear();
          column = -1;
        }
        case "c" -> {
          if (!inRow) {
            return;
          }
          String reference = attributes.getValue("r");
          int c = reference == null ? column + 1 : columnOf(reference);
          column = c < 0 ? column + 1 : c;
          if (cells + Math.max(column + 1, rowValues.size() + 1) > maxCells) {
            throw tooManyCells();
          }
          inCell = true;
          type = attributes.getValue("t");
          Integer s = integer(attributes.getValue("s"));
          style = s == null ? 0 : s;
          formula = false;
          value.setLength(0);
        }
        case "f" -> formula = inCell;
        case "v" -> inValue = inCell;
        case "is" -> inInline = inCell;
        case "t" -> inInlineText = inInline;
        case "rPh" -> inPhonetic = inInline;
        default -> { }
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (uri != null && !uri.isEmpty() && !MAIN.equals(uri)) {
        return;
      }
      switch (localName) {
        case "c" -> {
          if (inCell) {
            if (rowValues.size() == rowColumns.length) {
              rowColumns = java.util.Arrays.copyOf(rowColumns, rowColumns.length * 2);
            }
            rowColumns[rowValues.size()] = column;
            rowValues.add(text());
            inCell = false;
          }
        }
        case "row" -> {
          if (inRow) {
            endRow();
          }
        }
        case "v" -> inValue = false;
        case "is" -> inInline = false;
        case "t" -> inInlineText = false;
        case "rPh" -> inPhonetic = false;
        default -> { }
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (inValue || (inInlineText && !inPhonetic)) {
        if (value.length() + length > maxText) {
          throw new LimitReached(refuse("Sheet '" + sheetName + "', row " + number(rowNumber) + ", has a cell of more than "
              + number(maxText) + " characters, far past Excel's own limit; the file was not read."));
        }
        value.append(ch, start, length);
      }
    }

    private void endRow() throws SAXException {
      inRow = false;
      int width = 0;
      for (int i = 0; i < rowValues.size(); i++) {
        width = Math.max(width, rowColumns[i] + 1);
      }
      if (cells + width > maxCells) {
        throw tooManyCells();
      }
      cells += width;
      List<String> line = new ArrayList<>(width);
      for (int i = 0; i < width; i++) {
        line.add("");
      }
      for (int i = 0; i < rowValues.size(); i++) {
        line.set(rowColumns[i], rowValues.get(i));
      }
      rows.add(new SheetRow(rowNumber, line));
    }

    private LimitReached tooManyCells() {
      return new LimitReached(refuse("Sheet '" + sheetName + "' holds more cells than an import takes ("
          + number(maxCells) + "; a row counts as wide as its last cell); reading stopped at row " + number(rowNumber)
          + ". Remove the columns and rows that are not recommendations, or import them in smaller files."));
    }

    /** The cell's text, as the workbook model would give it. */
    private String text() throws SAXException {
      String raw = value.toString();
      if (type == null || type.equals("n")) {
        if (raw.isBlank()) {
          return "";
        }
        double number;
        try {
          number = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
          return raw;
        }
        int formatIndex = styles.formatIndex(style);
        String formatString = styles.formatString(formatIndex);
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(number)) {
          return UkDates.display(DateUtil.getLocalDateTime(number, date1904).toLocalDate());
        }
        return formula ? formatter.formatRawCellContents(number, -1, "General")
            : formatter.formatRawCellContents(number, formatIndex, formatString);
      }
      switch (type) {
        case "s" -> {
          Integer index = integer(raw.trim());
          String shared = index == null ? null : texts.get(index);
          if (shared == null) {
            throw new LimitReached(refuse("Sheet '" + sheetName + "', row " + number(rowNumber)
                + ", points to a shared text the workbook does not have; the file is damaged."));
          }
          return shared;
        }
        case "b" -> {
          return raw.trim().equals("1") || raw.trim().equalsIgnoreCase("true") ? "TRUE" : raw.isBlank() ? "" : "FALSE";
        }
        case "d" -> {
          try {
            return UkDates.display(LocalDate.parse(raw.trim().substring(0, Math.min(10, raw.trim().length()))));
          } catch (RuntimeException e) {
            return raw;
          }
        }
        default -> {
          return raw; // inlineStr, str (a formula's text), e (an error such as #N/A)
        }
      }
    }
  }

  private static Integer integer(String text) {
    if (text == null || text.isEmpty() || text.length() > 9) {
      return null;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The column of a reference such as "AB12" (0 = A), or -1 when it is not one. */
  private static int columnOf(String reference) {
    int letters = 0;
    while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
      letters++;
    }
    if (letters == 0 || letters > 3) {
      return -1;
    }
    return CellReference.convertColStringToIndex(reference.substring(0, letters));
  }
}
