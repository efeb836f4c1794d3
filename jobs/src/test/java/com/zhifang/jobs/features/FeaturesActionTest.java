package com.zhifang.jobs.features;

import com.zhifang.features.catalog.DayState;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.testing.WarehouseFixture;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Incremental features over the warehouse: day 1, then day 2 whose landing folder also brings a
 * late call of day 1. The late call must land in day 1's state and in day 2's 7-day window, while
 * the rows already handed over for day 1 stay as they were; re-running day 2 changes nothing.
 */
class FeaturesActionTest {
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    static final String A = "+8613800000001";
    static final String B = "+8613800000002";
    static final String C = "+8613900000003";
    static final List<Integer> WINDOWS = List.of(1, 7);

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Warehouse warehouse;
    static FeaturesResult day1;
    static FeaturesResult day2;

    @BeforeAll
    static void twoNights() {
        spark = SparkTestSession.get();
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        append(Tables.REF_SUBSCRIBERS, subscriber(A, "imsi-a", LocalDate.of(2026, 10, 30), "PREPAID", "id-1", NOV_1),
                subscriber(B, "imsi-b", LocalDate.of(2019, 5, 1), "POSTPAID", "id-2", NOV_1));
        append(Tables.VOICE_CALLS,
                voice("v1", "MO", "2026-11-01T10:00:00", A, B).answered(40).landing(NOV_1).row(),
                voice("v2", "MT", "2026-11-01T10:00:00", A, B).answered(40).landing(NOV_1).row());
        append(Tables.SMS_MESSAGES, sms("s1", "MO", "2026-11-01T11:00:00", A, B).content("请点击 https://t.cn/Camp1 领取补贴").landing(NOV_1).row());
        day1 = new FeaturesAction(spark, warehouse, NOV_1, WINDOWS).execute();
        append(Tables.VOICE_CALLS,
                voice("v3", "MO", "2026-11-01T23:00:00", A, C).ring(2).cause(19).landing(NOV_2).row(),   // late
                voice("v4", "MO", "2026-11-02T09:00:00", A, B).answered(20).landing(NOV_2).row(),
                voice("v5", "MT", "2026-11-02T09:00:00", A, B).answered(20).landing(NOV_2).row(),
                voice("v6", "MO", "2026-11-02T12:00:00", B, A).answered(60).landing(NOV_2).row(),
                voice("v7", "MT", "2026-11-02T12:00:00", B, A).answered(60).landing(NOV_2).row());
        append(Tables.SMS_MESSAGES, sms("s2", "MO", "2026-11-02T11:00:00", B, A).content("点击 ｔ．ｃｎ／Camp1 领取补贴").landing(NOV_2).row());
        day2 = new FeaturesAction(spark, warehouse, NOV_2, WINDOWS).execute();
    }

    static void append(String table, Row... rows) {
        WarehouseFixture.append(spark, warehouse, table, rows);
    }

    static Row numberRow(LocalDate date, String number) {
        return warehouse.read(spark, Tables.FEATURES_NUMBER)
                .filter(FEATURE_DATE + " = DATE'" + date + "' and " + NUMBER + " = '" + number + "'").first();
    }

