package com.zhifang.features.behaviour;

import com.zhifang.features.domain.Code;
import com.zhifang.features.domain.ComplaintCategory;
import com.zhifang.features.domain.ComplaintChannel;
import com.zhifang.features.domain.EntityType;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.List;

import static com.zhifang.features.behaviour.StateColumn.*;
import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The four entity types and their features; {@code docs/features.md} explains each one. Ratios are
 * null when their denominator is 0 (no evidence either way), never 0.
 */
public final class FeatureSets {
    private FeatureSets() {}

    /** Answered calls shorter than this (seconds) are "short": robocalls, hang-ups, probes. */
    public static final int SHORT_CALL_SECONDS = 6;
    /** Consecutive callees at most this far apart numerically count as sequential dialling. */
    public static final int SEQUENTIAL_STEP = 10;
    /** Carrier-local hours [0, NIGHT_END) count as night. */
    public static final int NIGHT_END_HOUR = 6;

    /**
     * The carrier-local hour (0-23) of a timestamp: the bucket of the hour histograms. Spark reads a
     * timestamp's hour in the session time zone, which the job sets to the carrier's.
     */
    public static Column localHour(Column time) {
        return hour(time);
    }

    /**
     * Whether a call started at night, hours [0, {@link #NIGHT_END_HOUR}) local: the one definition of
     * night of a number's {@code night_share} (the first hour buckets of its hour histogram) and a
     * device's {@code calls_out_night}.
     */
    public static Column atNight(Column time) {
        return localHour(time).lt(NIGHT_END_HOUR);
    }
    /** Days of earlier contacts a callee must be absent from to count as new. */
    public static final int NOVELTY_LOOKBACK_DAYS = 7;
    /**
     * A SIM activated at most this many days before D is new: campaigns run on fresh batches of
     * SIMs, and the rules' "SIM active under a month" uses the same bound.
     */
    public static final int NEW_SIM_DAYS = 30;
    public static final List<String> COMPLAINT_CATEGORIES = Code.codes(ComplaintCategory.class);
    public static final List<String> COMPLAINT_CHANNELS = Code.codes(ComplaintChannel.class);
    public static final List<Integer> DEFAULT_WINDOWS = List.of(1, 7);

    private static final DataType L = DataTypes.LongType;
    private static final DataType D = DataTypes.DoubleType;
    private static final DataType S = DataTypes.StringType;

    /** Window features of numbers computed from contact pairs, not from the day state ({@link ContactPairs#toWindowContacts}). */
    public static final List<StructField> NUMBER_PAIR_FEATURES = List.of(
            field(CALLEES, L), field(CALLERS, L), field(CALLEE_BLOCKS, L), field(CALLEES_PER_BLOCK, D),
            field(RECIPROCITY, D), field(RECIPROCATED_CALLEES, L), field(ONE_RING_CALLEES, L), field(CALLBACKS_AFTER_ONE_RING, L));
    /** Window features of international callers' ranges, summed from the pair features ({@link CallerRanges#withRangeOneRing}). */
    public static final List<StructField> RANGE_FEATURES = List.of(field(RANGE_ONE_RING_CALLEES, L), field(RANGE_ONE_RING_NUMBERS, L));
    /**
     * Window features of trunks and port customers computed from the numbers they carried (see
     * {@link CarriedNumbers#toCarriedWindowFeatures}): the distinct numbers carried, under the
     * entity's own name, then the complaints against them.
     */
    static List<StructField> carriedFeatures(String distinctCarried) {
        return List.of(field(distinctCarried, L), field(COMPLAINTS_ON_CARRIED, L));
    }

    /** Window features of any SMS sender computed from its stored recipients ({@link SmsSenders#toWindowRecipients}). */
    public static final List<StructField> SMS_RECIPIENT_FEATURES = List.of(field(SMS_RECIPIENTS, L), field(REPEAT_RECIPIENTS, L),
            field(REPEAT_RECIPIENT_SHARE, D));
    /** Window features of numbers computed from the stored senders of each link ({@link SmsSenders#toWindowLinkSenders}). */
    public static final List<StructField> LINK_SENDER_FEATURES = List.of(field(LINK_SENDERS, L), field(LINK_NEW_SENDERS, L));

