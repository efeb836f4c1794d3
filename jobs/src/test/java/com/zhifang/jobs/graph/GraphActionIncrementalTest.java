package com.zhifang.jobs.graph;

import com.zhifang.features.catalog.DayState;
import com.zhifang.features.graph.CallGraph;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.testing.WarehouseFixture;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The graph stage's edge day states over three nights on a hand-built warehouse. Night 1: A calls
 * B, and calls C from abroad (an international trunk presenting A's +86 number; A is in that day's
 * roaming snapshot). Night 2: B calls A, and a late call of day 1 (A to B) arrives; A is back home
 * (day 2's roaming snapshot lists only D). Night 3: one call of its own day.
 */
class GraphActionIncrementalTest {
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    static final String A = "+8613800000001";
    static final String B = "+8613800000002";
    static final String C = "+8613900000003";
    static final String D = "+8613800000004";

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Warehouse warehouse;
    static GraphResult night1;
    static GraphResult night2;
    static List<Row> night2Features;
    static GraphResult night2Again;
    static GraphResult night3;

    @BeforeAll
    static void threeNights() {
        spark = SparkTestSession.get();
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        append(Tables.REF_SUBSCRIBERS, subscriber(A, "imsi-a", LocalDate.of(2020, 1, 1), "POSTPAID", "id-a", NOV_1),
                subscriber(B, "imsi-b", LocalDate.of(2020, 1, 1), "POSTPAID", "id-b", NOV_1),
                subscriber(D, "imsi-d", LocalDate.of(2020, 1, 1), "POSTPAID", "id-d", NOV_1));
        append(Tables.REF_TRUNKS, trunk("INTL-1", "INTERNATIONAL", NOV_1));
        append(Tables.REF_ROAMING, roamer(A, NOV_1));
        append(Tables.VOICE_CALLS,
                voice("v1", "MO", "2026-11-01T10:00:00", A, B).answered(40).landing(NOV_1).row(),
                voice("v2", "GW", "2026-11-01T11:00:00", A, C).trunk("INTL-1").answered(30).landing(NOV_1).row());
        GraphSettings settings = GraphSettings.defaults();
        night1 = new GraphAction(spark, warehouse, NOV_1, settings).execute();

        append(Tables.REF_ROAMING, roamer(D, NOV_2));
        append(Tables.VOICE_CALLS,
                voice("v3", "MO", "2026-11-01T23:00:00", A, B).answered(10).landing(NOV_2).row(),   // late
                voice("v4", "MO", "2026-11-02T09:00:00", B, A).answered(20).landing(NOV_2).row());
        night2 = new GraphAction(spark, warehouse, NOV_2, settings).execute();
        night2Features = graphRows(NOV_2);
        night2Again = new GraphAction(spark, warehouse, NOV_2, settings).execute();

        append(Tables.VOICE_CALLS, voice("v5", "MO", "2026-11-03T09:00:00", B, C).answered(5).landing(NOV_3).row());
        night3 = new GraphAction(spark, warehouse, NOV_3, settings).execute();
    }

    static void append(String table, Row... rows) {
        WarehouseFixture.append(spark, warehouse, table, rows);
    }

    static List<Row> graphRows(LocalDate day) {
        return warehouse.read(spark, Tables.GRAPH_FEATURES_NUMBER).where(col(GRAPH_DATE).equalTo(lit(day)))
                .orderBy(NUMBER).collectAsList();
    }

    static Row numberRow(LocalDate day, String number) {
        return graphRows(day).stream().filter(r -> r.<String>getAs(NUMBER).equals(number)).findFirst().orElseThrow();
    }

    @Test
    void eachNightComputesItsDayAndTheDaysThatReceivedLateRecords() {
        assertEquals(List.of(NOV_1), night1.stateDays());
        assertEquals(List.of(NOV_1, NOV_2), night2.stateDays(), "day 1 received a late call in landing day 2");
        assertEquals(List.of(NOV_3), night3.stateDays(), "no late records: earlier days' edges are read as stored");
        Row day1 = DayState.CALL_EDGE.select(warehouse.read(spark, Tables.EDGE_DAY_STATE))
                .where(col(TRAFFIC_DAY).equalTo(lit(NOV_1)).and(col(FROM_NUMBER).equalTo(A)).and(col(TO_NUMBER).equalTo(B))).first();
        assertEquals(2L, day1.<Long>getAs(CALLS), "the late call is in its own day's edge");
        assertEquals(50L, day1.<Long>getAs(TALK_S));
        assertEquals(3L, numberRow(NOV_2, A).<Long>getAs(CALLS_OUT), "two calls to B and the call home from abroad");
        assertEquals(1L, numberRow(NOV_2, A).<Long>getAs(CALLS_IN));
        assertEquals(2L, numberRow(NOV_3, B).<Long>getAs(CALLS_OUT), "day 2's and day 3's calls, from stored and new states");
    }

    @Test
    void theWindowsEdgesEqualThoseOfItsRawRecords() {
        List<Row> fromRecords = CallGraph.toCallEdges(warehouse.read(spark, Tables.VOICE_CALLS)).orderBy(FROM_NUMBER, TO_NUMBER)
                .collectAsList();
        assertEquals(4, fromRecords.size(), fromRecords.toString());
        assertEquals(fromRecords.size(), night3.callEdges());
    }

    /**
     * Which calls are spoofed is decided with each day's own snapshots: A roamed on day 1, so its
     * +86 call through the international trunk that day is A's call, although the run day's (day
     * 2's) snapshot no longer lists A.
     */
    @Test
    void aRoamersCallsFromAbroadStayTheirsAfterTheyComeHome() {
        long callsToC = DayState.CALL_EDGE.select(warehouse.read(spark, Tables.EDGE_DAY_STATE))
                .where(col(FROM_NUMBER).equalTo(A).and(col(TO_NUMBER).equalTo(C))).count();
        assertEquals(1, callsToC);
        assertEquals(1L, numberRow(NOV_2, C).<Long>getAs(CALLS_IN));
    }

    /** A benchmark's warehouse holds records only; the states earlier nights would have left are prepared, then D computes D alone. */
    @Test
    void earlierNightsStatesArePreparedForABenchmark(@TempDir Path other) {
        Warehouse records = new Warehouse(other.resolve("warehouse").toString());
        WarehouseFixture.append(records, Tables.VOICE_CALLS, warehouse.read(spark, Tables.VOICE_CALLS));
        assertEquals(List.of(NOV_1, NOV_2), GraphAction.prepareEarlierNights(spark, records, NOV_3, GraphSettings.defaults()));
        assertEquals(List.of(NOV_3), GraphAction.STATE_SCHEDULE.daysToRecompute(spark, records, NOV_1, NOV_3),
                "the night of D then computes D alone");
        assertEquals(List.of(), GraphAction.prepareEarlierNights(spark, records, NOV_3, GraphSettings.defaults().withWindowDays(1)));
    }

    @Test
    void rerunningANightChangesNothing() {
        assertEquals(night2.stateDays(), night2Again.stateDays());
        assertEquals(night2.callEdges(), night2Again.callEdges());
        assertEquals(night2Features, graphRows(NOV_2));
    }
}
