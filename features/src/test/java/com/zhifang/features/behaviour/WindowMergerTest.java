package com.zhifang.features.behaviour;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.Records;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Merge of daily states equals recompute from raw: three days of random calls among 40 numbers,
 * day states merged over a 3-day window, against one state computed from all three days' records
 * at once (then a 1-day window reads its exact counts); the same for the devices that served them.
 * Counts, sums and histograms must be equal; distinct counts from sketches within HLL error, and
 * unknown (null) in both when no record had a cell id; the contact counts from the stored pairs of
 * three days equal to those of pairs computed from all records at once.
 */
class WindowMergerTest {
    static final LocalDate D1 = LocalDate.of(2026, 11, 1);
    static final LocalDate D3 = LocalDate.of(2026, 11, 3);
    static final java.util.Set<String> WIFI_CALLERS = java.util.Set.of("+8613800000000", "+8613800000001", "+8613800000002");
    static Dataset<Row> states;
    static Map<String, Row> merged;
    static Map<String, Row> recomputed;
    static Map<String, Row> devicesMerged;
    static Map<String, Row> devicesRecomputed;
    static Map<String, Row> contactsMerged;
    static Map<String, Row> contactsRecomputed;
    static long pairsOnSeveralDays;

    @BeforeAll
    static void compute() {
        SparkSession spark = SparkTestSession.get();
        SplittableRandom r = new SplittableRandom(42);
        List<Row> voiceRows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String a = "+86138000" + String.format("%05d", r.nextInt(40));
            String b = "+86139" + String.format("%08d", r.nextInt(400));
            if (i % 5 == 0) {   // some callees call back, so reciprocity and one-ring call-backs have values to merge
                String callee = a;
                a = b;
                b = callee;
            }
            String t = String.format("2026-11-0%dT%02d:%02d:%02d", 1 + r.nextInt(3), r.nextInt(24), r.nextInt(60), r.nextInt(60));
            // Some callers call over Wi-Fi only (no cell id, ever); the others now and then.
            boolean wifi = WIFI_CALLERS.contains(a) || r.nextInt(10) == 0;
            Records.Voice v = voice("v" + i, "MO", t, a, b).device("imsi-" + a, "imei-" + a, wifi ? null : "cell-" + r.nextInt(60));
            if (r.nextInt(3) > 0) {
                v.answered(r.nextInt(600));
            } else {
                v.ring(r.nextInt(8)).cause(r.nextInt(5) == 0 ? 1 : 19);
            }
            voiceRows.add(v.row());
        }
        Dataset<Row> voice = table(spark, Tables.VOICE_CALLS, voiceRows).cache();
        Dataset<Row> sms = table(spark, Tables.SMS_MESSAGES);
        Dataset<Row> complaints = table(spark, Tables.COMPLAINTS);
        Dataset<Row> subs = table(spark, Tables.REF_SUBSCRIBERS);
        Dataset<Row> noPairs = spark.createDataFrame(List.of(), ContactPairs.PAIR_SCHEMA);

