package com.zhifang.jobs.ingest;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.ingest.FileCounts;
import com.zhifang.features.ingest.LandingFileException;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.testing.LandingFixture;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import com.zhifang.jobs.run.RunRecorder;
import com.zhifang.jobs.run.RunStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.jobs.testing.LandingFixture.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two landing days with the faults the contract promises: a record repeated inside a day, a whole
 * record re-delivered the next day, a late record, malformed rows, reference snapshots.
 */
class IngestActionTest {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static LandingFixture landing;
    static Warehouse warehouse;
    static List<RunReport> firstRun;
    static Map<String, List<String>> tablesAfterFirstRun;

    @BeforeAll
    static void ingestTwoDays() {
        spark = SparkTestSession.get();
        landing = new LandingFixture(tmp.resolve("landing"))
                .file(NOV_1, "voice", "part-0.csv", VOICE_HEADER,
                        call("v1", "2026-11-01T08:00:00"),
                        call("v2", "2026-11-01T09:00:00"),
                        call("v3", "2026-11-01T10:00:00").replace(",30,5,", ",thirty,5,"),   // malformed
                        call("v1", "2026-11-01T08:00:00"))                                     // repeated in file
                .file(NOV_1, "voice", "part-1.csv", VOICE_HEADER,
                        call("v2", "2026-11-01T09:00:00"),                                     // repeated across files
                        call("v4", "2026-11-01T23:59:59"))
                .file(NOV_1, "reference", "roaming.csv", "msisdn,visited_country,since",
                        "13800000001,TH,2026-10-20", "13800000002,JP,2026-10-25", "13800000001,TH,2026-10-20")
                .file(NOV_1, "complaints", "c.csv", "reported_number,reported_at,category,channel,reporter_hash",
                        "13812345678,2026-11-01T12:00:00+08:00,FRAUD,12321,r1")
                .file(NOV_2, "voice", "part-0.csv", VOICE_HEADER,
                        call("v1", "2026-11-01T08:00:00"),                                     // re-delivered a day later
                        call("v5", "2026-11-01T22:00:00"),                                     // late: belongs to Nov 1
                        call("v6", "2026-11-02T07:00:00"),
                        "v7,MO,2026-11-02T07:00:00+08:00")                                     // wrong column count
                .file(NOV_2, "reference", "roaming.csv", "msisdn,visited_country,since",
                        "13800000003,US,2026-11-02")
                .file(NOV_2, "reference", "ported.csv", "number,operator,ported_on",
                        "13800000005,CUCC,2026-10-01", "+8613800000005,CUCC,2026-10-01",     // one number in two forms
                        "15900001234,CMCC,2026-09-15");
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        firstRun = ingest(NOV_1, NOV_2);
        tablesAfterFirstRun = snapshotOfTables();
    }

    private static List<RunReport> ingest(LocalDate from, LocalDate to) {
        NightlySettings settings = new NightlySettings(landing.root().toString(), warehouse,
                NightlySettings.range(from, to), SparkTestSession.CARRIER_ZONE);
        return new NightlyJob(spark, CLOCK).run("ingest", settings, EnumSet.of(NightlyStage.INGEST));
    }

    private static FileCounts counts(RunReport report, String fileSuffix) {
        return report.files().stream().filter(f -> f.file().endsWith(fileSuffix)).findFirst().orElseThrow();
    }

