package com.zhifang.jobs.ingest;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.ingest.FileCounts;
import com.zhifang.features.ingest.RecordFate;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.run.RunStatus;
import com.zhifang.jobs.testing.LandingFixture;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.jobs.testing.LandingFixture.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What becomes of rows whose numbers cannot be used and of copies of one record id that disagree:
 * FV00004 arrives with 30 s, again with 999 s the same day, once more identical, and the next day
 * with 777 s against the stored copy; FV00002 and FV00001 come again unchanged.
 */
class IngestRecordFatesTest {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T02:00:00Z"), ZoneOffset.UTC);
    private static final String CONFLICTING_DUPLICATE = "CONFLICTING_DUPLICATE";

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static LandingFixture landing;
    static Warehouse warehouse;
    static List<RunReport> firstRun;

    private static String withDuration(String call, int seconds) {
        return call.replace(",1,30,5,", ",1," + seconds + ",5,");
    }

    @BeforeAll
    static void ingestTwoDays() {
        spark = SparkTestSession.get();
        landing = new LandingFixture(tmp.resolve("landing"))
                .file(NOV_1, "voice", "a.csv", VOICE_HEADER,
                        call("FV00001", "2026-11-01T08:00:00"),
                        call("FV00004", "2026-11-01T09:00:00"),                                         // line 3: kept
                        call("FV00002", "2026-11-01T10:00:00"),
                        call("FV00005", "2026-11-01T11:00:00").replace(",13912345678,", ",13900ABCDEF,"), // quarantined
                        call("FV00006", "2026-11-01T12:00:00").replace("FV00006,MO,", "FV00006,GW,")
                                .replace(",13812345678,", ",ANONYMOUS,"))                                // a trunk's caller ID: kept, counted
                .file(NOV_1, "voice", "b.csv", VOICE_HEADER,
                        withDuration(call("FV00004", "2026-11-01T09:00:00"), 999),                      // line 2: conflicting
                        call("FV00002", "2026-11-01T10:00:00"),                                         // identical
                        call("FV00004", "2026-11-01T09:00:00"))                                         // identical to the kept one
                .file(NOV_1, "police", "p.csv", "number,notified_on,case_ref",
                        "not-a-number,2026-11-01,K1", "13812345678,2026-11-01,K2")
                .file(NOV_1, "reference", "roaming.csv", "msisdn,visited_country,since",
                        "abc,TH,2026-10-20", "13800000001,TH,2026-10-20")
                .file(NOV_1, "reference", "ported.csv", "number,operator,ported_on",
                        "13800000005,CUCC,2026-10-01",
                        "1380000000X,CUCC,2026-10-01",                                                  // line 3: not a number
                        "13800000006,,2026-10-01",                                                      // line 4: no operator
                        "13800000007,CTCC,1 Oct 2026")                                                  // line 5: not a date
                .file(NOV_2, "voice", "a.csv", VOICE_HEADER,
                        withDuration(call("FV00004", "2026-11-01T09:00:00"), 777),                      // against the stored copy
                        call("FV00001", "2026-11-01T08:00:00"),                                         // identical, stored
                        call("FV00007", "2026-11-02T08:00:00"));
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        firstRun = ingest(warehouse, NOV_1, NOV_2);
    }

    private static List<RunReport> ingest(Warehouse into, LocalDate from, LocalDate to) {
        NightlySettings settings = new NightlySettings(landing.root().toString(), into,
                NightlySettings.range(from, to), SparkTestSession.CARRIER_ZONE);
        return new NightlyJob(spark, CLOCK).run("ingest", settings, EnumSet.of(NightlyStage.INGEST));
    }

    private static FileCounts counts(RunReport report, String fileSuffix) {
        return report.files().stream().filter(f -> f.file().endsWith(fileSuffix)).findFirst().orElseThrow();
    }

    private static List<Row> quarantine(Warehouse w) {
        return w.read(spark, Tables.QUARANTINE).orderBy(LANDING_DAY, SOURCE_FILE, SOURCE_LINE).collectAsList();
    }