        states = null;
        Dataset<Row> deviceStates = null;
        Dataset<Row> pairs = null;
        for (LocalDate d = D1; !d.isAfter(D3); d = d.plusDays(1)) {
            Dataset<Row> dayVoice = voice.filter(org.apache.spark.sql.functions.col(TRAFFIC_DAY).equalTo(org.apache.spark.sql.functions.lit(d)));
            // Materialised like the stored day states are, so the merge plan does not carry three state plans.
            Dataset<Row> state = state(dayVoice, sms, complaints, subs, noPairs, d).localCheckpoint();
            states = states == null ? state : states.unionByName(state);
            Dataset<Row> deviceState = DeviceStates.toDeviceDayState(ServedRows.toServedRows(dayVoice, sms), d).localCheckpoint();
            deviceStates = deviceStates == null ? deviceState : deviceStates.unionByName(deviceState);
            Dataset<Row> dayPairs = pairs(dayVoice, subs, d).localCheckpoint();
            pairs = pairs == null ? dayPairs : pairs.unionByName(dayPairs);
        }
        contactsMerged = byKey(ContactPairs.toWindowContacts(pairs, D3, List.of(3)));
        pairsOnSeveralDays = pairs.groupBy(NUMBER, PEER).count().filter("count > 1").count();
        contactsRecomputed = byKey(ContactPairs.toWindowContacts(pairs(voice, subs, D3), D3, List.of(1)));
        merged = byKey(WindowMerger.toWindowFeatures(states, FeatureSets.NUMBER_FEATURES, D3, List.of(3)));
        recomputed = byKey(WindowMerger.toWindowFeatures(state(voice, sms, complaints, subs, noPairs, D3).localCheckpoint(),
                FeatureSets.NUMBER_FEATURES, D3, List.of(1)));
        devicesMerged = byKey(WindowMerger.toWindowFeatures(deviceStates, FeatureSets.DEVICE_FEATURES, D3, List.of(3)));
        devicesRecomputed = byKey(WindowMerger.toWindowFeatures(
                DeviceStates.toDeviceDayState(ServedRows.toServedRows(voice, sms), D3).localCheckpoint(), FeatureSets.DEVICE_FEATURES, D3,
                List.of(1)));
    }

    static Dataset<Row> state(Dataset<Row> voice, Dataset<Row> sms, Dataset<Row> complaints, Dataset<Row> subs,
                              Dataset<Row> noPairs, LocalDate d) {
        return NumberStates.toNumberDayState(voice, sms, complaints, subs, pairs(voice, subs, d), noPairs, d);
    }

    static Dataset<Row> pairs(Dataset<Row> voice, Dataset<Row> subs, LocalDate d) {
        return ContactPairs.toPairDayState(Sides.outgoingCalls(voice, subs), Sides.incomingCalls(voice, subs), d);
    }

    static Map<String, Row> byKey(Dataset<Row> df) {
        return df.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    }

    /**
     * The hundreds of sums run in Spark's compiled hash aggregation; only the sketch unions and map
     * lists take an object aggregation (in one aggregation with them, every sum ran interpreted).
     */
    @Test
    void sumsAreCompiledAndOnlySketchesAndMapsAggregateAsObjects() {
        String plan = WindowMerger.toWindowFeatures(states, FeatureSets.NUMBER_FEATURES, D3, List.of(1, 3))
                .queryExecution().executedPlan().toString();
        List<String> objectAggregations = plan.lines().filter(l -> l.contains("ObjectHashAggregate(") || l.contains("SortAggregate(")).toList();
        assertFalse(objectAggregations.isEmpty(), plan);
        objectAggregations.forEach(l -> assertFalse(l.contains("sum("), "no sum in an object aggregation: " + l));
        assertTrue(plan.lines().anyMatch(l -> l.contains(" HashAggregate(") && l.contains("sum(")), "the sums' compiled aggregation:\n" + plan);
    }

    @Test
    void countsSumsAndHistogramsAreExact() {
        assertEquals(recomputed.keySet(), merged.keySet());
        for (String number : recomputed.keySet()) {
            for (String f : List.of(CALLS_OUT, ANSWERED_OUT, CALLS_IN, ANSWER_RATE_OUT, SHORT_CALL_SHARE, DURATION_MEAN_S,
                    DURATION_MEDIAN_S, DURATION_P90_S, ONE_RING_SHARE, UNALLOCATED_SHARE, NIGHT_SHARE, HOUR_PROFILE, CELL_RECORDS,
                    CELL_KNOWN_SHARE)) {
                assertEquals(recomputed.get(number).<Object>getAs(windowed(f, 1)), merged.get(number).<Object>getAs(windowed(f, 3)),
                        number + " " + f);
            }
        }
    }

    @Test
    void deviceCountsAndSharesAreExact() {
        assertEquals(devicesRecomputed.keySet(), devicesMerged.keySet());
        long night = 0;
        for (String imei : devicesRecomputed.keySet()) {
            for (String f : List.of(RECORDS, CALLS_OUT, SIM_SWAPS, CELL_RECORDS, CELL_KNOWN_SHARE, CALLS_OUT_NIGHT, NIGHT_SHARE, OUTGOING_SHARE)) {
                assertEquals(devicesRecomputed.get(imei).<Object>getAs(windowed(f, 1)), devicesMerged.get(imei).<Object>getAs(windowed(f, 3)),
                        imei + " " + f);
            }
            night += devicesRecomputed.get(imei).<Long>getAs(windowed(CALLS_OUT_NIGHT, 1));
        }
        assertTrue(night > 100, "the fixture has night calls: " + night);
    }

    @Test
    void distinctCountsOfSketchesAreWithinSketchError() {
        long total = 0;
        java.util.Set<String> unknown = new java.util.HashSet<>();
        for (Map.Entry<Map<String, Row>, Map<String, Row>> entity : List.of(Map.entry(recomputed, merged),
                Map.entry(devicesRecomputed, devicesMerged))) {
            for (String key : entity.getKey().keySet()) {
                Long exact = entity.getKey().get(key).<Long>getAs(windowed(CELLS, 1));
                Long estimate = entity.getValue().get(key).<Long>getAs(windowed(CELLS, 3));
                if (exact == null) {
                    assertNull(estimate, key + " no cell id in any record: unknown in both");
                    unknown.add(key);
                    continue;
                }
                assertEquals(exact, estimate, Math.max(1.0, 0.05 * exact), key + " " + CELLS);
                total += exact;
            }
        }
        assertTrue(total > 2000, "the fixture has real distinct counts to compare: " + total);
        WIFI_CALLERS.forEach(n -> assertTrue(unknown.contains(n) && unknown.contains("imei-" + n),
                "a Wi-Fi caller's cells are unknown, as a number and as a device: " + n));
    }

    @Test
    void contactCountsFromThreeDaysOfPairsEqualRecompute() {
        assertEquals(contactsRecomputed.keySet(), contactsMerged.keySet());
        long callees = 0;
        long reciprocated = 0;
        for (String number : contactsRecomputed.keySet()) {
            for (StructField f : FeatureSets.NUMBER_PAIR_FEATURES) {
                assertEquals(contactsRecomputed.get(number).<Object>getAs(windowed(f.name(), 1)),
                        contactsMerged.get(number).<Object>getAs(windowed(f.name(), 3)), number + " " + f.name());
            }
            callees += contactsRecomputed.get(number).<Long>getAs(windowed(CALLEES, 1));
            reciprocated += contactsRecomputed.get(number).<Long>getAs(windowed(RECIPROCATED_CALLEES, 1));
        }
        assertTrue(callees > 1000 && reciprocated > 20, "the fixture has callees and call-backs: " + callees + ", " + reciprocated);
        assertTrue(pairsOnSeveralDays > 50, "pairs that the window must merge across days: " + pairsOnSeveralDays);
    }

    @Test
    void aWindowOnlyReadsItsOwnDays() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> subs = table(spark, Tables.REF_SUBSCRIBERS);
        Dataset<Row> oneCall = table(spark, Tables.VOICE_CALLS, voice("x", "MO", "2026-10-20T10:00:00", "+8613800000001", "+8613900000001").row());
        Dataset<Row> old = state(oneCall, table(spark, Tables.SMS_MESSAGES), table(spark, Tables.COMPLAINTS), subs,
                spark.createDataFrame(List.of(), ContactPairs.PAIR_SCHEMA), LocalDate.of(2026, 10, 20));
        assertEquals(0, WindowMerger.toWindowFeatures(old, FeatureSets.NUMBER_FEATURES, D3, List.of(1, 7)).count(),
                "a state older than the longest window is not merged");
        assertThrows(IllegalArgumentException.class, () -> WindowMerger.checkWindows(List.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> WindowMerger.toWindowFeatures(oneCall, FeatureSets.NUMBER_FEATURES, D3, List.of(1)),
                "records are not a state: the required-columns check names what is missing");
    }
}
