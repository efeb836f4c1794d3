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
import com.zhifang.features.catalog.DayState;
import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.reference.ReferenceSnapshots;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.DayStateSchedule;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * window that has records but no state yet (a first run on an existing warehouse). The states of
 * all those days are written to {@code feature_day_state} in one commit (a day's callee novelty
 * reads the pairs of the days before it, so the pairs computed in the same run are handed to it
 * directly). Feature rows of earlier dates are not rewritten: what was handed over stays
 * reproducible.
 *
 * <p>Idempotent: every write replaces its days' partitions ({@code replaceWhere}).
 *
 * <p>Cost per recomputed day: scans of its voice and SMS partitions (a few per entity type, not
 * cached: see {@link #writeDayStates}), the state shuffles described in {@link NumberStates},
 * {@link DeviceStates}, {@link TrunkStates}, {@link PortCustomerStates}; per run: one merge aggregation per entity type
 * over the window's states and one over the window's contact pairs; one Delta commit for all the states.
 */
public final class FeaturesAction extends BaseStageAction<FeaturesResult> {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesAction.class);
    /** Complaints change a day's states but call for none alone. */
    static final DayStateSchedule STATE_SCHEDULE = new DayStateSchedule(
            List.of(Tables.VOICE_CALLS, Tables.SMS_MESSAGES), List.of(Tables.COMPLAINTS), Tables.FEATURE_DAY_STATE);

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
        writeDayStates(stateDays);
        Dataset<Row> recipients = read(DayState.SMS_RECIPIENT);
        Dataset<Row> carried = read(DayState.CARRIED_NUMBER);
        Dataset<Row> subscribers = ReferenceSnapshots.asOf(read(Tables.REF_SUBSCRIBERS), day);
        long numbers = writeFeatures(Tables.FEATURES_NUMBER, numberFeatures(recipients, carried, subscribers));
        long devices = writeFeatures(Tables.FEATURES_DEVICE, FeatureRows.toDeviceFeatures(merged(DayState.DEVICE,
                FeatureSets.DEVICE_FEATURES), DeviceStates.toWindowNewSims(carried, subscribers, day, windows), windows));
        Dataset<Row> complaints = read(Tables.COMPLAINTS);
        long trunks = writeFeatures(Tables.FEATURES_TRUNK, FeatureRows.toTrunkFeatures(
                merged(DayState.TRUNK, FeatureSets.TRUNK_FEATURES),
                CarriedNumbers.toCarriedWindowFeatures(carried, complaints, FeatureSets.TRUNK_FEATURES.entityType().code(), CLIS, day, windows),
                ReferenceSnapshots.asOf(read(Tables.REF_TRUNKS), day), windows));
        long ports = writeFeatures(Tables.FEATURES_PORT_CUSTOMER, FeatureRows.toPortCustomerFeatures(
                merged(DayState.PORT_CUSTOMER, FeatureSets.PORT_CUSTOMER_FEATURES),
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
     * The states of {@code days} (oldest first), all written to {@code feature_day_state} in one
     * commit. Each day's voice and SMS are read anew by each state (a Delta scan of one day's
     * partition, pruned to the columns it needs) rather than cached: building Spark's compressed
     * in-memory columns of every voice and SMS column cost more than all the scans together
     * ({@code docs/measurements/2026-11-29-features-stage-profiles.md}). The contact pairs of the
     * days are kept (persisted until the write is done): each day's number state reads its own
     * pairs and, for callee novelty, those of the days before it, the days computed now included.
     */
    private void writeDayStates(List<LocalDate> days) {
        long start = System.nanoTime();
        Map<LocalDate, DayInputs> inputs = new TreeMap<>();
        TreeMap<LocalDate, Dataset<Row>> newPairs = new TreeMap<>();
        for (LocalDate d : days) {
            DayInputs in = dayInputs(d);
            inputs.put(d, in);
            newPairs.put(d, ContactPairs.toPairDayState(Sides.outgoingCalls(in.attributable(), in.subscribers()),
                    Sides.incomingCalls(in.attributable(), in.subscribers()), d).persist(StorageLevel.MEMORY_AND_DISK()));
        }
        try {
            Dataset<Row> storedPairs = read(DayState.PAIR).where(not(col(TRAFFIC_DAY).isin(days.toArray())));
            List<Dataset<Row>> parts = new ArrayList<>();
            for (LocalDate d : days) {
                LocalDate lookbackFrom = d.minusDays(FeatureSets.NOVELTY_LOOKBACK_DAYS);
                Dataset<Row> priorPairs = storedPairs.where(col(TRAFFIC_DAY).between(lit(lookbackFrom), lit(d.minusDays(1))));
                for (Map.Entry<LocalDate, Dataset<Row>> earlier : newPairs.headMap(d).entrySet()) {
                    if (!earlier.getKey().isBefore(lookbackFrom)) {
                        priorPairs = priorPairs.unionByName(earlier.getValue());
                    }
                }
                parts.addAll(dayStates(d, inputs.get(d), newPairs.get(d), priorPairs));
            }
            replaceDayStates(Tables.FEATURE_DAY_STATE, days, parts);
        } finally {
            newPairs.values().forEach(p -> p.unpersist(false));
        }
        LOG.info("features {}: day states of {} written in {} ms", day, days, (System.nanoTime() - start) / 1_000_000);
    }

    /** A day's records and the reference snapshots that apply to it. */
    private record DayInputs(Dataset<Row> voice, Dataset<Row> sms, Dataset<Row> complaints, Dataset<Row> subscribers,
                             Dataset<Row> roaming, Dataset<Row> trunks, Dataset<Row> ported, Dataset<Row> attributable) {}

    private DayInputs dayInputs(LocalDate d) {
        Dataset<Row> voice = read(Tables.VOICE_CALLS).filter(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> trunks = ReferenceSnapshots.asOf(read(Tables.REF_TRUNKS), d);
        Dataset<Row> roaming = ReferenceSnapshots.asOf(read(Tables.REF_ROAMING), d);
        // Spoofed transit calls are the trunk's doing (trunk state below), never the shown number's.
        return new DayInputs(voice, read(Tables.SMS_MESSAGES).filter(col(TRAFFIC_DAY).equalTo(lit(d))),
                read(Tables.COMPLAINTS).filter(col(EVENT_DAY).equalTo(lit(d))),
                ReferenceSnapshots.asOf(read(Tables.REF_SUBSCRIBERS), d), roaming, trunks,
                // Empty when no ported.csv was ever delivered (no table): then no caller number is judged unallocated.
                ReferenceSnapshots.asOf(read(Tables.REF_PORTED), d),
                Presentations.toAttributableCalls(voice, trunks, roaming));
    }

    /** Day d's states, tagged for {@code feature_day_state}: pairs, numbers, devices, trunks, port customers, carried numbers, recipients. */
    private List<Dataset<Row>> dayStates(LocalDate d, DayInputs in, Dataset<Row> dayPairs, Dataset<Row> priorPairs) {
        Dataset<Row> served = ServedRows.toServedRows(in.voice(), in.sms());
        Dataset<Row> portMessages = PortCustomerStates.portMessages(in.sms());
        Dataset<Row> carriedByTrunks = DistinctNumbers.toDayState(in.voice().filter(col(RECORD_TYPE).equalTo(CallRecordType.GW.code())),
                FeatureSets.TRUNK_FEATURES.entityType().code(), TRUNK_IN, CALLING_NUMBER, d);
        Dataset<Row> carriedByPorts = DistinctNumbers.toDayState(portMessages,
                FeatureSets.PORT_CUSTOMER_FEATURES.entityType().code(), PORT_CUSTOMER, PORT_CODE, d);
        Dataset<Row> outgoingSms = Sides.outgoingSms(in.sms(), in.subscribers());
        return List.of(
                DayState.PAIR.tag(dayPairs),
                DayState.NUMBER.tag(NumberStates.toNumberDayState(in.attributable(), in.sms(), in.complaints(), in.subscribers(),
                        dayPairs, priorPairs, d)),
                DayState.DEVICE.tag(DeviceStates.toDeviceDayState(served, d)),
                DayState.TRUNK.tag(TrunkStates.toTrunkDayState(in.voice(), in.trunks(), in.roaming(), in.subscribers(), in.ported(), d)),
                DayState.PORT_CUSTOMER.tag(PortCustomerStates.toPortCustomerDayState(in.sms(), d)),
                DayState.CARRIED_NUMBER.tag(carriedByTrunks.unionByName(carriedByPorts)
                        .unionByName(SmsSenders.toLinkSenderDayState(outgoingSms, d))
                        .unionByName(DeviceStates.toServedNumberDayState(served, d))),
                DayState.SMS_RECIPIENT.tag(
                        SmsSenders.toRecipientDayState(outgoingSms, FeatureSets.NUMBER_FEATURES.entityType().code(), NUMBER, d)
                                .unionByName(SmsSenders.toRecipientDayState(portMessages, FeatureSets.PORT_CUSTOMER_FEATURES.entityType().code(),
                                        PORT_CUSTOMER, d))));
    }

    /** @param subscribers the subscriber snapshot that applies to D */
    private Dataset<Row> numberFeatures(Dataset<Row> recipients, Dataset<Row> carried, Dataset<Row> subscribers) {
        Dataset<Row> windowed = merged(DayState.NUMBER, FeatureSets.NUMBER_FEATURES);
        Dataset<Row> contacts = ContactPairs.toWindowContacts(read(DayState.PAIR), day, windows);
        return FeatureRows.toNumberFeatures(windowed, contacts,
                SmsSenders.toWindowRecipients(recipients, FeatureSets.NUMBER_FEATURES.entityType().code(), day, windows),
                SmsSenders.toWindowLinkSenders(carried, subscribers, day, windows),
                subscribers, read(Tables.POLICE_NOTICES), day, windows);
    }

    private Dataset<Row> merged(DayState state, EntityFeatures def) {
        return WindowMerger.toWindowFeatures(read(state), def, day, windows);
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
