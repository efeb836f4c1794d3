package com.zhifang.features.behaviour;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.Records;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hll_sketch_estimate;
import static org.junit.jupiter.api.Assertions.*;

/**
 * One hand-built day whose every number feature is known: subscriber A calls around (a normal
 * call, a one-ring attempt, three sequential calls to unallocated numbers), B calls A back, a
 * foreign number F one-rings A and A calls it back, a spoofed GW call shows A's number, A texts.
 */
class NumberStatesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    static final String A = "+8613800000001";
    static final String B = "+8613800000002";
    static final String X = "+8613900000009";
    static final String F = "+447700900123";
    static final List<Integer> ONE_DAY = List.of(1);

    static Dataset<Row> state;
    static Map<String, Row> features;
    static Map<String, Row> contacts;
    static Dataset<Row> recipients;
    static Dataset<Row> voice;
    static Dataset<Row> sms;
    static Dataset<Row> complaints;
    static Dataset<Row> subscribers;
    static Dataset<Row> pairs;

    @BeforeAll
    static void compute() {
        SparkSession spark = SparkTestSession.get();
        voice = table(spark, Tables.VOICE_CALLS,
                voice("v1", "MO", "2026-11-03T08:00:00", A, B).answered(30).row(),
                voice("v2", "MT", "2026-11-03T08:00:00", A, B).answered(30).row(),
                voice("v3", "MO", "2026-11-03T08:10:00", A, X).ring(2).cause(19).row(),
                voice("v4", "MO", "2026-11-03T09:00:00", A, "+8615000000100").ring(null).cause(1).row(),
                voice("v5", "MO", "2026-11-03T09:00:30", A, "+8615000000101").ring(null).cause(1).row(),
                voice("v6", "MO", "2026-11-03T09:01:00", A, "+8615000000103").ring(null).cause(1).row(),
                voice("v7", "MO", "2026-11-03T10:00:00", B, A).answered(100).row(),
                voice("v8", "MT", "2026-11-03T10:00:00", B, A).answered(100).row(),
                voice("v9", "GW", "2026-11-03T11:00:00", F, A).ring(1).cause(16).trunk("ITG-1").row(),
                voice("v10", "MT", "2026-11-03T11:00:00", F, A).ring(1).cause(16).row(),
                voice("v11", "MO", "2026-11-03T12:00:00", A, F).answered(60).row(),
                voice("v12", "GW", "2026-11-03T13:00:00", A, B).answered(5).trunk("ITG-1").row(),
                voice("v13", "MT", "2026-11-03T13:00:00", A, B).answered(5).row());
        sms = table(spark, Tables.SMS_MESSAGES,
                sms("s1", "MO", "2026-11-03T14:00:00", A, "+8613700000001").content("王先生您好，您的额度已提升至30000元，详询 t.cn/abc12").row(),
                sms("s2", "MO", "2026-11-03T14:01:00", A, "+8613700000002").content("李女士您好，您的额度已提升至50000元，详询 t.cn/xyz34").row(),
                sms("s3", "MO", "2026-11-03T14:02:00", A, "+8613700000003").content("收到").row(),
                sms("s4", "MT", "2026-11-03T15:00:00", B, A).content("").row());
        complaints = table(spark, Tables.COMPLAINTS,
                complaint("c1", A, "2026-11-03T16:00:00", "FRAUD", "12321", "r1"),
                complaint("c2", A, "2026-11-03T17:00:00", "HARASSMENT", "APP", "r1"));
        subscribers = table(spark, Tables.REF_SUBSCRIBERS,
                subscriber(A, "imsi-a", LocalDate.of(2026, 10, 31), "PREPAID", "id-1", DAY),
                subscriber(B, "imsi-b", LocalDate.of(2020, 1, 1), "POSTPAID", "id-2", DAY));
        pairs = ContactPairs.toPairDayState(Sides.outgoingCalls(voice, subscribers),
                Sides.incomingCalls(voice, subscribers), DAY);
        Dataset<Row> noPrior = spark.createDataFrame(List.of(), ContactPairs.PAIR_SCHEMA);
        state = NumberStates.toNumberDayState(voice, sms, complaints, subscribers, pairs, noPrior, DAY);
        features = byKey(WindowMerger.toWindowFeatures(state, FeatureSets.NUMBER_FEATURES, DAY, ONE_DAY));
        contacts = byKey(ContactPairs.toWindowContacts(pairs, DAY, ONE_DAY));
        recipients = SmsSenders.toWindowRecipients(
                SmsSenders.toRecipientDayState(Sides.outgoingSms(sms, subscribers), "NUMBER", NUMBER, DAY), "NUMBER", DAY, ONE_DAY);
    }

    static Map<String, Row> byKey(Dataset<Row> df) {
        return df.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    }

    static <T> T get(Map<String, Row> rows, String number, String feature) {
        return rows.get(number).getAs(windowed(feature, 1));
    }

    @Test
    void countsEachCallOncePerSide() {
        assertEquals(6L, (Long) get(features, A, CALLS_OUT), "MO rows only; the spoofed GW call is not A's");
        assertEquals(2L, (Long) get(features, A, CALLS_IN));
        assertEquals(1L, (Long) get(features, B, CALLS_OUT));
        assertEquals(2L, (Long) get(features, B, CALLS_IN), "A's call and the spoofed one, each once");
        assertEquals(1L, (Long) get(features, F, CALLS_OUT), "foreign caller: its GW row");
        assertEquals(1L, (Long) get(features, F, CALLS_IN), "A's call to F: its MO row");
    }

    @Test
    void outcomesAndDurations() {
        assertEquals(2L, (Long) get(features, A, ANSWERED_OUT));
        assertEquals(2.0 / 6, get(features, A, ANSWER_RATE_OUT), 1e-9);
        assertEquals(0.0, get(features, A, SHORT_CALL_SHARE), 1e-9);
        assertEquals(45.0, get(features, A, DURATION_MEAN_S), 1e-9);
        double median = get(features, A, DURATION_MEDIAN_S);
        assertTrue(median >= 24 && median <= 32, "median in the bucket of 30 s: " + median);
        double p90 = get(features, A, DURATION_P90_S);
        assertTrue(p90 >= 48 && p90 <= 64, "p90 in the bucket of 60 s: " + p90);
        assertEquals(1.0 / 6, get(features, A, ONE_RING_SHARE), 1e-9);
        assertEquals(3.0 / 6, get(features, A, UNALLOCATED_SHARE), 1e-9);
        assertEquals(1.0, get(features, F, ONE_RING_SHARE), 1e-9);
        assertEquals(1L, (Long) get(features, A, ONE_RING_CALLS_IN));
    }

    @Test
    void timeProfileSequenceAndGaps() {
        List<Long> hours = rowList(get(features, A, HOUR_PROFILE));
        assertEquals(2L, hours.get(8));
        assertEquals(3L, hours.get(9));
        assertEquals(1L, hours.get(12));
        assertEquals(3L, (Long) get(features, A, PEAK_HOUR_CALLS));
        assertEquals(2L, (Long) get(features, A, PEAK_MINUTE_CALLS), "09:00:00 and 09:00:30; 09:01:00 is the next minute");
        assertEquals(1L, (Long) get(features, B, PEAK_MINUTE_CALLS));
        assertEquals(0.0, get(features, A, NIGHT_SHARE), 1e-9);
        assertEquals(2.0 / 5, get(features, A, SEQUENTIAL_SHARE), 1e-9, "100->101 and 101->103 of 5 consecutive pairs");
        double[] gaps = {600, 3000, 30, 30, 10740};
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / gaps.length);
        assertEquals(sd / mean, get(features, A, GAP_CV), 1e-9);
        assertEquals((sd - mean) / (sd + mean), get(features, A, BURSTINESS), 1e-9);
    }

    @Test
    void contactsBlocksAndReciprocity() {
        assertEquals(6L, (Long) get(contacts, A, CALLEES));
        assertEquals(2L, (Long) get(contacts, A, CALLERS));
        assertEquals(4L, (Long) get(contacts, A, CALLEE_BLOCKS), "B, X, F and the +8615000000 block");
        assertEquals(1.5, get(contacts, A, CALLEES_PER_BLOCK), 1e-9);
        assertEquals(6L, (Long) get(features, A, NEW_CALLEES), "no earlier contacts");
        assertEquals(2.0 / 6, get(contacts, A, RECIPROCITY), 1e-9, "B and F called A");
        assertEquals(2L, (Long) get(contacts, A, RECIPROCATED_CALLEES));
        assertEquals(1L, (Long) get(contacts, A, ONE_RING_CALLEES));
        assertEquals(0L, (Long) get(contacts, A, CALLBACKS_AFTER_ONE_RING), "X never called back");
        assertEquals(1L, (Long) get(contacts, F, CALLBACKS_AFTER_ONE_RING), "A called F back after its one ring");
        assertEquals(1L, (Long) get(contacts, X, CALLERS));
        assertEquals(0L, (Long) get(contacts, X, CALLEES));
        assertNull(get(contacts, X, CALLEES_PER_BLOCK), "no callee, no block: no ratio");
        assertNull(get(contacts, X, RECIPROCITY));
    }

    /**
     * A callee is new when no pair of the lookback holds it, whichever way the earlier call went:
     * A called B two days before and X called A the day before, so 4 of A's 6 callees are new, and
     * the feature row's share divides by the distinct callees from the pairs.
     */
    @Test
    void newCalleesLeaveOutEveryEarlierContactEitherWay() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> prior = spark.createDataFrame(List.of(
                RowFactory.create(DAY.minusDays(2), A, B, 1L, 0L, null, 0L, null),
                RowFactory.create(DAY.minusDays(1), A, X, 0L, 0L, null, 1L, java.sql.Timestamp.valueOf("2026-11-02 09:00:00")),
                RowFactory.create(DAY.minusDays(1), B, "+8615000000100", 1L, 0L, null, 0L, null)), ContactPairs.PAIR_SCHEMA);
        Dataset<Row> withPrior = NumberStates.toNumberDayState(voice, sms, complaints, subscribers, pairs, prior, DAY);
        Map<String, Row> newCallees = byKey(withPrior.select(NUMBER, NEW_CALLEES));
        assertEquals(4L, newCallees.get(A).getLong(1), "B and X were contacts before; another number's contact does not count");
        assertEquals(1L, newCallees.get(B).getLong(1), "B's earlier contact was another number");

        Dataset<Row> rows = FeatureRows.toNumberFeatures(
                WindowMerger.toWindowFeatures(withPrior, FeatureSets.NUMBER_FEATURES, DAY, ONE_DAY),
                ContactPairs.toWindowContacts(pairs, DAY, ONE_DAY), recipients,
                SmsSenders.toWindowLinkSenders(SmsSenders.toLinkSenderDayState(Sides.outgoingSms(sms, subscribers), DAY), subscribers, DAY,
                        ONE_DAY),
                subscribers, table(spark, Tables.POLICE_NOTICES), DAY, ONE_DAY);
        Map<String, Row> byNumber = byKey(rows);
        assertEquals(4.0 / 6, get(byNumber, A, NEW_CALLEE_SHARE), 1e-9);
        assertEquals(6L, (Long) get(byNumber, A, CALLEES));
        assertEquals(3L, (Long) get(byNumber, A, SMS_RECIPIENTS), "joined from the stored recipients");
        assertEquals(0L, (Long) get(byNumber, B, SMS_RECIPIENTS), "B's message to A is an MT row of a subscriber: not sent by B here");
        assertEquals(1L, (Long) get(byNumber, A, LINK_SENDERS), "A's two links are its own");
        assertEquals(0L, (Long) get(byNumber, B, LINK_SENDERS), "no link sent");
        assertEquals(1L, (Long) get(byNumber, A, LINK_NEW_SENDERS), "A's SIM is days old: it counts itself");
        assertEquals(0L, (Long) get(byNumber, B, LINK_NEW_SENDERS), "no link sent: 0, not missing");
    }

    @Test
    void smsCellsAndComplaints() {
        assertEquals(3L, (Long) get(features, A, SMS_OUT));
        assertEquals(3L, (Long) get(byKey(recipients), A, SMS_RECIPIENTS));
        assertEquals(1L, (Long) get(features, A, SMS_IN));
        assertEquals(2.0 / 3, get(features, A, TEMPLATE_SHARE), 1e-9, "two variants of one template, one other text");
        assertEquals(2L, (Long) get(features, A, TOP_TEMPLATE_MESSAGES));
        assertEquals(2.0 / 3, get(features, A, URL_SHARE), 1e-9);
        assertEquals(1L, (Long) get(features, A, CELLS));
        assertEquals(12L, (Long) get(features, A, CELL_RECORDS), "6 MO and 2 MT calls, 3 MO and 1 MT messages, all with a cell id");
        assertEquals(1.0, get(features, A, CELL_KNOWN_SHARE), 1e-9);
        assertNull(get(features, F, CELLS), "a foreign number is served by no cell of ours: unknown");
        assertNull(get(features, F, CELL_KNOWN_SHARE), "no served record: no share");
        assertEquals(2L, (Long) get(features, A, COMPLAINTS_TOTAL));
        assertEquals(1L, (Long) get(features, A, complaintsBy("FRAUD")));
        assertEquals(1L, (Long) get(features, A, complaintsBy("HARASSMENT")));
        assertEquals(1L, (Long) get(features, A, complaintsBy("12321")));
        assertEquals(1L, (Long) get(features, A, COMPLAINT_REPORTERS));
    }

    /**
     * Repeated cells count once (the pairs are counted before the sketch); rows without a number are
     * left out, rows without a cell count as served records only.
     */
    @Test
    void cellsCountEachDistinctCellOnce() {
        Dataset<Row> served = SparkTestSession.get().sql("SELECT * FROM VALUES ('" + A + "', 'c1'), ('" + A + "', 'c1'), ('" + A + "', 'c2'),"
                + " ('" + A + "', NULL), ('" + B + "', 'c1'), (NULL, 'c3') AS served(" + NUMBER + ", " + CELL_ID + ")");
        Map<String, Row> cells = byKey(NumberStates.toCellState(served)
                .select(col(NUMBER), col(CELLS + EXACT_SUFFIX), hll_sketch_estimate(col(CELLS + HLL_SUFFIX)), col(SERVED_RECORDS),
                        col(CELL_RECORDS)));
        assertEquals(Set.of(A, B), cells.keySet());
        assertEquals(List.of(2L, 2L, 4L, 3L), List.of(cells.get(A).getLong(1), cells.get(A).getLong(2), cells.get(A).getLong(3),
                cells.get(A).getLong(4)), "A: exact, sketch, served records, records with a cell");
        assertEquals(List.of(1L, 1L, 1L, 1L), List.of(cells.get(B).getLong(1), cells.get(B).getLong(2), cells.get(B).getLong(3),
                cells.get(B).getLong(4)), "B: exact, sketch, served records, records with a cell");
    }

    /**
     * Wi-Fi calling and some switches leave cell_id empty: a number whose records have no cell id has
     * unknown cells (null), not 0, which the rules would read as parked at one cell; a number with a
     * cell id on some of its records has the cells of those and the share of its records they are.
     */
    @Test
    void cellsOfANumberWithoutCellIdsAreUnknown() {
        SparkSession spark = SparkTestSession.get();
        String wifi = "+8613800000077";
        String mixed = "+8613800000078";
        Dataset<Row> calls = table(spark, Tables.VOICE_CALLS,
                voice("w1", "MO", "2026-11-03T08:00:00", wifi, B).device("imsi-w", "imei-w", null).row(),
                voice("w2", "MT", "2026-11-03T09:00:00", B, wifi).device("imsi-w", "imei-w", null).row(),
                voice("m1", "MO", "2026-11-03T08:00:00", mixed, B).device("imsi-m", "imei-m", "cell-3").row(),
                voice("m2", "MO", "2026-11-03T09:00:00", mixed, B).device("imsi-m", "imei-m", null).row());
        Dataset<Row> noPrior = spark.createDataFrame(List.of(), ContactPairs.PAIR_SCHEMA);
        Dataset<Row> dayPairs = ContactPairs.toPairDayState(Sides.outgoingCalls(calls, subscribers), Sides.incomingCalls(calls, subscribers), DAY);
        Map<String, Row> rows = byKey(WindowMerger.toWindowFeatures(NumberStates.toNumberDayState(calls, table(spark, Tables.SMS_MESSAGES),
                table(spark, Tables.COMPLAINTS), subscribers, dayPairs, noPrior, DAY), FeatureSets.NUMBER_FEATURES, DAY, ONE_DAY));
        assertNull(get(rows, wifi, CELLS));
        assertEquals(0L, (Long) get(rows, wifi, CELL_RECORDS));
        assertEquals(0.0, get(rows, wifi, CELL_KNOWN_SHARE), 1e-9);
        assertEquals(1L, (Long) get(rows, mixed, CELLS));
        assertEquals(1L, (Long) get(rows, mixed, CELL_RECORDS));
        assertEquals(0.5, get(rows, mixed, CELL_KNOWN_SHARE), 1e-9);
    }

    /**
     * Every part is grouped by (key hash, number), so their union is already partitioned for the
     * assembly: no shuffle between the union and the aggregation that merges the parts.
     */
    @Test
    void partsShareOnePartitioningSoTheAssemblyAddsNoShuffle() {
        String plan = state.queryExecution().executedPlan().toString();
        List<String> lines = plan.lines().map(l -> l.replaceAll("^[\\s:+|-]+", "")).toList();
        int union = lines.indexOf(lines.stream().filter(l -> l.startsWith("Union")).findFirst().orElseThrow(() -> new AssertionError(plan)));
        int merge = lines.indexOf(lines.stream().filter(l -> l.contains("Aggregate(key=[" + HashedKeys.KEY_HASH) && !l.contains("partial_"))
                .findFirst().orElseThrow(() -> new AssertionError("no final aggregation by key hash and number:\n" + plan)));
        assertTrue(merge < union && lines.subList(merge, union).stream().noneMatch(l -> l.contains("Exchange")),
                "no shuffle between the union of the parts and the aggregation that merges them:\n" + plan);
    }

    /**
     * The window's pair rows are shuffled once, by number: the aggregations by (number, peer), by
     * (number, block) and by number all run within that partitioning.
     */
    @Test
    void windowContactsShuffleThePairsOnce() {
        Dataset<Row> stored = pairs.localCheckpoint();   // read like the stored pairs are, without the shuffles that built them
        String plan = ContactPairs.toWindowContacts(stored, DAY, List.of(1, 7)).queryExecution().executedPlan().toString();
        List<String> exchanges = plan.lines().filter(l -> l.contains("Exchange")).toList();
        assertEquals(1, exchanges.size(), plan);
        assertTrue(exchanges.get(0).contains("hashpartitioning(" + NUMBER), plan);
    }

    /** The busiest clock minute's running count restarts with each minute; calls in other minutes do not add to it. */
    @Test
    void busiestMinuteCountsTheCallsStartedWithinOneClockMinute() {
        SparkSession spark = SparkTestSession.get();
        String[] times = {"10:00:05", "10:00:20", "10:00:59", "10:01:00", "10:01:01", "10:01:30", "10:01:31", "10:01:59",
                "10:03:00", "23:59:59"};
        List<Row> calls = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            calls.add(voice("m" + i, "MO", "2026-11-03T" + times[i], A, "+861590000000" + i).ring(20).row());
        }
        Dataset<Row> burst = table(spark, Tables.VOICE_CALLS, calls);
        Map<String, Row> outgoing = byKey(NumberStates.toOutgoingCallState(Sides.outgoingCalls(burst, subscribers)).drop(HashedKeys.KEY_HASH));
        assertEquals(5L, outgoing.get(A).<Long>getAs(PEAK_MINUTE_CALLS_OUT), "10:01:00 to 10:01:59");
    }

    /**
     * Sequential dialling, inter-call gaps and the busiest minute read each caller's calls in time
     * order: the outgoing calls are sorted once. The lags share one Window operator; the busiest
     * minute's running maximum needs a second one over the same sorted rows (session 14 measured a
     * second walk of the rows as no cost within noise), never a second sort.
     */
    @Test
    void outgoingCallsAreSortedOnceForTheirWindows() {
        String optimized = state.queryExecution().optimizedPlan().toString();
        long windows = optimized.lines().filter(l -> l.replaceAll("^[\\s:+|-]+", "").startsWith("Window ")).count();
        assertEquals(2, windows, optimized);
        String physical = state.queryExecution().executedPlan().toString();
        long timeSorts = physical.lines().filter(l -> l.contains("Sort [") && l.contains(START_TIME)).count();
        assertEquals(1, timeSorts, physical);
    }

    private static List<Long> rowList(Object seq) {
        return scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<Long>) seq);
    }
}