    @Test
    void everyRecordIsAcceptedDuplicateOrQuarantined() {
        RunReport nov1 = firstRun.get(0);
        assertEquals(new FileCounts("voice", counts(nov1, "01/voice/part-0.csv").file(), 4, 2, 1,
                Map.of("BAD_NUMBER_FIELD", 1L)), counts(nov1, "01/voice/part-0.csv"));
        FileCounts part1 = counts(nov1, "01/voice/part-1.csv");
        assertEquals(List.of(2L, 1L, 1L, 0L), List.of(part1.read(), part1.accepted(), part1.duplicates(), part1.quarantined()));
        FileCounts roaming = counts(nov1, "01/reference/roaming.csv");
        assertEquals(List.of(3L, 2L, 1L), List.of(roaming.read(), roaming.accepted(), roaming.duplicates()));

        FileCounts nov2 = counts(firstRun.get(1), "02/voice/part-0.csv");
        assertEquals(List.of(4L, 2L, 1L), List.of(nov2.read(), nov2.accepted(), nov2.duplicates()));
        assertEquals(Map.of("WRONG_COLUMN_COUNT", 1L), nov2.quarantinedByReason());
        firstRun.forEach(r -> assertEquals(RunStatus.SUCCEEDED, r.status()));
    }

    @Test
    void eachRecordIsStoredOnceInItsOwnTrafficDay() {
        Map<String, String> dayById = warehouse.read(spark, Tables.VOICE_CALLS).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(RECORD_ID), r -> r.getAs(TRAFFIC_DAY).toString(), (a, b) -> {
                    throw new AssertionError("record stored twice");
                }, TreeMap::new));
        assertEquals(Map.of("v1", "2026-11-01", "v2", "2026-11-01", "v4", "2026-11-01",
                "v5", "2026-11-01", "v6", "2026-11-02"), dayById);
        Row late = warehouse.read(spark, Tables.VOICE_CALLS).filter("record_id = 'v5'").first();
        assertEquals(NOV_2, late.getAs(LANDING_DAY), "the late record remembers the folder it came in");
    }

    @Test
    void quarantineNamesFileLineReasonAndRawText() {
        List<Row> rows = warehouse.read(spark, Tables.QUARANTINE).orderBy(LANDING_DAY).collectAsList();
        assertEquals(2, rows.size());
        Row first = rows.get(0);
        assertTrue(first.<String>getAs(SOURCE_FILE).endsWith("2026-11-01/voice/part-0.csv"));
        assertEquals(4L, (Long) first.getAs(SOURCE_LINE));
        assertEquals("BAD_NUMBER_FIELD", first.getAs(REASON));
        assertEquals(DURATION_S, first.getAs(FIELD));
        assertTrue(first.<String>getAs(RAW_LINE).startsWith("v3,MO,"));
        assertEquals("WRONG_COLUMN_COUNT", rows.get(1).getAs(REASON));
    }

    @Test
    void snapshotsAreKeptPerDate() {
        Map<String, Long> byDate = warehouse.read(spark, Tables.REF_ROAMING).groupBy(SNAPSHOT_DATE).count()
                .collectAsList().stream().collect(Collectors.toMap(r -> r.get(0).toString(), r -> r.getLong(1)));
        assertEquals(Map.of("2026-11-01", 2L, "2026-11-02", 1L), byDate);
    }

    /** ported.csv is a snapshot like roaming.csv: keyed by the normalised number, stored under its landing day. */
    @Test
    void portedNumbersAreASnapshotOfTheirLandingDay() {
        FileCounts ported = counts(firstRun.get(1), "02/reference/ported.csv");
        assertEquals(List.of("ported", 3L, 2L, 1L, 0L),
                List.of(ported.dataset(), ported.read(), ported.accepted(), ported.duplicates(), ported.quarantined()));
        assertTrue(ported.reconciles(), ported.toString());
        Map<String, String> operatorByNumber = warehouse.read(spark, Tables.REF_PORTED).collectAsList().stream()
                .peek(r -> assertEquals(NOV_2, r.getAs(SNAPSHOT_DATE)))
                .collect(Collectors.toMap(r -> r.<String>getAs(NUMBER), r -> r.<String>getAs(OPERATOR)));
        assertEquals(Map.of("+8613800000005", "CUCC", "+8615900001234", "CMCC"), operatorByNumber);
        assertTrue(firstRun.get(0).files().stream().noneMatch(f -> f.dataset().equals("ported")), "no ported.csv on Nov 1");
    }

    @Test
    void runReportsAreWrittenAsJsonAndLogged() throws Exception {
        for (RunReport report : firstRun) {
            String json = Files.readString(Path.of(warehouse.runReportPath(report.runId())));
            assertTrue(json.contains("\"status\" : \"SUCCEEDED\""), json);
            assertTrue(json.contains("\"quarantined_by_reason\""), json);
        }
        long logged = warehouse.read(spark, Tables.RUN_LOG)
                .filter(RUN_ID + " in ('" + firstRun.get(0).runId() + "', '" + firstRun.get(1).runId() + "')").count();
        assertEquals(2, logged);
    }

    @Test
    void reRunningTheRangeLeavesEveryTableUnchanged() {
        List<RunReport> again = ingest(NOV_1, NOV_2);
        assertEquals(tablesAfterFirstRun, snapshotOfTables());
        for (RunReport report : again) {
            for (FileCounts f : report.files()) {
                if (!List.of("roaming", "ported").contains(f.dataset())) {   // snapshots are replaced, so accepted again
                    assertEquals(0, f.accepted(), "nothing new on a re-run: " + f);
                }
                assertTrue(f.reconciles());
            }
        }
    }

    /**
     * With no duplicate line broadcast and one file per new record: the shuffled anti join gives the
     * same counts and rows, and a day's records are written by several tasks (two landing files,
     * two files), not gathered into one by Delta's repartition before a MERGE's write, which made a
     * single task write a whole day.
     */
    @Test
    void smallLimitsGiveTheSameOutcomeWrittenByEveryTask() {
        Warehouse other = new Warehouse(tmp.resolve("warehouse-small-limits").toString());
        for (int i = 0; i < 2; i++) {
            LocalDate d = NOV_1.plusDays(i);
            IngestResult result = new IngestAction(spark, other, landing.root().toString(), d, SparkTestSession.CARRIER_ZONE,
                    "small-limits-" + d, IngestAction.DEFAULT_PARALLELISM, 0, 1).execute();
            assertEquals(firstRun.get(i).files().stream().sorted(Comparator.comparing(FileCounts::file)).toList(),
                    result.files().stream().sorted(Comparator.comparing(FileCounts::file)).toList());
            result.checks().forEach(c -> assertTrue(c.holds(), c.toString()));
        }
        assertEquals(recordsWithoutRunId(warehouse), recordsWithoutRunId(other));
        long files = other.read(spark, Tables.VOICE_CALLS).filter(col(LANDING_DAY).equalTo(lit(NOV_1)))
                .select(input_file_name()).distinct().count();
        assertEquals(2, files);
    }

    private static List<String> recordsWithoutRunId(Warehouse w) {
        return w.read(spark, Tables.VOICE_CALLS).drop(INGEST_RUN_ID).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void aTruncatedFileFailsTheRunNamingIt() throws Exception {
        LocalDate nov9 = LocalDate.of(2026, 11, 9);
        landing.file(nov9, "sms", "cut.csv", SMS_HEADER, "s1,MO,2026-11-09T10:00:00+08:00,13812345678,139");
        Path cut = landing.root().resolve("2026-11-09/sms/cut.csv");
        Files.writeString(cut, Files.readString(cut).stripTrailing());   // last line ends mid-record
        LandingFileException e = assertThrows(LandingFileException.class, () -> ingest(nov9, nov9));
        assertTrue(e.getMessage().contains("cut.csv") && e.getMessage().contains("truncated"), e.getMessage());
        Files.delete(cut);
    }

    @Test
    void aMissingLandingFolderFailsTheRun() {
        NightlySettings settings = new NightlySettings(tmp.resolve("nowhere").toString(), warehouse,
                List.of(NOV_1), SparkTestSession.CARRIER_ZONE);
        LandingFileException e = assertThrows(LandingFileException.class,
                () -> new NightlyJob(spark, CLOCK).run("ingest", settings, EnumSet.of(NightlyStage.INGEST)));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void aDayWithoutAFolderIsNormal() {
        List<RunReport> reports = ingest(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1));
        assertEquals(RunStatus.SUCCEEDED, reports.get(0).status());
        assertEquals(List.of(), reports.get(0).files());
    }

    /** Every data table's rows as sorted strings (run log excluded: it records runs). */
    private static Map<String, List<String>> snapshotOfTables() {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : Schemas.tableNames()) {
            if (!table.equals(Tables.RUN_LOG) && warehouse.exists(spark, table)) {
                out.put(table, warehouse.read(spark, table).collectAsList().stream().map(Row::toString).sorted().toList());
            }
        }
        return out;
    }

    /**
     * A run killed after its MERGE committed left the records stored under its run id and no report.
     * The rerun of the same files names them as accepted by the interrupted run (part of accepted),
     * not as duplicates of the source: the file's sum holds across both runs. After a run that
     * finished, the same lines are plain duplicates (a re-run).
     */
    @Test
    void rowsAnInterruptedRunStoredAreAcceptedByItNotDuplicates(@TempDir Path own) {
        LandingFixture files = new LandingFixture(own.resolve("landing")).file(NOV_1, "voice", "part-0.csv", VOICE_HEADER,
                call("k1", "2026-11-01T08:00:00"), call("k2", "2026-11-01T09:00:00"), call("k1", "2026-11-01T08:00:00"),
                call("k3", "2026-11-01T10:00:00").replace(",30,5,", ",thirty,5,"));
        Warehouse killedHere = new Warehouse(own.resolve("warehouse").toString());
        String killedRun = "ingest-2026-11-01-20261102T021400-dead";
        RunRecorder.recordStart(spark, killedHere, new RunReport(killedRun, "ingest", NOV_1, Instant.parse("2026-11-02T02:14:00Z"),
                Map.of("code", "test")));
        new IngestAction(spark, killedHere, files.root().toString(), NOV_1, SparkTestSession.CARRIER_ZONE, killedRun, 1).execute();
        // ... killed here: the next run finds the marker and closes the run as interrupted.
        RunRecorder.closeInterrupted(spark, killedHere, "lease-of-the-rerun", Instant.parse("2026-11-02T03:00:00Z"));

        FileCounts rerun = (new IngestAction(spark, killedHere, files.root().toString(), NOV_1,
                SparkTestSession.CARRIER_ZONE, "ingest-2026-11-01-20261102T030000-next", 1).execute()).files().get(0);
        assertEquals(List.of(4L, 2L, 2L, 1L, 1L), List.of(rerun.read(), rerun.accepted(), rerun.acceptedByInterruptedRun(),
                rerun.duplicates(), rerun.quarantined()), "read, accepted, of them by the interrupted run, duplicates, quarantined");
        assertTrue(rerun.reconciles());

        FileCounts again = (new IngestAction(spark, killedHere, files.root().toString(), NOV_1,
                SparkTestSession.CARRIER_ZONE, "ingest-2026-11-01-20261102T040000-third", 1).execute()).files().get(0);
        assertEquals(List.of(4L, 2L, 2L, 1L, 1L), List.of(again.read(), again.accepted(), again.acceptedByInterruptedRun(),
                again.duplicates(), again.quarantined()), "the interrupted run's rows stay its own on every rerun");

        Warehouse finishedHere = new Warehouse(own.resolve("finished").toString());
        new IngestAction(spark, finishedHere, files.root().toString(), NOV_1, SparkTestSession.CARRIER_ZONE, "ingest-ok", 1).execute();
        FileCounts plain = (new IngestAction(spark, finishedHere, files.root().toString(), NOV_1,
                SparkTestSession.CARRIER_ZONE, "ingest-ok-again", 1).execute()).files().get(0);
        assertEquals(List.of(4L, 0L, 0L, 3L, 1L), List.of(plain.read(), plain.accepted(), plain.acceptedByInterruptedRun(),
                plain.duplicates(), plain.quarantined()), "after a run that finished, a re-run's lines are duplicates");
    }
}