    public static final EntityFeatures NUMBER_FEATURES = numberFeatures();
    public static final EntityFeatures DEVICE_FEATURES = deviceFeatures();
    public static final EntityFeatures TRUNK_FEATURES = trunkFeatures();
    public static final EntityFeatures PORT_CUSTOMER_FEATURES = portCustomerFeatures();

    private static EntityFeatures numberFeatures() {
        List<StateColumn> state = new ArrayList<>(List.of(
                counter(CALLS_OUT), counter(ANSWERED_OUT), counter(SHORT_CALLS_OUT), counter(DURATION_SUM_OUT),
                histogram(DURATION_HIST_OUT, Histograms.DURATION_EDGES.length), counter(ONE_RING_OUT), counter(UNALLOCATED_OUT),
                histogram(HOUR_HIST_OUT, Histograms.HOURS), maxOf(PEAK_HOUR_CALLS_OUT), maxOf(PEAK_MINUTE_CALLS_OUT),
                counter(SEQ_PAIRS_OUT), counter(SEQ_STEPS_OUT), counter(GAP_N_OUT), counterDouble(GAP_SUM_OUT), counterDouble(GAP_SUMSQ_OUT),
                counter(CALLS_IN), counter(ANSWERED_IN), counter(ONE_RING_IN),
                counter(NEW_CALLEES), distinctCount(CELLS), counter(SERVED_RECORDS), counter(CELL_RECORDS),
                counter(SMS_IN)));
        state.addAll(smsSenderState());
        state.addAll(complaintState());

        List<WindowFeature> f = new ArrayList<>(List.of(
                raw(CALLS_OUT), raw(CALLS_IN), raw(ANSWERED_OUT),
                ratio(ANSWER_RATE_OUT, ANSWERED_OUT, CALLS_OUT), ratio(ANSWER_RATE_IN, ANSWERED_IN, CALLS_IN),
                ratio(SHORT_CALL_SHARE, SHORT_CALLS_OUT, ANSWERED_OUT), ratio(DURATION_MEAN_S, DURATION_SUM_OUT, ANSWERED_OUT),
                new WindowFeature(DURATION_MEDIAN_S, D, m -> Histograms.quantile(m.get(DURATION_HIST_OUT), 0.5, Histograms.DURATION_EDGES)),
                new WindowFeature(DURATION_P90_S, D, m -> Histograms.quantile(m.get(DURATION_HIST_OUT), 0.9, Histograms.DURATION_EDGES)),
                ratio(ONE_RING_SHARE, ONE_RING_OUT, CALLS_OUT), new WindowFeature(ONE_RING_CALLS_IN, L, m -> m.get(ONE_RING_IN)),
                ratio(UNALLOCATED_SHARE, UNALLOCATED_OUT, CALLS_OUT),
                new WindowFeature(NIGHT_SHARE, D, m -> try_divide(Histograms.sumRange(m.get(HOUR_HIST_OUT), 0, NIGHT_END_HOUR), m.get(CALLS_OUT))),
                new WindowFeature(HOUR_PROFILE, StateColumn.HISTOGRAM_TYPE, m -> m.get(HOUR_HIST_OUT)),
                new WindowFeature(PEAK_HOUR_CALLS, L, m -> m.get(PEAK_HOUR_CALLS_OUT)),
                new WindowFeature(PEAK_MINUTE_CALLS, L, m -> m.get(PEAK_MINUTE_CALLS_OUT)),
                raw(NEW_CALLEES),
                ratio(SEQUENTIAL_SHARE, SEQ_STEPS_OUT, SEQ_PAIRS_OUT),
                new WindowFeature(GAP_CV, D, m -> gapCv(m)),
                new WindowFeature(BURSTINESS, D, m -> {
                    Column mean = try_divide(m.get(GAP_SUM_OUT), m.get(GAP_N_OUT));
                    Column sd = gapSd(m);
                    return when(m.get(GAP_N_OUT).geq(2), try_divide(sd.minus(mean), sd.plus(mean)));
                }),
                knownCells(), raw(CELL_RECORDS), ratio(CELL_KNOWN_SHARE, CELL_RECORDS, SERVED_RECORDS), raw(SMS_IN)));
        f.addAll(smsSenderFeatures());
        f.addAll(complaintFeatures());
        // New callees are counted per day against the lookback, and a callee new on one day is in the lookback of the
        // next NOVELTY_LOOKBACK_DAYS, so over windows up to a day longer their sum is at most the distinct callees. The
        // share (new callees / distinct callees, FeatureRows.toNumberFeatures) needs both the day states and the pairs.
        List<StructField> joined = new ArrayList<>(NUMBER_PAIR_FEATURES);
        joined.addAll(RANGE_FEATURES);
        joined.addAll(SMS_RECIPIENT_FEATURES);
        joined.add(field(NEW_CALLEE_SHARE, D));
        joined.addAll(LINK_SENDER_FEATURES);
        return new EntityFeatures(EntityType.NUMBER, List.of(field(NUMBER, S, false)), state, f, joined, List.of(
                field(IS_SUBSCRIBER, DataTypes.BooleanType, false), field(SIM_AGE_DAYS, DataTypes.IntegerType),
                field(PLAN, S), field(CUSTOMER_TYPE, S), field(RESELLER_ID, S), field(REAL_NAME_VERIFIED, DataTypes.BooleanType),
                field(STATUS, S), field(SIMS_SAME_IDENTITY, L), field(POLICE_NOTIFIED, DataTypes.BooleanType, false),
                field(POLICE_NOTIFIED_ON, DataTypes.DateType)));
    }

