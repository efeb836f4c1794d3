package com.zhifang.jobs.features;

import com.zhifang.features.behaviour.CarriedNumbers;
import com.zhifang.features.behaviour.ContactPairs;
import com.zhifang.features.behaviour.DeviceStates;
import com.zhifang.features.behaviour.DistinctNumbers;
import com.zhifang.features.behaviour.EntityFeatures;
import com.zhifang.features.behaviour.FeatureRows;
import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.behaviour.NumberStates;
import com.zhifang.features.behaviour.PortCustomerStates;
import com.zhifang.features.behaviour.Presentations;
import com.zhifang.features.behaviour.ServedRows;
import com.zhifang.features.behaviour.Sides;
import com.zhifang.features.behaviour.SmsSenders;
import com.zhifang.features.behaviour.TrunkStates;
import com.zhifang.features.behaviour.WindowMerger;
import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.reference.ReferenceSnapshots;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.DayStateSchedule;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The features stage for day D: brings the per-day states up to date, then writes one row per
 * entity for D to {@code features_number}, {@code features_device}, {@code features_trunk} and
 * {@code features_port_customer}, with every feature over each window (default 1 and 7 days).
 *
 * <p>Incremental: a day's records are read once, into per-day mergeable states (counts, sums,
 * histograms, HLL sketches, contact pairs, carried numbers, SMS recipients); window rows are merged from the
 * states of D-n+1..D, never from the records of the window. The states recomputed are those of D,
 * of every earlier day of the window that received records or complaints in landing day D (late
 * arrivals: found by {@code landing_day = D} over the window's partitions), and of any day of the
 * window that has records but no state yet (a first run on an existing warehouse). Days are
 * recomputed oldest first, since a day's callee novelty reads the pairs of the days before it.
 * Feature rows of earlier dates are not rewritten: what was handed over stays reproducible.
 *
 * <p>Idempotent: every write replaces its day's partition ({@code replaceWhere}).
 *
 * <p>Cost per recomputed day: scans of its voice and SMS partitions (a few per entity type, not
 * cached: see {@link #computeDayStates}), the state shuffles described in {@link NumberStates},
 * {@link DeviceStates}, {@link TrunkStates}, {@link PortCustomerStates}; per run: one merge aggregation per entity type
 * over the window's states and one over the window's contact pairs.
 */
public final class FeaturesAction extends BaseStageAction<FeaturesResult> {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesAction.class);
    /**
     * Complaints change a day's states but call for none alone. A day is taken as done when it has
     * SMS recipients, the state written last: a warehouse written before that table existed gets its
     * window's days recomputed once, and a day without any SMS sent (rare) is recomputed each night.
     */
    static final DayStateSchedule STATE_SCHEDULE = new DayStateSchedule(
            List.of(Tables.VOICE_CALLS, Tables.SMS_MESSAGES), List.of(Tables.COMPLAINTS),
            // Pairs first: the number state reads the day's pairs. Recipients last: they mark the day as done.
            List.of(Tables.PAIR_DAY_STATE, Tables.NUMBER_DAY_STATE, Tables.DEVICE_DAY_STATE, Tables.TRUNK_DAY_STATE,
                    Tables.PORT_CUSTOMER_DAY_STATE, Tables.CARRIED_NUMBER_DAY_STATE, Tables.SMS_RECIPIENT_DAY_STATE));

    private final List<Integer> windows;
    private final int longest;

    public FeaturesAction(SparkSession spark, Warehouse warehouse, LocalDate day, List<Integer> windows) {
        super("features", spark, warehouse, day);
        this.windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
        WindowMerger.checkWindows(this.windows);
        this.longest = Collections.max(this.windows);
    }

    @Override
    protected FeaturesResult run() {
        List<LocalDate> stateDays = daysToRecompute();
        LOG.info("features {}: day states to compute {}", day, stateDays);
        for (LocalDate d : stateDays) {
            computeDayStates(d);
        }
        Dataset<Row> recipients = read(Tables.SMS_RECIPIENT_DAY_STATE);
        Dataset<Row> carried = read(Tables.CARRIED_NUMBER_DAY_STATE);
        Dataset<Row> subscribers = ReferenceSnapshots.asOf(read(Tables.REF_SUBSCRIBERS), day);
        long numbers = writeFeatures(Tables.FEATURES_NUMBER, numberFeatures(recipients, carried, subscribers));
        long devices = writeFeatures(Tables.FEATURES_DEVICE, FeatureRows.toDeviceFeatures(merged(Tables.DEVICE_DAY_STATE,
                FeatureSets.DEVICE_FEATURES), DeviceStates.toWindowNewSims(carried, subscribers, day, windows), windows));
        Dataset<Row> complaints = read(Tables.COMPLAINTS);
        long trunks = writeFeatures(Tables.FEATURES_TRUNK, FeatureRows.toTrunkFeatures(
                merged(Tables.TRUNK_DAY_STATE, FeatureSets.TRUNK_FEATURES),
                CarriedNumbers.toCarriedWindowFeatures(carried, complaints, FeatureSets.TRUNK_FEATURES.entityType().code(), CLIS, day, windows),
                ReferenceSnapshots.asOf(read(Tables.REF_TRUNKS), day), windows));
        long ports = writeFeatures(Tables.FEATURES_PORT_CUSTOMER, FeatureRows.toPortCustomerFeatures(
                merged(Tables.PORT_CUSTOMER_DAY_STATE, FeatureSets.PORT_CUSTOMER_FEATURES),
                CarriedNumbers.toCarriedWindowFeatures(carried, complaints, FeatureSets.PORT_CUSTOMER_FEATURES.entityType().code(), PORT_CODES,
                        day, windows),
                SmsSenders.toWindowRecipients(recipients, FeatureSets.PORT_CUSTOMER_FEATURES.entityType().code(), day, windows),
                windows));
        return new FeaturesResult(stateDays, numbers, devices, trunks, ports);
    }

    /** D, the window's days that got late records or complaints in landing day D, and window days lacking a state. */
    List<LocalDate> daysToRecompute() {
        return STATE_SCHEDULE.daysToRecompute(spark, warehouse, day.minusDays(longest - 1), day);
    }

    /**
     * The day's state tables. The day's voice and SMS are read anew by each state (a Delta scan of
     * one day's partition, pruned to the columns it needs) rather than cached: building Spark's
     * compressed in-memory columns of every voice and SMS column cost more than all the scans
     * together ({@code docs/measurements/2026-11-29-features-stage-profiles.md}).
     */
    private void computeDayStates(LocalDate d) {
        DayStateSchedule.Writes states = STATE_SCHEDULE.writes(d, this::replaceDay);
        Dataset<Row> voice = read(Tables.VOICE_CALLS).filter(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> sms = read(Tables.SMS_MESSAGES).filter(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> complaints = read(Tables.COMPLAINTS).filter(col(EVENT_DAY).equalTo(lit(d)));
        Dataset<Row> subscribers = ReferenceSnapshots.asOf(read(Tables.REF_SUBSCRIBERS), d);
        Dataset<Row> roaming = ReferenceSnapshots.asOf(read(Tables.REF_ROAMING), d);
        Dataset<Row> trunks = ReferenceSnapshots.asOf(read(Tables.REF_TRUNKS), d);

        // Spoofed transit calls are the trunk's doing (trunk state below), never the shown number's.
        Dataset<Row> attributable = Presentations.toAttributableCalls(voice, trunks, roaming);
        states.write(Tables.PAIR_DAY_STATE, ContactPairs.toPairDayState(
                Sides.outgoingCalls(attributable, subscribers), Sides.incomingCalls(attributable, subscribers), d));
        Dataset<Row> pairs = read(Tables.PAIR_DAY_STATE);
        Dataset<Row> dayPairs = pairs.filter(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> priorPairs = pairs.filter(col(TRAFFIC_DAY).between(
                lit(d.minusDays(FeatureSets.NOVELTY_LOOKBACK_DAYS)), lit(d.minusDays(1))));
        states.write(Tables.NUMBER_DAY_STATE,
                NumberStates.toNumberDayState(attributable, sms, complaints, subscribers, dayPairs, priorPairs, d));
        Dataset<Row> served = ServedRows.toServedRows(voice, sms);
        states.write(Tables.DEVICE_DAY_STATE, DeviceStates.toDeviceDayState(served, d));
        states.write(Tables.TRUNK_DAY_STATE, TrunkStates.toTrunkDayState(voice, trunks, roaming, subscribers, d));
        states.write(Tables.PORT_CUSTOMER_DAY_STATE, PortCustomerStates.toPortCustomerDayState(sms, d));
        Dataset<Row> portMessages = PortCustomerStates.portMessages(sms);
        Dataset<Row> carriedByTrunks = DistinctNumbers.toDayState(voice.filter(col(RECORD_TYPE).equalTo(CallRecordType.GW.code())),
                FeatureSets.TRUNK_FEATURES.entityType().code(), TRUNK_IN, CALLING_NUMBER, d);
        Dataset<Row> carriedByPorts = DistinctNumbers.toDayState(portMessages,
                FeatureSets.PORT_CUSTOMER_FEATURES.entityType().code(), PORT_CUSTOMER, PORT_CODE, d);
        Dataset<Row> outgoingSms = Sides.outgoingSms(sms, subscribers);
        states.write(Tables.CARRIED_NUMBER_DAY_STATE, carriedByTrunks.unionByName(carriedByPorts)
                .unionByName(SmsSenders.toLinkSenderDayState(outgoingSms, d))
                .unionByName(DeviceStates.toServedNumberDayState(served, d)));
        states.write(Tables.SMS_RECIPIENT_DAY_STATE,
                SmsSenders.toRecipientDayState(outgoingSms, FeatureSets.NUMBER_FEATURES.entityType().code(), NUMBER, d)
                        .unionByName(SmsSenders.toRecipientDayState(portMessages, FeatureSets.PORT_CUSTOMER_FEATURES.entityType().code(),
                                PORT_CUSTOMER, d)));
        states.done();
    }

    /** @param subscribers the subscriber snapshot that applies to D */
    private Dataset<Row> numberFeatures(Dataset<Row> recipients, Dataset<Row> carried, Dataset<Row> subscribers) {
        Dataset<Row> windowed = merged(Tables.NUMBER_DAY_STATE, FeatureSets.NUMBER_FEATURES);
        Dataset<Row> contacts = ContactPairs.toWindowContacts(read(Tables.PAIR_DAY_STATE), day, windows);
        return FeatureRows.toNumberFeatures(windowed, contacts,
                SmsSenders.toWindowRecipients(recipients, FeatureSets.NUMBER_FEATURES.entityType().code(), day, windows),
                SmsSenders.toWindowLinkSenders(carried, subscribers, day, windows),
                subscribers, read(Tables.POLICE_NOTICES), day, windows);
    }

    private Dataset<Row> merged(String stateTable, EntityFeatures def) {
        return WindowMerger.toWindowFeatures(read(stateTable), def, day, windows);
    }

    private void replaceDay(String table, LocalDate d, Dataset<Row> rows) {
        long start = System.nanoTime();
        replacePartition(table, d, rows);
        LOG.info("features {}: {} of {} written in {} ms", day, table, d, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Replaces D's partition of a features table; returns the rows written, from the commit's own
     * metrics (no second pass over the data). Columns of window lists other than the default, and
     * features a newer release added, are added to the table (schema evolution).
     */
    private long writeFeatures(String table, Dataset<Row> rows) {
        long start = System.nanoTime();
        replacePartition(table, day, rows);
        long n = warehouse.rowsWrittenByLastCommit(spark, table);
        LOG.info("features {}: {} rows in {} ({} ms)", day, n, table, (System.nanoTime() - start) / 1_000_000);
        return n;
    }
}