    private static Row quarantineRow(Warehouse w, String fileSuffix, long line) {
        List<Row> rows = quarantine(w).stream()
                .filter(r -> r.<String>getAs(SOURCE_FILE).endsWith(fileSuffix) && r.<Long>getAs(SOURCE_LINE) == line).toList();
        assertEquals(1, rows.size(), "one quarantine row for " + fileSuffix + " line " + line);
        return rows.get(0);
    }

    @Test
    void aRequiredNumberThatCannotBeUsedQuarantinesTheRowAnOptionalOneIsCounted() {
        RunReport nov1 = firstRun.get(0);
        FileCounts a = counts(nov1, "01/voice/a.csv");
        assertEquals(List.of(5L, 4L, 0L, 0L), List.of(a.read(), a.accepted(), a.duplicates(), a.conflictingDuplicates()));
        assertEquals(Map.of("INVALID_NUMBER", 1L), a.quarantinedByReason());
        assertEquals(1, a.unusableOptionalNumbers(), "FV00006's caller ANONYMOUS");
        assertEquals(Map.of("INVALID_NUMBER", 1L), counts(nov1, "01/police/p.csv").quarantinedByReason());
        assertEquals(Map.of("INVALID_NUMBER", 1L), counts(nov1, "01/reference/roaming.csv").quarantinedByReason());
        assertEquals(1, nov1.metric("ingest.unusable_optional_numbers"));

        Row called = quarantineRow(warehouse, "01/voice/a.csv", 5);
        assertEquals(List.of("INVALID_NUMBER", CALLED_NUMBER, RecordFate.QUARANTINED.name()),
                List.of(called.getAs(REASON), called.getAs(FIELD), called.getAs(COUNTED_AS)));
        assertTrue(called.<String>getAs(RAW_LINE).contains("13900ABCDEF"));
        assertEquals(NUMBER, quarantineRow(warehouse, "01/police/p.csv", 2).getAs(FIELD));
        Row roamer = quarantineRow(warehouse, "01/reference/roaming.csv", 2);
        assertEquals(List.of(MSISDN, NOV_1), List.of(roamer.getAs(FIELD), roamer.getAs(LANDING_DAY)));

        FileCounts ported = counts(nov1, "01/reference/ported.csv");
        assertEquals(List.of(4L, 1L, 0L), List.of(ported.read(), ported.accepted(), ported.duplicates()));
        assertEquals(Map.of("INVALID_NUMBER", 1L, "MISSING_REQUIRED_FIELD", 1L, "BAD_TIMESTAMP", 1L), ported.quarantinedByReason());
        for (Object[] line : new Object[][] {{3L, "INVALID_NUMBER", NUMBER}, {4L, "MISSING_REQUIRED_FIELD", OPERATOR},
                {5L, "BAD_TIMESTAMP", PORTED_ON}}) {
            Row bad = quarantineRow(warehouse, "01/reference/ported.csv", (Long) line[0]);
            assertEquals(List.of(line[1], line[2], "ported", NOV_1), List.of(bad.getAs(REASON), bad.getAs(FIELD), bad.getAs(DATASET),
                    bad.getAs(LANDING_DAY)));
        }
        assertEquals(List.of("+8613800000005"), warehouse.read(spark, Tables.REF_PORTED).select(NUMBER).collectAsList().stream()
                .map(r -> r.getString(0)).toList());

        Row anonymous = warehouse.read(spark, Tables.VOICE_CALLS).filter(col(RECORD_ID).equalTo("FV00006")).first();
        assertNull(anonymous.getAs(CALLING_NUMBER));
        assertEquals(List.of("ANONYMOUS", "INVALID"), List.of(anonymous.getAs(CALLING_RAW), anonymous.getAs(CALLING_CLASS)));
        assertEquals(0, warehouse.read(spark, Tables.VOICE_CALLS).filter(col(RECORD_ID).equalTo("FV00005")).count());
        assertEquals(1, warehouse.read(spark, Tables.POLICE_NOTICES).count());
    }

