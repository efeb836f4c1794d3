package com.zhifang.jobs.graph;

import com.zhifang.features.behaviour.Presentations;
import com.zhifang.features.catalog.DayState;
import com.zhifang.features.graph.CoVictims;
import com.zhifang.features.graph.EdgeDayStates;
import com.zhifang.features.graph.HubFilter;
import com.zhifang.features.graph.NumberGraphFeatures;
import com.zhifang.features.graph.Rings;
import com.zhifang.features.graph.Seeds;
import com.zhifang.features.graph.SharingGraph;
import com.zhifang.features.reference.ReferenceSnapshots;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.spark.SparkSteps;
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
import java.util.List;
import java.util.Objects;

import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The graph stage for day D: builds the call, SMS, device and identity graphs over the window
 * {@code [D - windowDays + 1, D]} and writes, for {@code graph_date = D}:
 * <ul>
 *   <li>{@code graph_features_number}: one row per number seen in the window (calls, SMS, devices,
 *       shared identities) or seeded: structure, association with seeds, co-victims, ring;</li>
 *   <li>{@code graph_rings}: rings with members, seeds and the links that hold them together;</li>
 *   <li>{@code graph_features_device}: numbers and seeds per IMEI, and whether the cap removed it.</li>
 * </ul>
 * Hubs (service/port numbers, allowlisted numbers, super-nodes above a per-run cap of distinct
 * neighbours) are excluded from ring linking, co-victim sets, personalised PageRank, hop distances
 * and triangles ({@link HubFilter}); the per-run caps are the larger of a quantile and a floor
 * ({@link GraphSettings}). Devices and identities held by too many numbers link nobody
 * ({@link SharingGraph}).
 *
 * <p>Incremental input: the window's call, SMS and device edges are summed from per-day edge states
 * ({@link EdgeDayStates}), not aggregated again from the window's raw records. A night computes the
 * edge states of D, of every window day that received records in landing day D (late records), and
 * of window days with records but no state yet ({@link DayStateSchedule}); the other days' edges are
 * read as stored.
 *
 * <p>Idempotent: each table's {@code graph_date = D} partition is replaced ({@code replaceWhere}), and
 * so are the recomputed days' edge-state partitions (all in one commit). Missing input tables (no police notice ever
 * delivered, no allowlist) count as empty.
 *
 * <p>Cost: per recomputed day, one scan of its voice and SMS partitions and three aggregations by edge;
 * per night, one aggregation of the window's edge states by edge per graph, then the graph algorithms
 * (GraphX iterations over the window's edges: PageRank, personalised PageRank, triangles) and the
 * joins described with each part.
 */
public final class GraphAction extends BaseStageAction<GraphResult> {
    private static final Logger LOG = LoggerFactory.getLogger(GraphAction.class);
    static final DayStateSchedule STATE_SCHEDULE = new DayStateSchedule(
            List.of(Tables.VOICE_CALLS, Tables.SMS_MESSAGES), List.of(), Tables.EDGE_DAY_STATE);

    private final GraphSettings settings;
    private final List<Dataset<Row>> cached = new ArrayList<>();

    public GraphAction(SparkSession spark, Warehouse warehouse, LocalDate day, GraphSettings settings) {
        super("graph", spark, warehouse, day);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * For benchmarks that start from a warehouse holding records only: the edge day states that the
     * nights before {@code day} would have left, i.e. those of the other days of {@code day}'s
     * window. Returns the days computed, oldest first.
     */
    public static List<LocalDate> prepareEarlierNights(SparkSession spark, Warehouse warehouse, LocalDate day,
                                                       GraphSettings settings) {
        if (settings.windowDays() < 2) {
            return List.of();
        }
        GraphAction earlier = new GraphAction(spark, warehouse, day.minusDays(1), settings.withWindowDays(settings.windowDays() - 1));
        return earlier.labels.restoring(earlier::updateEdgeDayStates);
    }

    /** Brings the window's edge day states up to date; returns the days computed, oldest first. */
    private List<LocalDate> updateEdgeDayStates() {
        List<LocalDate> stateDays = STATE_SCHEDULE.daysToRecompute(spark, warehouse, firstDayOfWindow(), day);
        LOG.info("graph {}: edge day states to compute {}", day, stateDays);
        List<Dataset<Row>> parts = new ArrayList<>();
        stateDays.forEach(d -> parts.addAll(edgeDayStates(d)));
        replaceDayStates(Tables.EDGE_DAY_STATE, stateDays, parts);
        return stateDays;
    }

    private LocalDate firstDayOfWindow() {
        return day.minusDays(settings.windowDays() - 1L);
    }

    @Override
    protected GraphResult run() {
        try {
            return buildGraphs();
        } finally {
            cached.forEach(d -> d.unpersist(false));
            cached.clear();
        }
    }

    private GraphResult buildGraphs() {
        LocalDate first = firstDayOfWindow();
        List<LocalDate> stateDays = updateEdgeDayStates();
        labels.step("seeds");
        Dataset<Row> seeds = Seeds.toSeeds(read(Tables.POLICE_NOTICES), read(Tables.FEEDBACK), day)
                .localCheckpoint(true);
        Dataset<Row> subscribers = ReferenceSnapshots.asOf(read(Tables.REF_SUBSCRIBERS), day);
        Dataset<Row> allowlist = ReferenceSnapshots.asOf(read(Tables.REF_ALLOWLIST), day);

        labels.step("window edges, hubs");
        Dataset<Row> callEdges = keep(EdgeDayStates.toWindowCallEdges(read(DayState.CALL_EDGE), first, day));
        Dataset<Row> smsEdges = keep(EdgeDayStates.toWindowSmsEdges(read(DayState.SMS_EDGE), first, day));
        Dataset<Row> neighbours = keep(HubFilter.neighbourCounts(callEdges));
        long superNodeCap = cap(neighbours, NEIGHBOURS, settings.superNodeQuantile(), settings.superNodeFloor());
        long busyCalleeCap = cap(neighbours, IN_DEGREE, settings.busyCalleeQuantile(), settings.busyCalleeFloor());
        Dataset<Row> hubs = HubFilter.toHubs(callEdges, allowlist, day, neighbours, superNodeCap).localCheckpoint(true);
        Dataset<Row> hubFree = keep(HubFilter.withoutHubs(callEdges, hubs, FROM_NUMBER, TO_NUMBER));
        LOG.info("graph {}: window {}..{}, super-node cap {} neighbours, busy-callee cap {} callers", day, first, day,
                superNodeCap, busyCalleeCap);

        // Co-victims: callees everybody calls (more distinct callers than the cap) say nothing about co-working.
        labels.step("co-victims");
        Dataset<Row> busyCallees = neighbours.where(col(IN_DEGREE).gt(busyCalleeCap)).select(NUMBER);
        Dataset<Row> coVictimPairs = CoVictims.toSimilarPairs(HubFilter.withoutHubs(hubFree, busyCallees, TO_NUMBER),
                settings.minCallees(), settings.coVictimMinJaccard(), settings.hashTables()).localCheckpoint(true);

        // Sharing: devices and identities, capped, hubs excluded.
        labels.step("shared devices and identities");
        Dataset<Row> numberDevice = keep(EdgeDayStates.toWindowDeviceEdges(read(DayState.DEVICE_EDGE), first, day));
        Dataset<Row> numberIdentity = keep(SharingGraph.toNumberIdentityEdges(subscribers));
        Dataset<Row> sharedPairs = SharingGraph.toSharedPairs(numberDevice, IMEI, SharingGraph.SHARED_DEVICE,
                        settings.maxNumbersPerDevice(), hubs)
                .union(SharingGraph.toSharedPairs(numberIdentity, ID_HASH, SharingGraph.SHARED_IDENTITY,
                        settings.maxNumbersPerIdentity(), hubs))
                .localCheckpoint(true);

        Dataset<Row> strongLinks = sharedPairs.union(coVictimPairs.where(col(JACCARD).geq(settings.ringCoVictimMinJaccard()))
                .select(NUMBER_A, NUMBER_B, LINK_KIND, WEIGHT, EVIDENCE));
        labels.step("rings");
        Dataset<Row> rings = Rings.toRings(strongLinks, seeds, callEdges, settings.minRingSize()).localCheckpoint(true);

        Dataset<Row> features = NumberGraphFeatures.toNumberFeatures(day,
                new NumberGraphFeatures.Inputs(callEdges, smsEdges, hubFree, hubs, seeds, numberDevice, numberIdentity,
                        sharedPairs, coVictimPairs, rings),
                settings.numberFeatureSettings(), steps()).localCheckpoint(true);
        Dataset<Row> devices = SharingGraph.toDeviceSummary(numberDevice, seeds, settings.maxNumbersPerDevice());

        replacePartition(Tables.GRAPH_FEATURES_NUMBER, day, features);
        replacePartition(Tables.GRAPH_RINGS, day, rings);
        replacePartition(Tables.GRAPH_FEATURES_DEVICE, day, devices);

        labels.step("counts");
        Row ringCounts = rings.agg(count(lit(1)), coalesce(sum(SIZE), lit(0L)), coalesce(sum(when(col(SEED_COUNT).gt(0), 1L)), lit(0L))).first();
        GraphResult result = new GraphResult(stateDays, callEdges.count(), seeds.count(), hubs.count(), superNodeCap, busyCalleeCap,
                sharedPairs.count(), coVictimPairs.count(), features.count(), ringCounts.getLong(0), ringCounts.getLong(1),
                ringCounts.getLong(2), warehouse.read(spark, Tables.GRAPH_FEATURES_DEVICE).where(col(GRAPH_DATE).equalTo(lit(day))).count());
        LOG.info("graph {}: {}", day, result);
        return result;
    }

    /**
     * Day d's call, SMS and device edges, tagged for {@code edge_day_state}. Spoofed transit calls
     * are not the shown number's calls; which are spoofed is decided with d's own trunk and roaming
     * snapshots, so a subscriber who roamed abroad on d keeps that day's calls home as edges after
     * coming back.
     */
    private List<Dataset<Row>> edgeDayStates(LocalDate d) {
        Dataset<Row> voice = read(Tables.VOICE_CALLS).where(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> sms = read(Tables.SMS_MESSAGES).where(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> trunks = ReferenceSnapshots.asOf(read(Tables.REF_TRUNKS), d);
        Dataset<Row> roaming = ReferenceSnapshots.asOf(read(Tables.REF_ROAMING), d);
        return List.of(
                DayState.CALL_EDGE.tag(EdgeDayStates.toCallEdgeDayState(Presentations.toAttributableCalls(voice, trunks, roaming), d)),
                DayState.SMS_EDGE.tag(EdgeDayStates.toSmsEdgeDayState(sms, d)),
                DayState.DEVICE_EDGE.tag(EdgeDayStates.toDeviceEdgeDayState(voice, sms, d)));
    }

    /**
     * The larger of {@code floor} and the {@code quantile} of {@code column} over the neighbour
     * counts. The sketch's rank error is a tenth of the tail above the quantile: with a fixed 0.1%
     * error the 99.9% quantile may be any value from the 99.8% one to the maximum, which can make
     * almost no number a super-node ({@code docs/measurements/2026-11-29-graph-stage-over-a-week.md}).
     */
    static long cap(Dataset<Row> neighbours, String column, double quantile, long floor) {
        double relativeError = Math.max(1e-5, (1 - quantile) / 10);
        double[] q = neighbours.stat().approxQuantile(column, new double[] {quantile}, relativeError);
        return Math.max(floor, q.length == 0 ? floor : (long) Math.ceil(q[0]));
    }

    private Dataset<Row> keep(Dataset<Row> frame) {
        Dataset<Row> persisted = frame.persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(persisted);
        return persisted;
    }

    /** This run's labels and cache, for the multi-step transforms of the features module. */
    private SparkSteps steps() {
        return new SparkSteps() {
            @Override
            public void step(String name) {
                labels.step(name);
            }

            @Override
            public Dataset<Row> keep(Dataset<Row> frame) {
                return GraphAction.this.keep(frame);
            }
        };
    }
}