    private static EntityFeatures deviceFeatures() {
        List<StateColumn> state = List.of(counter(RECORDS), counter(CALLS_OUT), counter(CALLS_IN), counter(SMS_OUT_DEVICE),
                counter(SIM_SWAPS), counter(SIM_TRANSITIONS), distinctCount(SIMS), distinctCount(NUMBERS), distinctCount(CELLS),
                counter(CELL_RECORDS), counter(CALLS_OUT_NIGHT));
        List<WindowFeature> f = List.of(raw(SIMS), raw(NUMBERS), raw(SIM_SWAPS), ratio(SIM_SWAP_RATE, SIM_SWAPS, SIM_TRANSITIONS),
                knownCells(), raw(CELL_RECORDS), ratio(CELL_KNOWN_SHARE, CELL_RECORDS, RECORDS),
                raw(RECORDS), raw(CALLS_OUT), raw(CALLS_IN), raw(SMS_OUT_DEVICE),
                ratio(RECORDS_PER_SIM, RECORDS, SIMS), ratio(OUTGOING_SHARE, CALLS_OUT, RECORDS),
                raw(CALLS_OUT_NIGHT), ratio(NIGHT_SHARE, CALLS_OUT_NIGHT, CALLS_OUT));
        return new EntityFeatures(EntityType.DEVICE, List.of(field(IMEI, S, false)), state, f, List.of(field(NEW_SIMS, L)), List.of());
    }

    private static EntityFeatures trunkFeatures() {
        List<StateColumn> state = List.of(counter(CALLS), counter(ANSWERED_CALLS), counter(CLI_PLUS86_INTERNATIONAL), counter(CLI_UNAUTHORIZED),
                counter(CLI_UNALLOCATED), counter(CLI_INVALID), counter(CLI_HIDDEN));
        List<WindowFeature> f = List.of(raw(CALLS), raw(ANSWERED_CALLS),
                raw(CLI_PLUS86_INTERNATIONAL), ratio(CLI_PLUS86_INTERNATIONAL_SHARE, CLI_PLUS86_INTERNATIONAL, CALLS),
                raw(CLI_UNAUTHORIZED), ratio(CLI_UNAUTHORIZED_SHARE, CLI_UNAUTHORIZED, CALLS),
                raw(CLI_UNALLOCATED), ratio(CLI_UNALLOCATED_SHARE, CLI_UNALLOCATED, CALLS),
                raw(CLI_INVALID), ratio(CLI_INVALID_SHARE, CLI_INVALID, CALLS),
                raw(CLI_HIDDEN), ratio(CLI_HIDDEN_SHARE, CLI_HIDDEN, CALLS));
        return new EntityFeatures(EntityType.TRUNK, List.of(field(TRUNK_ID, S, false)), state, f, carriedFeatures(CLIS),
                List.of(field(TRUNK_TYPE, S), field(OWNER, S)));
    }