    @Test
    void lateRecordUpdatesTheDayItBelongsTo() {
        assertEquals(List.of(NOV_1), day1.stateDays());
        assertEquals(List.of(NOV_1, NOV_2), day2.stateDays(), "day 1 received a late record in landing day 2");
        Row stateDay1 = DayState.NUMBER.select(warehouse.read(spark, Tables.FEATURE_DAY_STATE))
                .filter(TRAFFIC_DAY + " = DATE'" + NOV_1 + "' and " + NUMBER + " = '" + A + "'").first();
        assertEquals(2L, (Long) stateDay1.getAs(CALLS_OUT));
        Row a2 = numberRow(NOV_2, A);
        assertEquals(1L, (Long) a2.getAs(windowed(CALLS_OUT, 1)));
        assertEquals(3L, (Long) a2.getAs(windowed(CALLS_OUT, 7)));
        assertEquals(1L, (Long) a2.getAs(windowed(ONE_RING_CALLEES, 7)), "the late one-ring call to C");
        assertEquals(0.5, a2.<Double>getAs(windowed(RECIPROCITY, 7)), 1e-9, "B called back, C did not");
        assertEquals(2L, (Long) a2.getAs(windowed(CALLEES, 7)), "B and C");
        assertEquals(0L, (Long) a2.getAs(windowed(NEW_CALLEES, 1)), "B was a contact of day 1");
        assertEquals(0.0, a2.<Double>getAs(windowed(NEW_CALLEE_SHARE, 1)), 1e-9);
        assertEquals(2L, (Long) a2.getAs(windowed(NEW_CALLEES, 7)), "B and C were new on day 1, each counted once");
        assertEquals(1.0, a2.<Double>getAs(windowed(NEW_CALLEE_SHARE, 7)), 1e-9);
    }

    /**
     * A features table written by an older release, without a feature column this one adds, gains
     * the column on the next run instead of failing the nightly.
     */
    @Test
    void aFeaturesTableOfAnOlderReleaseGainsTheNewColumns() {
        Warehouse older = new Warehouse(tmp.resolve("older-warehouse").toString());
        List<String> added = List.of(windowed(NEW_CALLEES, 1), windowed(NEW_CALLEES, 7));
        StructType olderSchema = new StructType(java.util.Arrays.stream(Schemas.schemaOf(Tables.FEATURES_NUMBER).fields())
                .filter(f -> !added.contains(f.name())).toArray(StructField[]::new));
        DeltaTable.create(spark).location(older.tablePath(Tables.FEATURES_NUMBER)).addColumns(olderSchema)
                .partitionedBy(Schemas.partitionColumnOf(Tables.FEATURES_NUMBER)).execute();
        for (String t : List.of(Tables.REF_SUBSCRIBERS, Tables.VOICE_CALLS)) {
            WarehouseFixture.append(older, t, warehouse.read(spark, t));
        }
        new FeaturesAction(spark, older, NOV_1, WINDOWS).execute();
        Row a1 = older.read(spark, Tables.FEATURES_NUMBER).filter(NUMBER + " = '" + A + "'").first();
        assertEquals(2L, (Long) a1.getAs(windowed(NEW_CALLEES, 1)), "B and, from the late call, C");
    }

    /**
     * The trunk state of each day is judged with the ported snapshot of that day: on day 1 there is
     * none (and no ref_ported table until day 2's snapshot arrives), so neither caller number of our
     * block is unallocated; on day 2 the snapshot lists P as ported out, so only R is. One run for
     * day 2 computes both days' states (day 1 has records but no state yet).
     */
    @Test
    void trunkCallerNumbersAreJudgedWithThePortedSnapshotOfEachDay() {
        Warehouse w = new Warehouse(tmp.resolve("ported-warehouse").toString());
        String p = "+8613800005555";
        String r = "+8613800006666";
        WarehouseFixture.append(spark, w, Tables.REF_SUBSCRIBERS, subscriber(A, "imsi-a", LocalDate.of(2026, 10, 30), "PREPAID", "id-1", NOV_1));
        WarehouseFixture.append(spark, w, Tables.VOICE_CALLS,
                voice("g1", "GW", "2026-11-01T10:00:00", p, A).trunk("IC-9").landing(NOV_1).row(),
                voice("g2", "GW", "2026-11-01T10:01:00", r, A).trunk("IC-9").landing(NOV_1).row(),
                voice("g3", "GW", "2026-11-02T10:00:00", p, A).trunk("IC-9").landing(NOV_2).row(),
                voice("g4", "GW", "2026-11-02T10:01:00", r, A).trunk("IC-9").landing(NOV_2).row());
        WarehouseFixture.append(spark, w, Tables.REF_PORTED, ported(p, "CUCC", LocalDate.of(2026, 9, 1), NOV_2));
        FeaturesResult result = new FeaturesAction(spark, w, NOV_2, WINDOWS).execute();
        assertEquals(List.of(NOV_1, NOV_2), result.stateDays());
        java.util.Map<String, Long> unallocatedByDay = DayState.TRUNK.select(w.read(spark, Tables.FEATURE_DAY_STATE))
                .collectAsList().stream().collect(java.util.stream.Collectors.toMap(
                        row -> row.getAs(TRAFFIC_DAY).toString(), row -> row.<Long>getAs(CLI_UNALLOCATED)));
        assertEquals(java.util.Map.of("2026-11-01", 0L, "2026-11-02", 1L), unallocatedByDay);
        Row trunk = w.read(spark, Tables.FEATURES_TRUNK).filter(FEATURE_DATE + " = DATE'" + NOV_2 + "'").first();
        assertEquals(List.of("IC-9", 4L, 1L, 1L, 0L), List.of(trunk.getAs(TRUNK_ID), trunk.getAs(windowed(CALLS, 7)),
                trunk.getAs(windowed(CLI_UNALLOCATED, 1)), trunk.getAs(windowed(CLI_UNALLOCATED, 7)), trunk.getAs(windowed(CLI_INVALID, 7))));
        assertEquals(0.25, trunk.<Double>getAs(windowed(CLI_UNALLOCATED_SHARE, 7)), 1e-9);
    }