    @Test
    void aCopyThatDiffersIsAConflictingDuplicateAnIdenticalOneAPlainDuplicate() {
        FileCounts b = counts(firstRun.get(0), "01/voice/b.csv");
        assertEquals(List.of(3L, 0L, 3L, 1L, 0L),
                List.of(b.read(), b.accepted(), b.duplicates(), b.conflictingDuplicates(), b.quarantined()));
        FileCounts nextDay = counts(firstRun.get(1), "02/voice/a.csv");
        assertEquals(List.of(3L, 1L, 2L, 1L, 0L),
                List.of(nextDay.read(), nextDay.accepted(), nextDay.duplicates(), nextDay.conflictingDuplicates(), nextDay.quarantined()));
        assertEquals(1, firstRun.get(0).metric("ingest.conflicting_duplicates"));
        assertEquals(1, firstRun.get(1).metric("ingest.conflicting_duplicates"));
        firstRun.forEach(r -> assertEquals(RunStatus.SUCCEEDED, r.status(), r.summary()));

        List<Row> stored = warehouse.read(spark, Tables.VOICE_CALLS).filter(col(RECORD_ID).equalTo("FV00004")).collectAsList();
        assertEquals(1, stored.size(), "the record is stored once");
        assertEquals(30, (Integer) stored.get(0).getAs(DURATION_S), "the first copy is kept");
    }

    @Test
    void bothConflictingCopiesAreInQuarantineWithTheirFileAndLine() {
        List<Row> review = quarantine(warehouse).stream().filter(r -> CONFLICTING_DUPLICATE.equals(r.getAs(REASON))).toList();
        assertEquals(3, review.size(), "the kept copy once, each differing copy once: " + review);
        review.forEach(r -> assertEquals("FV00004", r.getAs(RECORD_ID)));

        Row kept = quarantineRow(warehouse, "01/voice/a.csv", 3);
        assertEquals(List.of(CONFLICTING_DUPLICATE, RecordFate.ACCEPTED.name(), DURATION_S, NOV_1),
                List.of(kept.getAs(REASON), kept.getAs(COUNTED_AS), kept.getAs(FIELD), kept.getAs(LANDING_DAY)));
        assertTrue(kept.<String>getAs(RAW_LINE).contains("\"duration_s\":30"), kept.<String>getAs(RAW_LINE));
        assertTrue(kept.<String>getAs(MESSAGE).contains("01/voice/b.csv line 2"), kept.<String>getAs(MESSAGE));

        Row sameDay = quarantineRow(warehouse, "01/voice/b.csv", 2);
        assertEquals(List.of(CONFLICTING_DUPLICATE, RecordFate.DUPLICATE.name(), DURATION_S, NOV_1),
                List.of(sameDay.getAs(REASON), sameDay.getAs(COUNTED_AS), sameDay.getAs(FIELD), sameDay.getAs(LANDING_DAY)));
        assertTrue(sameDay.<String>getAs(RAW_LINE).contains("\"duration_s\":999"), sameDay.<String>getAs(RAW_LINE));
        assertTrue(sameDay.<String>getAs(MESSAGE).contains("01/voice/a.csv line 3"), sameDay.<String>getAs(MESSAGE));

        Row againstStored = quarantineRow(warehouse, "02/voice/a.csv", 2);
        assertEquals(List.of(RecordFate.DUPLICATE.name(), DURATION_S, NOV_2),
                List.of(againstStored.getAs(COUNTED_AS), againstStored.getAs(FIELD), againstStored.getAs(LANDING_DAY)));
        assertTrue(againstStored.<String>getAs(RAW_LINE).contains("\"duration_s\":777"), againstStored.<String>getAs(RAW_LINE));
        assertTrue(againstStored.<String>getAs(MESSAGE).contains("01/voice/a.csv line 3"), againstStored.<String>getAs(MESSAGE));
    }

