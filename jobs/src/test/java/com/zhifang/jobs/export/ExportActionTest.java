package com.zhifang.jobs.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The export stage over a small hand-built warehouse, read back as its users read the files: the police liaison's
 * worklist, the 12321 feed, the xlsx in a spreadsheet (through POI), and the manifest checked against the files.
 */
class ExportActionTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 7);
    private static final String LISTED = "+8613812345678";
    private static final String IMEI = "861234567890123";
    private static final String NOTIFIED_QUIET = "+8613900000001";
    private static final String NOTIFIED_SUSPENDED = "+8613900000002";
    private static final Instant NOW = Instant.parse("2026-11-08T01:30:00Z");

    @TempDir
    static Path tmp;
    private static SparkSession spark;
    private static Warehouse warehouse;
    private static ExportResult first;
    private static Path dir;

    @BeforeAll
    static void exportADay() {
        spark = SparkTestSession.get();
        warehouse = new Warehouse(tmp.resolve("wh").toString());
        warehouse.replacePartition(spark, Tables.SUSPECTS, D, spark.createDataFrame(List.of(
                suspect(1, "NUMBER", LISTED, 0.95, List.of("WANGIRI"), List.of("300 one-ring calls in 7 days"),
                        List.of("7天内响一声呼叫300次"), List.of("响一声诈骗")),
                suspect(2, "DEVICE", IMEI, 0.9, List.of("SIMBOX"), List.of("38 SIMs in 7 days"), null, null)),
                Schemas.schemaOf(Tables.SUSPECTS)));
        warehouse.append(spark, Tables.POLICE_NOTICES, table(spark, Tables.POLICE_NOTICES,
                police(NOTIFIED_QUIET, D.minusDays(2), "GA-2026-000001"),
                police(NOTIFIED_SUSPENDED, D.minusDays(2), "GA-2026-000002")));
        warehouse.append(spark, Tables.SUSPENSION_ACTIONS, table(spark, Tables.SUSPENSION_ACTIONS,
                suspension(NOTIFIED_SUSPENDED, "SUSPENDED", "2026-11-06T10:00:00", "police notice GA-2026-000002", "OPS-001")));
        first = export(ExportSettings.defaults());
        dir = Path.of(warehouse.exportDir(D));
    }

    private static ExportResult export(ExportSettings settings) {
        return new ExportAction(spark, warehouse, D, "export-run-1", settings, Clock.fixed(NOW, ZoneOffset.UTC)).execute();
    }

    @Test
    void theDayFolderHoldsTheHandOverFilesAndNothingElse() throws Exception {
        Set<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(List.of("manifest.json", "marked-numbers.csv", "marked-numbers.xlsx", "suspects.csv",
                "suspects.xlsx", "suspension.csv", "suspension.xlsx")), names, "no .crc, no partial file");
        for (String name : names) {
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))), name);
        }
        assertEquals(7, first.filesWritten());
    }

    @Test
    void theManifestHashesEqualTheFiles() throws Exception {
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve(ExportAction.MANIFEST_FILE).toFile());
        assertEquals(NOW.toString(), manifest.get("generated_at").asText());
        assertEquals(6, manifest.get("files").size());
        for (JsonNode f : manifest.get("files")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f.get("file").asText()));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), f.get("sha256").asText(),
                    f.get("file").asText());
            assertEquals(bytes.length, f.get("bytes").asLong());
        }
        assertEquals("suspects.csv", manifest.get("file").asText(), "the contract's fields still describe suspects.csv");
        assertEquals(2, manifest.get("rows").asInt());
    }

    @Test
    void suspectsCsvKeepsTheContractsColumnsAndAddsTheChineseOnes() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("suspects.csv"));
        assertEquals("rank,entity_type,entity_id,score,patterns,reasons,police_notified,first_listed_on,days_listed,"
                + "rule_score,model_score,category,patterns_zh,reasons_zh", lines.get(0));
        assertEquals("1,NUMBER,+8613812345678,0.950000,WANGIRI,300 one-ring calls in 7 days,false,2026-11-07,1,0.950000,,"
                + "FRAUD,响一声诈骗,7天内响一声呼叫300次", lines.get(1));
        assertTrue(lines.get(2).endsWith(",FRAUD,,"), "no Chinese evidence on an older row: empty, " + lines.get(2));
    }

    @Test
    void theSuspectsWorkbookKeepsNumbersAndImeisAsTextUnderChineseHeaders() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("suspects.xlsx"))))) {
            XSSFSheet sheet = wb.getSheet("可疑名单");
            assertNotNull(sheet);
            assertEquals("对象标识", sheet.getRow(0).getCell(2).getStringCellValue());
            assertEquals("entity_id", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(2).getCell(2).getCellType());
            assertEquals(LISTED, sheet.getRow(2).getCell(2).getStringCellValue());
            assertEquals(IMEI, sheet.getRow(3).getCell(2).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(3).getCell(2).getCellType());
        }
    }

    @Test
    void theWorklistListsTheQuietNotifiedNumberAndNotTheSuspendedOne() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("suspension.csv"));
        assertEquals(String.join(",", HandoverFiles.SUSPENSION.columnNames()), lines.get(0));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("NOTIFIED," + NOTIFIED_QUIET + ",GA-2026-000001,2026-11-05,2,72,true,NO_ACTION,"),
                lines.get(1));
        assertEquals(1L, first.worklist().open());
        assertEquals(1L, first.worklist().overdue());
        assertEquals(0L, first.worklist().live());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("suspension.xlsx"))))) {
            XSSFSheet sheet = wb.getSheet("停机工作单");
            assertEquals(NOTIFIED_QUIET, sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals("号码", sheet.getRow(0).getCell(1).getStringCellValue());
        }
    }

    @Test
    void theFeedMarksTheListedNumberAndIsKeptAsATable() throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve("marked-numbers.csv"));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals("MARK," + LISTED + ",FRAUD,诈骗,HIGH,2026-11-07,2026-11-07,7天内响一声呼叫300次,", lines.get(1));
        assertEquals(1L, first.marked());
        assertEquals(1L, warehouse.read(spark, Tables.MARKED_NUMBERS).count());
    }

    @Test
    void exportingAgainGivesTheSameCsvFilesAndAnotherFileModeWhenAsked() throws Exception {
        byte[] suspects = Files.readAllBytes(dir.resolve("suspects.csv"));
        byte[] worklist = Files.readAllBytes(dir.resolve("suspension.csv"));
        byte[] feed = Files.readAllBytes(dir.resolve("marked-numbers.csv"));
        export(new ExportSettings(24, "600", 7));
        assertArrayEquals(suspects, Files.readAllBytes(dir.resolve("suspects.csv")));
        assertArrayEquals(worklist, Files.readAllBytes(dir.resolve("suspension.csv")));
        assertArrayEquals(feed, Files.readAllBytes(dir.resolve("marked-numbers.csv")), "the feed's own day is not its history");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("suspension.xlsx"))));
        assertEquals(1L, warehouse.read(spark, Tables.MARKED_NUMBERS).count(), "the day's partition replaced, not appended");
        export(ExportSettings.defaults());
    }

    private static Row suspect(int rank, String type, String id, double score, List<String> patterns, List<String> reasons,
                               List<String> reasonsZh, List<String> patternsZh) {
        return RowFactory.create(D, rank, type, id, score, patterns.toArray(), reasons.toArray(), false, D, 1, score, null,
                "score-run-1", "2026.12.08-1+abc", null, "FRAUD", reasonsZh == null ? null : reasonsZh.toArray(),
                patternsZh == null ? null : patternsZh.toArray());
    }
}