    /** Each night stores who sent which link; the window counts the senders of one link across its days. */
    @Test
    void linkSendersAreCountedAcrossTheWindowsDays() {
        Row a2 = numberRow(NOV_2, A);
        Row b2 = numberRow(NOV_2, B);
        assertEquals(0L, (Long) a2.getAs(windowed(LINK_SENDERS, 1)), "A sent no link on day 2");
        assertEquals(2L, (Long) a2.getAs(windowed(LINK_SENDERS, 7)), "A on day 1 and B on day 2 sent t.cn/Camp1");
        assertEquals(1L, (Long) b2.getAs(windowed(LINK_SENDERS, 1)));
        assertEquals(2L, (Long) b2.getAs(windowed(LINK_SENDERS, 7)));
        assertEquals(1L, (Long) numberRow(NOV_1, A).getAs(windowed(LINK_SENDERS, 7)), "day 1 alone");
    }

    @Test
    void rowsHandedOverEarlierAreNotRewritten() {
        assertEquals(1L, (Long) numberRow(NOV_1, A).getAs(windowed(CALLS_OUT, 1)));
    }

    @Test
    void attributesComeFromTheSnapshotOfTheDay() {
        Row a2 = numberRow(NOV_2, A);
        assertEquals(Boolean.TRUE, a2.getAs(IS_SUBSCRIBER));
        assertEquals(3, (Integer) a2.getAs(SIM_AGE_DAYS));
        assertEquals("PREPAID", a2.getAs(PLAN));
        assertEquals(1L, (Long) a2.getAs(SIMS_SAME_IDENTITY));
        assertEquals(Boolean.FALSE, a2.getAs(POLICE_NOTIFIED));
        assertEquals(2, day2.numbers(), "A and B; C only received a call");
        assertEquals(2, day2.devices());
    }

    @Test
    void reRunningADayChangesNothing() {
        List<String> before = warehouse.read(spark, Tables.FEATURES_NUMBER).collectAsList().stream().map(Row::toString).sorted().toList();
        FeaturesResult again = new FeaturesAction(spark, warehouse, NOV_2, WINDOWS).execute();
        assertEquals(day2.numbers(), again.numbers());
        assertEquals(before, warehouse.read(spark, Tables.FEATURES_NUMBER).collectAsList().stream().map(Row::toString).sorted().toList());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new FeaturesAction(spark, warehouse, NOV_2, List.of(0, 7)));
        assertThrows(NullPointerException.class, () -> new FeaturesAction(spark, null, NOV_2, WINDOWS));
    }
}