    /**
     * The contract's rule: per file, the quarantine rows counted as quarantined are the file's
     * quarantined records, the review rows counted as duplicates its conflicting duplicates, and
     * read = accepted + duplicates + quarantined.
     */
    @Test
    void theQuarantineTableReconcilesWithTheRunReports() {
        Map<String, Map<String, Long>> byFileAndFate = quarantine(warehouse).stream().collect(Collectors.groupingBy(
                r -> r.<String>getAs(SOURCE_FILE), TreeMap::new,
                Collectors.groupingBy(r -> r.<String>getAs(COUNTED_AS), TreeMap::new, Collectors.counting())));
        for (RunReport report : firstRun) {
            for (FileCounts f : report.files()) {
                Map<String, Long> fates = byFileAndFate.getOrDefault(f.file(), Map.of());
                assertTrue(f.reconciles(), f.toString());
                assertEquals(f.quarantined(), fates.getOrDefault(RecordFate.QUARANTINED.name(), 0L), f.file());
                assertEquals(f.conflictingDuplicates(), fates.getOrDefault(RecordFate.DUPLICATE.name(), 0L), f.file());
            }
        }
        assertDoesNotThrow(() -> firstRun.forEach(RunReport::reconcile));
    }

    @Test
    void theRunReportCountsConflictsPerFileAndDataset() throws Exception {
        String json = Files.readString(Path.of(warehouse.runReportPath(firstRun.get(0).runId())));
        assertTrue(json.contains("\"conflicting_duplicates\" : 1"), json);
        assertTrue(json.contains("\"unusable_optional_numbers\" : 1"), json);
    }

    @Test
    void reRunningAddsNoQuarantineRowAndCountsTheSameConflicts() {
        List<String> before = quarantine(warehouse).stream().map(Row::toString).sorted().toList();
        List<RunReport> again = ingest(warehouse, NOV_1, NOV_2);
        assertEquals(before, quarantine(warehouse).stream().map(Row::toString).sorted().toList());
        for (int i = 0; i < again.size(); i++) {
            for (FileCounts f : again.get(i).files()) {
                FileCounts first = counts(firstRun.get(i), f.file());
                assertEquals(first.conflictingDuplicates(), f.conflictingDuplicates(), f.file());
                assertTrue(f.reconciles(), f.toString());
            }
        }
        assertEquals(1, warehouse.read(spark, Tables.VOICE_CALLS).filter(col(RECORD_ID).equalTo("FV00004")).count());
    }

    /**
     * A warehouse an older release wrote: its quarantine table lacks the new columns and its stored
     * records have no content hash. Ingest adds the columns, and compares a duplicate with such a
     * copy by hashing the stored columns: an identical copy is a plain duplicate (the hash of the
     * stored columns equals the parser's), a differing one conflicts.
     */
    @Test
    void copiesStoredWithoutAContentHashAreComparedByTheirColumns() {
        Warehouse older = new Warehouse(tmp.resolve("warehouse-older").toString());
        StructType current = Schemas.schemaOf(Tables.QUARANTINE);
        StructType before = new StructType(Arrays.stream(current.fields())
                .filter(f -> !Set.of(RECORD_ID, COUNTED_AS).contains(f.name())).toArray(StructField[]::new));
        DeltaTable.create(spark).location(older.tablePath(Tables.QUARANTINE)).addColumns(before).partitionedBy(LANDING_DAY).execute();

        assertEquals(RunStatus.SUCCEEDED, ingest(older, NOV_1, NOV_1).get(0).status());
        assertEquals(List.of(current.fieldNames()), List.of(older.read(spark, Tables.QUARANTINE).columns()),
                "the columns this release added to the quarantine table");
        DeltaTable.forPath(spark, older.tablePath(Tables.VOICE_CALLS)).update(Map.of(CONTENT_HASH, lit(null)));

        RunReport nextDay = ingest(older, NOV_2, NOV_2).get(0);
        FileCounts f = counts(nextDay, "02/voice/a.csv");
        assertEquals(List.of(3L, 1L, 2L, 1L), List.of(f.read(), f.accepted(), f.duplicates(), f.conflictingDuplicates()));
        Row againstStored = quarantineRow(older, "02/voice/a.csv", 2);
        assertEquals(DURATION_S, againstStored.getAs(FIELD));
        assertTrue(againstStored.<String>getAs(MESSAGE).contains("01/voice/a.csv line 3"), againstStored.<String>getAs(MESSAGE));
    }
}
