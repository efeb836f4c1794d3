package com.zhifang.features.graph;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.Records;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Merge equals recompute for the graph's edges: three days of random calls and messages among 40
 * subscribers and 60 outside numbers (callers from other networks, hidden callers, terminating
 * legs, port messages), each day's edge state stored apart, then summed over a window; against the
 * edges of all the window's records at once.
 */
class EdgeDayStatesTest {
    static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    static final LocalDate D2 = LocalDate.of(2026, 11, 2);
    static final LocalDate D3 = LocalDate.of(2026, 11, 3);
    static Dataset<Row> voice;
    static Dataset<Row> sms;
    static Dataset<Row> callStates;
    static Dataset<Row> smsStates;
    static Dataset<Row> deviceStates;

    @BeforeAll
    static void storeThreeDays() {
        SparkSession spark = SparkTestSession.get();
        SplittableRandom r = new SplittableRandom(7);
        List<Row> voiceRows = new ArrayList<>();
        List<Row> smsRows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String ours = "+86138000" + String.format("%05d", r.nextInt(40));
            String other = "+86139" + String.format("%08d", r.nextInt(60));
            String t = String.format("2026-11-0%dT%02d:%02d:%02d", 1 + r.nextInt(3), r.nextInt(24), r.nextInt(60), r.nextInt(60));
            Records.Voice v = switch (i % 4) {
                case 0 -> voice("v" + i, "GW", t, other, ours).trunk("T1");
                case 1 -> voice("v" + i, "MT", t, other, ours).device("imsi-" + ours, "imei-" + r.nextInt(45), "cell-1");
                case 2 -> voice("v" + i, "GW", t, "", ours).trunk("T1").callingClass("HIDDEN");
                default -> voice("v" + i, "MO", t, ours, other).device("imsi-" + ours, "imei-" + r.nextInt(45), "cell-1");
            };
            if (r.nextBoolean()) {
                v.answered(r.nextInt(600));
            }
            voiceRows.add(v.row());
            String type = switch (i % 3) {
                case 0 -> "MO";
                case 1 -> "MT";
                default -> "PORT";
            };
            smsRows.add((type.equals("MT") ? sms("s" + i, type, t, other, ours) : sms("s" + i, type, t, ours, other)).row());
        }
        voice = table(spark, Tables.VOICE_CALLS, voiceRows).cache();
        sms = table(spark, Tables.SMS_MESSAGES, smsRows).cache();
        callStates = perDay(d -> EdgeDayStates.toCallEdgeDayState(voice.where(col(TRAFFIC_DAY).equalTo(lit(d))), d));
        smsStates = perDay(d -> EdgeDayStates.toSmsEdgeDayState(sms.where(col(TRAFFIC_DAY).equalTo(lit(d))), d));
        deviceStates = perDay(d -> EdgeDayStates.toDeviceEdgeDayState(voice.where(col(TRAFFIC_DAY).equalTo(lit(d))),
                sms.where(col(TRAFFIC_DAY).equalTo(lit(d))), d));
    }

    /** Each day's state computed on its own and materialised, as the stored partitions are. */
    private static Dataset<Row> perDay(Function<LocalDate, Dataset<Row>> state) {
        Dataset<Row> all = null;
        for (LocalDate d = D1; !d.isAfter(D3); d = d.plusDays(1)) {
            Dataset<Row> day = state.apply(d).localCheckpoint();
            all = all == null ? day : all.unionByName(day);
        }
        return all;
    }

    @Test
    void callEdgesOfThreeStoredDaysEqualThoseOfAllRecordsAtOnce() {
        Map<String, Row> recomputed = byEdge(CallGraph.toCallEdges(voice));
        assertEquals(recomputed, byEdge(EdgeDayStates.toWindowCallEdges(callStates, D1, D3)));
        assertTrue(recomputed.size() > 500, "edges to compare: " + recomputed.size());
        assertTrue(edgesOnSeveralDays(callStates) > 100, "edges the window must sum across days");
    }

    @Test
    void smsAndDeviceEdgesOfThreeStoredDaysEqualThoseOfAllRecordsAtOnce() {
        Map<String, Row> sms3 = byEdge(CallGraph.toSmsEdges(sms));
        assertEquals(sms3, byEdge(EdgeDayStates.toWindowSmsEdges(smsStates, D1, D3)));
        Map<String, Row> devices = byEdge(SharingGraph.toNumberDeviceEdges(voice, sms));
        assertEquals(devices, byEdge(EdgeDayStates.toWindowDeviceEdges(deviceStates, D1, D3)));
        assertTrue(sms3.size() > 300 && devices.size() > 300, sms3.size() + " sms edges, " + devices.size() + " device edges");
        assertTrue(edgesOnSeveralDays(smsStates) > 10 && edgesOnSeveralDays(deviceStates) > 100, "edges the window must sum across days");
    }

    @Test
    void aWindowSumsOnlyItsOwnDays() {
        Dataset<Row> lastTwoDays = voice.where(col(TRAFFIC_DAY).geq(lit(D2)));
        assertEquals(byEdge(CallGraph.toCallEdges(lastTwoDays)), byEdge(EdgeDayStates.toWindowCallEdges(callStates, D2, D3)));
        assertEquals(0, EdgeDayStates.toWindowCallEdges(callStates, D3.plusDays(1), D3.plusDays(7)).count());
    }

    @Test
    void recordsAreNotAState() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EdgeDayStates.toWindowCallEdges(voice, D1, D3));
        assertTrue(e.getMessage().contains(FROM_NUMBER), "names the missing column: " + e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EdgeDayStates.toCallEdgeDayState(sms, D1),
                "messages are not calls: the required-columns check names what is missing");
    }

    private static long edgesOnSeveralDays(Dataset<Row> states) {
        String[] key = {states.columns()[1], states.columns()[2]};
        return states.groupBy(key[0], key[1]).count().where(col("count").gt(1)).count();
    }

    /** Rows by their two ends (the first two columns), every column compared. */
    private static Map<String, Row> byEdge(Dataset<Row> edges) {
        return edges.collectAsList().stream().collect(Collectors.toMap(row -> row.get(0) + "|" + row.get(1), row -> row));
    }
}
