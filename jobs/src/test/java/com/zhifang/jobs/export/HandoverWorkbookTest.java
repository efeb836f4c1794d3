package com.zhifang.jobs.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static com.zhifang.jobs.export.HandoverColumn.bool;
import static com.zhifang.jobs.export.HandoverColumn.date;
import static com.zhifang.jobs.export.HandoverColumn.decimal;
import static com.zhifang.jobs.export.HandoverColumn.integer;
import static com.zhifang.jobs.export.HandoverColumn.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workbook is read back with POI's full (non-streaming) XSSF reader, as Excel would open it:
 * cell types, values, formats, panes and widths are what a user sees. POI's temporary files go to a
 * directory of this test's own, so that the test can see them deleted.
 */
class HandoverWorkbookTest {
    static final String E164 = "+8613812345678";
    static final String IMEI = "861234567890123";
    static final String LEADING_ZERO = "013812345678";
    static final String DOUBLE_ZERO = "008613812345678";
    static final DataFormatter SHOWN = new DataFormatter();

    @TempDir
    static Path poiTemp;

    @BeforeAll
    static void poiTempFilesHere() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
    }

    @AfterAll
    static void poiTempFilesBack() {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
    }

    static final List<HandoverColumn> COLUMNS = List.of(
            integer("rank", "排名"),
            text("entity_id", "对象标识"),
            decimal("score", "风险评分"),
            date("first_listed_on", "首次列入日期"),
            bool("police_notified", "公安已通报"),
            text("reasons", "判定依据"));

    static List<String> row(String... values) {
        return Arrays.asList(values);
    }

    static XSSFWorkbook readBack(byte[] xlsx) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XSSFWorkbook write(HandoverSheet... sheets) {
        byte[] xlsx = HandoverWorkbook.toBytes(List.of(sheets));
        // An xlsx is a zip: "PK" first.
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        return readBack(xlsx);
    }

    static XSSFCell cell(XSSFSheet sheet, int row, int column) {
        XSSFRow r = sheet.getRow(row);
        assertNotNull(r, "row " + row);
        return r.getCell(column);
    }

    static void assertText(String expected, XSSFCell cell) {
        assertNotNull(cell);
        assertEquals(CellType.STRING, cell.getCellType(), expected);
        assertEquals(expected, cell.getStringCellValue());
        assertEquals("@", cell.getCellStyle().getDataFormatString(), expected);
        assertEquals(expected, SHOWN.formatCellValue(cell));
    }

    static void assertBlank(XSSFCell cell) {
        assertTrue(cell == null || cell.getCellType() == CellType.BLANK, () -> "blank expected, got " + cell.getCellType() + " " + cell);
    }

    @Test
    void idsAndCodesReadBackAsTheExactTextOfTheCsv() throws IOException {
        List<HandoverColumn> ids = List.of(text("entity_id", "对象标识"), text("code", "代码"));
        List<String> values = List.of(E164, IMEI, LEADING_ZERO, DOUBLE_ZERO, "12345678901234567890123", "1E5", "=1+1", "-5", "@x",
                "  spaced  ", "CN-01");
        List<List<String>> rows = new ArrayList<>();
        values.forEach(v -> rows.add(row(v, "0" + v)));
        try (XSSFWorkbook wb = write(new HandoverSheet("ids", ids, rows))) {
            XSSFSheet sheet = wb.getSheet("ids");
            for (int i = 0; i < values.size(); i++) {
                assertText(values.get(i), cell(sheet, HandoverWorkbook.HEADER_ROWS + i, 0));
                assertText("0" + values.get(i), cell(sheet, HandoverWorkbook.HEADER_ROWS + i, 1));
            }
            // Typed later into an empty cell of the column: text as well.
            assertEquals("@", sheet.getColumnStyle(0).getDataFormatString());
            // No green "number stored as text" triangles over the data of text columns.
            Map<IgnoredErrorType, Set<CellRangeAddress>> ignored = sheet.getIgnoredErrors();
            assertEquals(Set.of(CellRangeAddress.valueOf("A3:A13"), CellRangeAddress.valueOf("B3:B13")),
                    ignored.get(IgnoredErrorType.NUMBER_STORED_AS_TEXT));
        }
    }

    @Test
    void chineseHeadersAboveTheContractNamesBothBoldFrozenAndFiltered() throws IOException {
        try (XSSFWorkbook wb = write(new HandoverSheet("可疑名单", COLUMNS, List.of(row("1", E164, "0.5", "2026-11-07", "true", "r"))))) {
            XSSFSheet sheet = wb.getSheet("可疑名单");
            for (int c = 0; c < COLUMNS.size(); c++) {
                XSSFCell chinese = cell(sheet, 0, c);
                XSSFCell name = cell(sheet, 1, c);
                assertEquals(COLUMNS.get(c).chineseHeader(), chinese.getStringCellValue());
                assertEquals(COLUMNS.get(c).name(), name.getStringCellValue());
                assertTrue(wb.getFontAt(chinese.getCellStyle().getFontIndex()).getBold());
                assertTrue(wb.getFontAt(name.getCellStyle().getFontIndex()).getBold());
            }
            assertFalse(wb.getFontAt(cell(sheet, 2, 1).getCellStyle().getFontIndex()).getBold(), "data is not bold");
            assertEquals(6, sheet.getRow(1).getLastCellNum(), "the csv's columns, no more");
            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane, "no pane");
            assertTrue(pane.isFreezePane());
            assertEquals(2, pane.getHorizontalSplitPosition(), "frozen below row 2");
            assertEquals(0, pane.getVerticalSplitPosition(), "no columns frozen");
            assertEquals(2, pane.getHorizontalSplitTopRow(), "data scrolls from row 3");
            assertEquals("A2:F3", sheet.getCTWorksheet().getAutoFilter().getRef(), "filter buttons on row 2, over the data");
        }
    }

    @Test
    void numbersAreNumericCellsShownAsTheCsvShowsThem() throws IOException {
        List<HandoverColumn> columns = List.of(integer("rank", "排名"), decimal("score", "风险评分"));
        List<List<String>> rows = List.of(
                row("1", "0.873000"),
                row("-42", "0.123456789012"),
                row("9007199254740992", "1E-7"),
                row("0", "5"));
        try (XSSFWorkbook wb = write(new HandoverSheet("numbers", columns, rows))) {
            XSSFSheet sheet = wb.getSheet("numbers");
            double[] ranks = {1, -42, 9007199254740992d, 0};
            String[] shownScores = {"0.873000", "0.123456789012", "0.0000001", "5"};
            for (int i = 0; i < rows.size(); i++) {
                XSSFCell rank = cell(sheet, 2 + i, 0);
                XSSFCell score = cell(sheet, 2 + i, 1);
                assertEquals(CellType.NUMERIC, rank.getCellType());
                assertEquals(ranks[i], rank.getNumericCellValue());
                assertEquals("0", rank.getCellStyle().getDataFormatString());
                assertEquals(CellType.NUMERIC, score.getCellType());
                // Full precision: exactly the double the csv text denotes.
                assertEquals(Double.parseDouble(rows.get(i).get(1)), score.getNumericCellValue(), 0.0);
                assertEquals(shownScores[i], SHOWN.formatCellValue(score));
            }
            assertEquals("0.000000", cell(sheet, 2, 1).getCellStyle().getDataFormatString());
            assertEquals("9007199254740992", SHOWN.formatCellValue(cell(sheet, 4, 0)));
        }
    }

    @Test
    void datesAreDateCellsAndBooleansBooleanCells() throws IOException {
        List<HandoverColumn> columns = List.of(date("first_listed_on", "首次列入日期"), bool("police_notified", "公安已通报"));
        try (XSSFWorkbook wb = write(new HandoverSheet("dates", columns, List.of(row("2026-11-07", "true"), row("1999-12-31", "false"))))) {
            XSSFSheet sheet = wb.getSheet("dates");
            XSSFCell first = cell(sheet, 2, 0);
            assertEquals(CellType.NUMERIC, first.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(first));
            assertEquals(LocalDate.of(2026, 11, 7), first.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy-mm-dd", first.getCellStyle().getDataFormatString());
            assertEquals("2026-11-07", SHOWN.formatCellValue(first));
            assertEquals(LocalDate.of(1999, 12, 31), cell(sheet, 3, 0).getLocalDateTimeCellValue().toLocalDate());
            XSSFCell notified = cell(sheet, 2, 1);
            assertEquals(CellType.BOOLEAN, notified.getCellType());
            assertTrue(notified.getBooleanCellValue());
            assertEquals(CellType.BOOLEAN, cell(sheet, 3, 1).getCellType());
            assertFalse(cell(sheet, 3, 1).getBooleanCellValue());
        }
    }

    @Test
    void nullAndEmptyValuesAreBlankCellsOfEveryKind() throws IOException {
        List<List<String>> rows = List.of(
                row(null, null, null, null, null, null),
                row("", "", "", "", "", ""),
                row("3", E164, "0.1", "2026-11-07", "false", "r"));
        try (XSSFWorkbook wb = write(new HandoverSheet("blanks", COLUMNS, rows))) {
            XSSFSheet sheet = wb.getSheet("blanks");
            for (int r = 2; r <= 3; r++) {
                for (int c = 0; c < COLUMNS.size(); c++) {
                    assertBlank(cell(sheet, r, c));
                }
            }
            assertEquals(CellType.NUMERIC, cell(sheet, 4, 0).getCellType(), "a blank row does not blank the next");
            assertText(E164, cell(sheet, 4, 1));
        }
    }

    @Test
    void twoSheetsInOneWorkbookInOrder() throws IOException {
        HandoverSheet suspects = new HandoverSheet("可疑名单", COLUMNS, List.of(row("1", E164, "0.9", "2026-11-07", "false", "r")));
        HandoverSheet devices = new HandoverSheet("devices", List.of(text("imei", "设备IMEI")), List.of(row(IMEI), row(DOUBLE_ZERO)));
        try (XSSFWorkbook wb = write(suspects, devices)) {
            assertEquals(2, wb.getNumberOfSheets());
            assertEquals("可疑名单", wb.getSheetName(0));
            assertEquals("devices", wb.getSheetName(1));
            assertText(E164, cell(wb.getSheetAt(0), 2, 1));
            assertText(IMEI, cell(wb.getSheetAt(1), 2, 0));
            assertText(DOUBLE_ZERO, cell(wb.getSheetAt(1), 3, 0));
            assertEquals("设备IMEI", cell(wb.getSheetAt(1), 0, 0).getStringCellValue());
            assertTrue(wb.getSheetAt(1).getPaneInformation().isFreezePane());
        }
    }

    @Test
    void aNameExcelWouldRefuseFailsClearly() {
        List<List<String>> rows = List.of(row(E164));
        List<HandoverColumn> columns = List.of(text("entity_id", "对象标识"));
        for (String bad : List.of("a[1]", "a:b", "a*", "why?", "a/b", "a\\b", "'quoted'", "History", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HandoverSheet(bad, columns, rows), bad);
            assertTrue(e.getMessage().startsWith("invalid sheet name"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new HandoverSheet(null, columns, rows));
        String longest = "可".repeat(31);
        assertEquals(longest, new HandoverSheet(longest, columns, rows).name(), "31 characters is allowed");
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> new HandoverSheet(longest + "x", columns, rows));
        assertTrue(tooLong.getMessage().contains("32 characters"), tooLong.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> HandoverWorkbook.toBytes(
                List.of(new HandoverSheet("Suspects", columns, rows), new HandoverSheet("suspects", columns, rows))));
        assertTrue(twice.getMessage().contains("two sheets are named"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HandoverWorkbook.toBytes(List.of()));
    }

    @Test
    void malformedSheetsAndValuesFailNamingTheirPlace() {
        List<HandoverColumn> columns = List.of(integer("rank", "排名"), text("entity_id", "对象标识"));
        IllegalArgumentException shortRow = assertThrows(IllegalArgumentException.class,
                () -> new HandoverSheet("s", columns, List.of(row("1", E164), row("2"))));
        assertEquals("sheet 's': data row 2 has 1 values, expected one per column (2)", shortRow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HandoverSheet("s", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new HandoverSheet("s", List.of(text("a", "甲"), text("a", "乙")), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new HandoverColumn("a", " ", CellKind.TEXT));
        assertThrows(IllegalArgumentException.class, () -> new HandoverColumn("", "甲", CellKind.TEXT));
        assertThrows(NullPointerException.class, () -> new HandoverColumn("a", "甲", null));

        IllegalArgumentException notInteger = assertThrows(IllegalArgumentException.class,
                () -> HandoverWorkbook.toBytes(List.of(new HandoverSheet("s", columns, List.of(row("1", E164), row("1.5", E164))))));
        assertEquals("sheet 's', data row 2 (sheet row 4), column rank: '1.5' is not an INTEGER", notInteger.getMessage());
        assertFails(integer("n", "数"), "9007199254740993", "beyond 2^53");
        assertFails(decimal("d", "数"), "NaN", "is not a DECIMAL");
        assertFails(decimal("d", "数"), "0.5d", "is not a DECIMAL");
        assertFails(date("d", "日"), "2026-13-01", "is not an ISO DATE");
        assertFails(date("d", "日"), "07/11/2026", "is not an ISO DATE");
        assertFails(bool("b", "是否"), "TRUE", "is not a BOOLEAN");
        assertFails(bool("b", "是否"), "null", "is not a BOOLEAN");
        assertFails(text("t", "文"), "x".repeat(HandoverWorkbook.MAX_CELL_CHARS + 1), "at most 32767");
    }

    @Test
    void aFailedWorkbookNamesThePlaceAndLeavesNoTemporaryFiles() throws IOException {
        // More rows than the window, so some are in POI's temporary file and some in memory when the bad one comes.
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < HandoverWorkbook.ROW_WINDOW * 3 / 2; i++) {
            rows.add(row(String.valueOf(i), E164));
        }
        rows.add(row("not a rank", E164));
        HandoverSheet good = new HandoverSheet("good", List.of(integer("rank", "排名"), text("entity_id", "对象标识")), rows.subList(0, 10));
        HandoverSheet bad = new HandoverSheet("bad", List.of(integer("rank", "排名"), text("entity_id", "对象标识")), rows);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandoverWorkbook.toBytes(List.of(good, bad)));
        assertTrue(e.getMessage().startsWith("sheet 'bad', data row 151 (sheet row 153), column rank"), e.getMessage());
        try (Stream<Path> left = Files.list(poiTemp)) {
            assertEquals(List.of(), left.toList(), "POI's temporary files are deleted");
        }
    }

    static void assertFails(HandoverColumn column, String value, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HandoverWorkbook.toBytes(List.of(new HandoverSheet("s", List.of(column), List.of(row(value))))), value);
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("column " + column.name()), e.getMessage());
    }

    @Test
    void columnWidthsFollowTheLongestValueWithinTheCaps() throws IOException {
        List<HandoverColumn> columns = List.of(
                text("a", "甲"),                                      // short header, short data: the minimum
                text("entity_id", "对象标识"),                         // "+8613812345678", 14 characters
                text("wide", "对象标识对象标识对象"),                   // 10 Chinese characters, 20 wide
                text("narrow", "abcdefghij"),                           // 10 Latin characters, 10 wide
                text("reasons", "判定依据"));                          // 500 characters: the maximum
        List<List<String>> rows = List.of(row("x", E164, "y", "y", "r".repeat(500)));
        try (XSSFWorkbook wb = write(new HandoverSheet("widths", columns, rows))) {
            XSSFSheet sheet = wb.getSheet("widths");
            int[] chars = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                chars[c] = sheet.getColumnWidth(c) / 256;
                assertTrue(chars[c] >= HandoverWorkbook.MIN_WIDTH_CHARS && chars[c] <= HandoverWorkbook.MAX_WIDTH_CHARS, "column " + c + ": " + chars[c]);
            }
            assertEquals(HandoverWorkbook.MIN_WIDTH_CHARS, chars[0]);
            assertEquals(E164.length() + 2, chars[1]);
            assertEquals(20 + 2, chars[2], "Chinese characters count double");
            assertEquals(HandoverWorkbook.MIN_WIDTH_CHARS + 2, chars[3]);
            assertEquals(HandoverWorkbook.MAX_WIDTH_CHARS, chars[4]);
            assertFalse(cell(sheet, 2, 4).getCellStyle().getWrapText(), "long text does not wrap");
            assertEquals(500, cell(sheet, 2, 4).getStringCellValue().length(), "the cell keeps the whole text");
        }
        assertEquals(4, HandoverWorkbook.displayWidth("可疑"));
        assertEquals(6, HandoverWorkbook.displayWidth("IMEI号"));
        assertEquals(3, HandoverWorkbook.displayWidth("ａb"));   // a full-width a
    }

    @Test
    void tenThousandRowsStreamAndLeaveNoTemporaryFiles() throws IOException {
        int n = 10_000;
        List<List<String>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row(String.valueOf(i + 1), String.format("+86138%08d", i), String.format("%.6f", 1.0 - i / (double) n),
                    "2026-11-07", i % 2 == 0 ? "true" : "false", "412 distinct callees in 7 days; SPAM_SMS: 90 texts to 88 numbers"));
        }
        long start = System.nanoTime();
        byte[] xlsx = HandoverWorkbook.toBytes(List.of(new HandoverSheet("big", COLUMNS, rows)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        try (Stream<Path> left = Files.list(poiTemp)) {
            assertEquals(List.of(), left.toList(), "POI's temporary files are deleted");
        }
        try (XSSFWorkbook wb = readBack(xlsx)) {
            XSSFSheet sheet = wb.getSheet("big");
            assertEquals(HandoverWorkbook.HEADER_ROWS + n - 1, sheet.getLastRowNum());
            assertText("+8613800000000", cell(sheet, 2, 1));
            assertText("+8613800009999", cell(sheet, 2 + n - 1, 1));
            assertEquals(n, cell(sheet, 2 + n - 1, 0).getNumericCellValue());
            assertEquals("A2:F10002", sheet.getCTWorksheet().getAutoFilter().getRef());
        }
        // A generous bound on a shared 2-core machine: what matters is that it finishes in bounded memory.
        assertTrue(millis < 60_000, "10,000 rows took " + millis + " ms");
    }

    @Test
    void theSuspectsSheetHasTheContractsColumnsFirstAndKeepsNumbersAsText() throws IOException {
        assertEquals(List.of("rank", "entity_type", "entity_id", "score", "patterns", "reasons"),
                HandoverFiles.SUSPECTS.columnNames().subList(0, 6), "the specification's six columns, in its order");
        List<String> csvLine = row("1", "NUMBER", E164, "0.987654", "WANGIRI;SIMBOX", "412 distinct callees in 7 days", "true",
                "2026-11-07", "3", "0.950000", "", "FRAUD", "响一声诈骗;猫池", "7天内呼叫412个不同号码");
        List<String> imeiLine = row("2", "DEVICE", IMEI, "0.876543", "SIMBOX", "38 SIMs in 7 days", "false",
                "2026-11-01", "7", "0.876543", "", "FRAUD", "猫池", "7天内使用38张SIM卡");
        try (XSSFWorkbook wb = write(HandoverFiles.SUSPECTS.sheetOf(List.of(csvLine, imeiLine)))) {
            XSSFSheet sheet = wb.getSheet(HandoverFiles.SUSPECTS.sheet());
            assertEquals("排名", cell(sheet, 0, 0).getStringCellValue());
            assertEquals("对象标识", cell(sheet, 0, 2).getStringCellValue());
            assertEquals("entity_id", cell(sheet, 1, 2).getStringCellValue());
            assertText(E164, cell(sheet, 2, 2));
            assertText(IMEI, cell(sheet, 3, 2));
            assertEquals("0.987654", SHOWN.formatCellValue(cell(sheet, 2, 3)));
            assertEquals(CellType.BOOLEAN, cell(sheet, 2, 6).getCellType());
            assertEquals("2026-11-07", SHOWN.formatCellValue(cell(sheet, 2, 7)));
            assertBlank(cell(sheet, 2, 10));
            for (int c = 0; c < csvLine.size(); c++) {
                if (!csvLine.get(c).isEmpty() && HandoverFiles.SUSPECTS.columns().get(c).kind() != CellKind.BOOLEAN) {
                    assertEquals(csvLine.get(c), SHOWN.formatCellValue(cell(sheet, 2, c)), "shown as the csv says: " + csvLine.get(c));
                }
            }
        }
    }
}
