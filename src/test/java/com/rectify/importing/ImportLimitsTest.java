package com.rectify.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rectify.RectifyApplicationTest;
import com.rectify.demo.DemoUsers;
import com.rectify.recommendation.progress.ProgressUpdateRepository;
import com.rectify.recommendation.RecommendationRepository;
import com.rectify.recommendation.StatusChangeRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Workbooks too large to import, through {@code POST /api/imports} as the head of audit with the default
 * limits: each is refused with a 400 naming the limit, the sheet and the row reached, and nothing is
 * written. The workbooks are written by POI's streaming writer, so making them costs the test little.
 */
@RectifyApplicationTest
class ImportLimitsTest {

  @Autowired TestRestTemplate http;
  @Autowired DemoUsers demoUsers;
  @Autowired RecommendationRepository recommendations;
  @Autowired StatusChangeRepository statusChanges;
  @Autowired ProgressUpdateRepository updates;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void users() {
    demoUsers.ensure();
  }

  ResponseEntity<JsonNode> post(String fileName, byte[] bytes, String query) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("helen", DemoUsers.PASSWORD)
        .postForEntity("/api/imports" + (query == null ? "" : "?" + query), new HttpEntity<>(body, headers), JsonNode.class);
  }

  List<Long> footprint() {
    return List.of(recommendations.count(), statusChanges.count(), updates.count(),
        runtimeService.createProcessInstanceQuery().count());
  }

  /** A tracker's headings, then {@code rows} rows of {@code columns} cells: text in the first three, numbers after. */
  static byte[] workbook(String sheetName, int rows, int columns) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.setCompressTempFiles(true);
      Sheet sheet = workbook.createSheet(sheetName);
      Row header = sheet.createRow(0);
      String[] headings = {"Audit", "Ref", "Recommendation", "Grade", "Lead Officer"};
      for (int c = 0; c < headings.length; c++) {
        header.createCell(c).setCellValue(headings[c]);
      }
      for (int r = 1; r <= rows; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("LIMIT-2025");
        row.createCell(1).setCellValue(r);
        row.createCell(2).setCellValue("Recommendation " + r);
        for (int c = 3; c < columns; c++) {
          row.createCell(c).setCellValue(c);
        }
      }
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    }
  }

  @Test
  void aWorkbookOverTheCellBudgetIsRefusedNamingTheSheetAndRowAndNothingIsWritten() throws IOException {
    // 20,000 rows of 110 cells: 2.2 million cells, past the 2,000,000 budget and within the 20,000 rows.
    byte[] big = workbook("Tracker", 20_000, 110);
    List<Long> before = footprint();

    ResponseEntity<JsonNode> answer = post("tracker.xlsx", big, null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = answer.getBody().get("message").asText();
    assertThat(message).contains("Sheet 'Tracker'", "2,000,000", "cells", "reading stopped at row 18,18");
    assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(footprint()).as("nothing imported").isEqualTo(before);
  }

  @Test
  void aWorkbookOverTheRowLimitIsRefusedWhereItPassedIt() throws IOException {
    byte[] long_ = workbook("Rows", 20_100, 3);
    List<Long> before = footprint();

    ResponseEntity<JsonNode> answer = post("rows.xlsx", long_, "dryRun=true");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("message").asText()).contains("Sheet 'Rows'", "20,000", "rows", "reading stopped at row 20,051");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aRowWhoseOnlyCellIsFarToTheRightCountsAsWideAsItIs() throws IOException {
    // Each row becomes 16,384 cells (column XFD): 123 such rows pass the budget though the file is tiny.
    byte[] wide;
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Wide");
      for (int r = 0; r < 200; r++) {
        sheet.createRow(r).createCell(16_383).setCellValue("far");
      }
      workbook.write(out);
      workbook.dispose();
      wide = out.toByteArray();
    }
    assertThat(wide.length).isLessThan(100_000);

    ResponseEntity<JsonNode> answer = post("wide.xlsx", wide, "dryRun=true");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("message").asText()).contains("Sheet 'Wide'", "2,000,000", "reading stopped at row 123");
  }

  @Test
  void aWorkbookPackedLikeAZipBombIsRefusedUnread() throws IOException {
    byte[] small = workbook("Bomb", 3, 5);
    // The same workbook with 60 MB of spaces inside its sheet: it packs a thousand times smaller than it unzips.
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(small)).get();
        ZipOutputStream out = new ZipOutputStream(bomb)) {
      for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntries())) {
        byte[] content = in.getInputStream(entry).readAllBytes();
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
          String xml = new String(content, StandardCharsets.UTF_8);
          int data = xml.indexOf("<sheetData>");
          out.write(xml.substring(0, data).getBytes(StandardCharsets.UTF_8));
          byte[] spaces = new byte[1024 * 1024];
          java.util.Arrays.fill(spaces, (byte) ' ');
          for (int i = 0; i < 60; i++) {
            out.write(spaces);
          }
          out.write(xml.substring(data).getBytes(StandardCharsets.UTF_8));
        } else {
          out.write(content);
        }
        out.closeEntry();
      }
    }
    assertThat(bomb.size()).isLessThan(200_000);
    List<Long> before = footprint();

    ResponseEntity<JsonNode> answer = post("bomb.xlsx", bomb.toByteArray(), null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("message").asText()).contains("zip bomb");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  void aCsvWithALineOfMillionsOfSeparatorsIsRefusedBeforeItIsParsed() {
    StringBuilder csv = new StringBuilder("Audit,Ref,Recommendation,Grade,Lead Officer\n");
    csv.append(",".repeat(2_100_000)).append('\n');
    ResponseEntity<JsonNode> answer = post("commas.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "dryRun=true");
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("message").asText()).contains("2,000,000", "reading stopped at line 2");
  }
}
