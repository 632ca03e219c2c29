package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rectify.common.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The streaming reader on workbooks POI writes: cells read as the workbook model read them, and its limits. */
class XlsxReaderTest {

  static ImportProperties limits(int maxRows, int maxCells, DataSize maxUnzipped) {
    return new ImportProperties(null, null, null, null, maxRows, maxCells, maxUnzipped, null, null);
  }

  static byte[] workbook(Consumer<XSSFWorkbook> fill) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      fill.accept(workbook);
      workbook.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void cellsReadAsTheWorkbookModelReadThem() throws IOException {
    byte[] bytes = workbook(workbook -> {
      CellStyle ukDate = workbook.createCellStyle();
      ukDate.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
      CellStyle longDate = workbook.createCellStyle();
      longDate.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d mmmm yyyy"));
      CellStyle twoPlaces = workbook.createCellStyle();
      twoPlaces.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00"));
      Sheet sheet = workbook.createSheet("Cells");
      Row row = sheet.createRow(4);
      row.createCell(0).setCellValue("text");
      row.createCell(1).setCellValue(LocalDate.of(2025, 5, 31));
      row.getCell(1).setCellStyle(ukDate);
      row.createCell(2).setCellValue(LocalDate.of(2024, 2, 29));
      row.getCell(2).setCellStyle(longDate);
      row.createCell(3).setCellValue(7);
      row.createCell(4).setCellValue(1.5);
      row.getCell(4).setCellStyle(twoPlaces);
      row.createCell(5).setCellValue(true);
      row.createCell(6).setCellFormula("D5*2");
      row.createCell(7).setCellFormula("B5+1");
      row.getCell(7).setCellStyle(ukDate);
      row.createCell(9).setCellErrorValue(FormulaError.NA.getCode());
      workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });

    List<SheetRow> rows = new XlsxReader(limits(20_000, 2_000_000, DataSize.ofMegabytes(100))).read(bytes, null);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).number()).isEqualTo(5);
    assertThat(rows.get(0).cells()).containsExactly("text", "31/05/2025", "29/02/2024", "7", "1.50", "TRUE", "14", "01/06/2025",
        "", "#N/A");
  }

  @Test
  void aSheetIsChosenByNameIgnoringCaseAndAnUnknownOneIsRefusedWithTheNames() throws IOException {
    byte[] bytes = workbook(workbook -> {
      workbook.createSheet("2024").createRow(0).createCell(0).setCellValue("first");
      workbook.createSheet("Current").createRow(0).createCell(0).setCellValue("second");
    });
    XlsxReader reader = new XlsxReader(limits(20_000, 2_000_000, DataSize.ofMegabytes(100)));

    assertThat(reader.read(bytes, "current").get(0).cells()).containsExactly("second");
    assertThatThrownBy(() -> reader.read(bytes, "2023")).isInstanceOf(ApiException.class)
        .hasMessageContaining("'2024', 'Current'");
    assertThatThrownBy(() -> reader.read(bytes, null)).isInstanceOf(ApiException.class)
        .hasMessageContaining("2 sheets");
  }

  @Test
  void aPartThatUnzipsPastTheLimitIsRefusedByName() throws IOException {
    byte[] bytes = workbook(workbook -> {
      Sheet sheet = workbook.createSheet("Texts");
      for (int r = 0; r < 3_000; r++) {
        sheet.createRow(r).createCell(0).setCellValue("A different text in every row, number " + r + ", to fill the shared texts.");
      }
    });

    assertThatThrownBy(() -> new XlsxReader(limits(20_000, 2_000_000, DataSize.ofKilobytes(64))).read(bytes, null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("the workbook's shared texts unzips to more than");
  }

  @Test
  void theSharedTextsCountAgainstTheCellBudget() throws IOException {
    byte[] bytes = workbook(workbook -> {
      Sheet sheet = workbook.createSheet("Texts");
      for (int r = 0; r < 300; r++) {
        sheet.createRow(r).createCell(0).setCellValue("text " + r);
      }
    });

    assertThatThrownBy(() -> new XlsxReader(limits(20_000, 200, DataSize.ofMegabytes(100))).read(bytes, null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("more than 200 different texts");
  }
}