    private static EntityFeatures portCustomerFeatures() {
        List<StructField> joined = new ArrayList<>(carriedFeatures(PORT_CODES));
        joined.addAll(SMS_RECIPIENT_FEATURES);
        return new EntityFeatures(EntityType.PORT_CUSTOMER, List.of(field(PORT_CUSTOMER, S, false)), smsSenderState(),
                smsSenderFeatures(), joined, List.of());
    }

    /** What any SMS sender (a number, a port customer) accumulates; see {@link SmsSenders}. */
    static List<StateColumn> smsSenderState() {
        return List.of(counter(SMS_OUT), counter(SMS_DELIVERED), counter(SMS_WITH_CONTENT), counter(SMS_WITH_URL),
                countMap(SMS_TEMPLATES));
    }

    private static List<WindowFeature> smsSenderFeatures() {
        return List.of(raw(SMS_OUT), ratio(DELIVERY_RATE, SMS_DELIVERED, SMS_OUT),
                new WindowFeature(TEMPLATE_SHARE, D, m -> try_divide(
                        expr("aggregate(map_values(" + m.sql(SMS_TEMPLATES) + "), 0L, (a, v) -> a + if(v >= 2, v, 0L))"),
                        expr("aggregate(map_values(" + m.sql(SMS_TEMPLATES) + "), 0L, (a, v) -> a + v)"))),
                new WindowFeature(TOP_TEMPLATE_MESSAGES, L, m -> coalesce(array_max(map_values(m.get(SMS_TEMPLATES))), lit(0L))),
                ratio(URL_SHARE, SMS_WITH_URL, SMS_WITH_CONTENT));
    }

    static List<StateColumn> complaintState() {
        List<StateColumn> s = new ArrayList<>();
        s.add(counter(COMPLAINTS_TOTAL));
        COMPLAINT_CATEGORIES.forEach(c -> s.add(counter(complaintsBy(c))));
        COMPLAINT_CHANNELS.forEach(c -> s.add(counter(complaintsBy(c))));
        s.add(distinctCount(COMPLAINT_REPORTERS));
        return s;
    }

    private static List<WindowFeature> complaintFeatures() {
        return complaintState().stream().map(s -> raw(s.name())).toList();
    }

    private static Column gapSd(WindowFeature.Merged m) {
        Column n = m.get(GAP_N_OUT);
        Column mean = try_divide(m.get(GAP_SUM_OUT), n);
        Column variance = try_divide(m.get(GAP_SUMSQ_OUT), n).minus(mean.multiply(mean));
        return sqrt(greatest(variance, lit(0.0)));
    }

    private static Column gapCv(WindowFeature.Merged m) {
        return when(m.get(GAP_N_OUT).geq(2), try_divide(gapSd(m), try_divide(m.get(GAP_SUM_OUT), m.get(GAP_N_OUT))));
    }

    /**
     * Distinct cells, null (unknown) when no record of the window had a cell id: Wi-Fi calling and
     * some switches leave cell_id empty, and 0 cells would read as "parked at one cell", the
     * strongest SIM-box evidence. A window with cells counted had a record with a cell id, so the
     * test also holds for day states written before {@code cell_records} existed (null, summed as 0).
     */
    private static WindowFeature knownCells() {
        return new WindowFeature(CELLS, L, m -> when(m.get(CELL_RECORDS).gt(0).or(m.get(CELLS).gt(0)), m.get(CELLS)));
    }

    private static WindowFeature raw(String stateColumn) {
        return new WindowFeature(stateColumn, L, m -> m.get(stateColumn));
    }

    private static WindowFeature ratio(String name, String numerator, String denominator) {
        return new WindowFeature(name, D, m -> try_divide(m.get(numerator).cast(D), m.get(denominator).cast(D)));
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
