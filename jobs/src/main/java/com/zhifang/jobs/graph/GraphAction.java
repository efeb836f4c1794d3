package com.zhifang.jobs.graph;

import com.zhifang.features.behaviour.Presentations;
import com.zhifang.features.graph.Association;
import com.zhifang.features.graph.CoVictims;
import com.zhifang.features.graph.EdgeDayStates;
import com.zhifang.features.graph.GraphAlgorithms;
import com.zhifang.features.graph.GraphIds;
import com.zhifang.features.graph.HubFilter;
import com.zhifang.features.graph.Rings;
import com.zhifang.features.graph.Seeds;
import com.zhifang.features.graph.SharingGraph;
import com.zhifang.features.reference.ReferenceSnapshots;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.DayStateSchedule;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.run.JobLabels;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static com.zhifang.features.schema.Columns.*;
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
 * so is each recomputed day's edge-state partition. Missing input tables (no police notice ever
 * delivered, no allowlist) count as empty.
 *
 * <p>Cost: per recomputed day, one scan of its voice and SMS partitions and three aggregations by edge;
 * per night, one aggregation of the window's edge states by edge per graph, then the graph algorithms
 * (GraphX iterations over the window's edges: PageRank, personalised PageRank, triangles) and the
 * joins described with each part.
 */
public final class GraphAction {
    private static final Logger LOG = LoggerFactory.getLogger(GraphAction.class);
    /** A computed day with records has device edges (voice and SMS rows of our subscribers carry the IMEI). */
    static final DayStateSchedule STATE_SCHEDULE = new DayStateSchedule(
            List.of(Tables.VOICE_CALLS, Tables.SMS_MESSAGES), List.of(), Tables.DEVICE_EDGE_DAY_STATE);

    private final SparkSession spark;
    private final Warehouse warehouse;
    private final LocalDate day;
    private final GraphSettings settings;
    private final JobLabels labels;
    private final List<Dataset<Row>> cached = new ArrayList<>();

    public GraphAction(SparkSession spark, Warehouse warehouse, LocalDate day, GraphSettings settings) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.day = Objects.requireNonNull(day, "day");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.labels = new JobLabels(spark, "zhifang graph " + day);
    }

    public GraphResult execute() {
        return labels.restoring(() -> {
            try {
                return run();
            } finally {
                cached.forEach(d -> d.unpersist(false));
                cached.clear();
            }
        });
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
        stateDays.forEach(this::computeEdgeDayStates);
        return stateDays;
    }

    private LocalDate firstDayOfWindow() {
        return day.minusDays(settings.windowDays() - 1L);
    }

    private GraphResult run() {
        LocalDate first = firstDayOfWindow();
        List<LocalDate> stateDays = updateEdgeDayStates();
        labels.step("seeds");
        Dataset<Row> seeds = Seeds.toSeeds(readOrEmpty(Tables.POLICE_NOTICES), readOrEmpty(Tables.FEEDBACK), day)
                .localCheckpoint(true);
        Dataset<Row> subscribers = ReferenceSnapshots.asOf(readOrEmpty(Tables.REF_SUBSCRIBERS), day);
        Dataset<Row> allowlist = ReferenceSnapshots.asOf(readOrEmpty(Tables.REF_ALLOWLIST), day);

        labels.step("window edges, hubs");
        Dataset<Row> callEdges = keep(EdgeDayStates.toWindowCallEdges(readOrEmpty(Tables.CALL_EDGE_DAY_STATE), first, day));
        Dataset<Row> smsEdges = keep(EdgeDayStates.toWindowSmsEdges(readOrEmpty(Tables.SMS_EDGE_DAY_STATE), first, day));
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
        Dataset<Row> numberDevice = keep(EdgeDayStates.toWindowDeviceEdges(readOrEmpty(Tables.DEVICE_EDGE_DAY_STATE), first, day));
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

        Dataset<Row> features = numberFeatures(callEdges, smsEdges, hubFree, hubs, seeds, numberDevice, numberIdentity,
                sharedPairs, coVictimPairs, rings).localCheckpoint(true);
        Dataset<Row> devices = SharingGraph.toDeviceSummary(numberDevice, seeds, settings.maxNumbersPerDevice());

        write(Tables.GRAPH_FEATURES_NUMBER, features);
        write(Tables.GRAPH_RINGS, rings);
        write(Tables.GRAPH_FEATURES_DEVICE, devices);

        labels.step("counts");
        Row ringCounts = rings.agg(count(lit(1)), coalesce(sum(SIZE), lit(0L)), coalesce(sum(when(col(SEED_COUNT).gt(0), 1L)), lit(0L))).first();
        GraphResult result = new GraphResult(stateDays, callEdges.count(), seeds.count(), hubs.count(), superNodeCap, busyCalleeCap,
                sharedPairs.count(), coVictimPairs.count(), features.count(), ringCounts.getLong(0), ringCounts.getLong(1),
                ringCounts.getLong(2), warehouse.read(spark, Tables.GRAPH_FEATURES_DEVICE).where(col(GRAPH_DATE).equalTo(lit(day))).count());
        LOG.info("graph {}: {}", day, result);
        return result;
    }

    /**
     * Day d's call, SMS and device edges, each table's d partition replaced. Spoofed transit calls
     * are not the shown number's calls; which are spoofed is decided with d's own trunk and roaming
     * snapshots, so a subscriber who roamed abroad on d keeps that day's calls home as edges after
     * coming back.
     */
    private void computeEdgeDayStates(LocalDate d) {
        Dataset<Row> voice = readOrEmpty(Tables.VOICE_CALLS).where(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> sms = readOrEmpty(Tables.SMS_MESSAGES).where(col(TRAFFIC_DAY).equalTo(lit(d)));
        Dataset<Row> trunks = ReferenceSnapshots.asOf(readOrEmpty(Tables.REF_TRUNKS), d);
        Dataset<Row> roaming = ReferenceSnapshots.asOf(readOrEmpty(Tables.REF_ROAMING), d);
        replaceDay(Tables.CALL_EDGE_DAY_STATE, d,
                EdgeDayStates.toCallEdgeDayState(Presentations.toAttributableCalls(voice, trunks, roaming), d));
        replaceDay(Tables.SMS_EDGE_DAY_STATE, d, EdgeDayStates.toSmsEdgeDayState(sms, d));
        // Written last: the schedule takes a day with device edges as done.
        replaceDay(Tables.DEVICE_EDGE_DAY_STATE, d, EdgeDayStates.toDeviceEdgeDayState(voice, sms, d));
    }

    private void replaceDay(String table, LocalDate d, Dataset<Row> rows) {
        labels.step(table + " " + d);
        warehouse.replacePartition(spark, table, d, rows);
    }

    private Dataset<Row> numberFeatures(Dataset<Row> callEdges, Dataset<Row> smsEdges, Dataset<Row> hubFree, Dataset<Row> hubs,
                                        Dataset<Row> seeds, Dataset<Row> numberDevice, Dataset<Row> numberIdentity,
                                        Dataset<Row> sharedPairs, Dataset<Row> coVictimPairs, Dataset<Row> rings) {
        // Structure over the whole call graph (hubs included: they describe the number itself), joined on the
        // vertex ids it is computed on, so the numbers come back in one join.
        labels.step("vertex ids");
        Dataset<Row> index = GraphIds.index(callEdges, FROM_NUMBER, TO_NUMBER).localCheckpoint(true);
        Dataset<Row> vertexEdges = keep(GraphIds.toVertexEdges(callEdges.select(FROM_NUMBER, TO_NUMBER, CALLS), index,
                FROM_NUMBER, TO_NUMBER));
        Dataset<Row> degrees = GraphAlgorithms.degrees(vertexEdges)
                .select(col(GraphAlgorithms.VERTEX), col(GraphAlgorithms.OUT_NEIGHBOURS).as(OUT_DEGREE),
                        col(GraphAlgorithms.IN_NEIGHBOURS).as(IN_DEGREE), col(GraphAlgorithms.NEIGHBOURS).as(NEIGHBOURS),
                        col(GraphAlgorithms.RECIPROCITY).as(RECIPROCITY));
        Dataset<Row> callVolumes = vertexEdges.groupBy(col(GraphAlgorithms.SRC).as(GraphAlgorithms.VERTEX)).agg(sum(CALLS).as(CALLS_OUT))
                .join(vertexEdges.groupBy(col(GraphAlgorithms.DST).as(GraphAlgorithms.VERTEX)).agg(sum(CALLS).as(CALLS_IN)),
                        new String[] {GraphAlgorithms.VERTEX}, "full");
        labels.step("PageRank");
        Dataset<Row> pageRank = GraphAlgorithms.pageRank(vertexEdges, settings.pageRankIterations(), settings.resetProbability())
                .select(col(GraphAlgorithms.VERTEX), col(GraphAlgorithms.PAGERANK).as(PAGERANK));
        // Triangles without hubs: through 10086 everybody would close triangles, and hubs' neighbour sets are what makes counting costly.
        Dataset<Row> hubFreeVertexEdges = GraphIds.toVertexEdges(hubFree.select(FROM_NUMBER, TO_NUMBER), index, FROM_NUMBER, TO_NUMBER);
        labels.step("triangles");
        Dataset<Row> triangles = GraphAlgorithms.triangleCount(hubFreeVertexEdges)
                .select(col(GraphAlgorithms.VERTEX), col(GraphAlgorithms.TRIANGLES).as(TRIANGLES),
                        col(GraphAlgorithms.CLUSTERING).as(CLUSTERING));
        Dataset<Row> structure = index;
        for (Dataset<Row> part : List.of(degrees, callVolumes, pageRank, triangles)) {
            structure = structure.join(part, new String[] {GraphAlgorithms.VERTEX}, "left");
        }
        structure = structure.withColumnRenamed(GraphIds.KEY, NUMBER).drop(GraphAlgorithms.VERTEX);
        Dataset<Row> smsDegrees = smsEdges.groupBy(col(FROM_NUMBER).as(NUMBER)).agg(countDistinct(TO_NUMBER).as(SMS_OUT_NEIGHBOURS))
                .join(smsEdges.groupBy(col(TO_NUMBER).as(NUMBER)).agg(countDistinct(FROM_NUMBER).as(SMS_IN_NEIGHBOURS)),
                        new String[] {NUMBER}, "full");

        // Association with seeds.
        labels.step("personalised PageRank, calls");
        Dataset<Row> pprCall = Association.personalizedPageRank(Association.toCallWalkEdges(hubFree), seeds, PPR_CALL,
                settings.pageRankIterations(), settings.resetProbability());
        Dataset<Row> usableDevices = numberDevice.groupBy(IMEI).agg(countDistinct(NUMBER).as("__n"))
                .where(col("__n").leq(settings.maxNumbersPerDevice())).select(IMEI);
        Dataset<Row> usableIdentities = numberIdentity.groupBy(ID_HASH).agg(countDistinct(NUMBER).as("__n"))
                .where(col("__n").leq(settings.maxNumbersPerIdentity())).select(ID_HASH);
        labels.step("personalised PageRank, shared devices and identities");
        Dataset<Row> pprShared = Association.personalizedPageRank(Association.toSharingWalkEdges(
                        HubFilter.withoutHubs(numberDevice.join(usableDevices, IMEI), hubs, NUMBER),
                        HubFilter.withoutHubs(numberIdentity.join(usableIdentities, ID_HASH), hubs, NUMBER)),
                seeds, PPR_SHARED, settings.pageRankIterations(), settings.resetProbability());
        Dataset<Row> hopEdges = hubFree.select(FROM_NUMBER, TO_NUMBER)
                .union(sharedPairs.select(col(NUMBER_A).as(FROM_NUMBER), col(NUMBER_B).as(TO_NUMBER)));
        labels.step("hops to seeds");
        Dataset<Row> hops = Association.hopsToSeed(hopEdges, seeds, settings.maxHops());
        Dataset<Row> seedKeys = seeds.select(col(NUMBER).as("__seed"));
        Dataset<Row> seedSharing = sharedPairs.select(col(NUMBER_A).as(NUMBER), col(NUMBER_B).as("__other"), col(LINK_KIND))
                .union(sharedPairs.select(col(NUMBER_B).as(NUMBER), col(NUMBER_A).as("__other"), col(LINK_KIND)))
                .join(broadcast(seedKeys), col("__other").equalTo(col("__seed")))
                .groupBy(NUMBER)
                .agg(countDistinct(when(col(LINK_KIND).equalTo(SharingGraph.SHARED_DEVICE), col("__seed"))).as(SEEDS_SHARING_DEVICE),
                        countDistinct(when(col(LINK_KIND).equalTo(SharingGraph.SHARED_IDENTITY), col("__seed"))).as(SEEDS_SHARING_IDENTITY));
        Dataset<Row> coVictims = CoVictims.toNumberFeatures(coVictimPairs, seeds);
        labels.step("number features");

        Dataset<Row> universe = callEdges.select(col(FROM_NUMBER).as(NUMBER)).union(callEdges.select(col(TO_NUMBER).as(NUMBER)))
                .union(smsEdges.select(col(FROM_NUMBER).as(NUMBER))).union(smsEdges.select(col(TO_NUMBER).as(NUMBER)))
                .union(numberDevice.select(NUMBER))
                .union(sharedPairs.select(col(NUMBER_A).as(NUMBER))).union(sharedPairs.select(col(NUMBER_B).as(NUMBER)))
                .union(seeds.select(NUMBER))
                .distinct();
        Dataset<Row> joined = universe;
        for (Dataset<Row> part : List.of(hubs, structure, smsDegrees, pprCall, pprShared, hops,
                seedSharing, coVictims, Rings.toMembership(rings))) {
            joined = joined.join(part, new String[] {NUMBER}, "left");
        }
        joined = joined.join(broadcast(seedKeys), col(NUMBER).equalTo(col("__seed")), "left");
        return joined.select(lit(day).as(GRAPH_DATE), col(NUMBER), col("__seed").isNotNull().as(IS_SEED), col(HUB_REASON),
                zero(OUT_DEGREE), zero(IN_DEGREE), zero(NEIGHBOURS), col(RECIPROCITY),
                zero(CALLS_OUT), zero(CALLS_IN), zero(SMS_OUT_NEIGHBOURS), zero(SMS_IN_NEIGHBOURS),
                col(PAGERANK), col(TRIANGLES), col(CLUSTERING),
                // No seed reachable: the walk never visits the number, its score is 0 (null only when no seed exists at all).
                col(PPR_CALL), col(PPR_SHARED), col(HOPS_TO_SEED),
                zero(SEEDS_SHARING_DEVICE), zero(SEEDS_SHARING_IDENTITY),
                col(COVICTIM_MAX_SIMILARITY_TO_SEED), zero(COVICTIM_SIMILAR_NUMBERS), col(RING_ID));
    }

    private static Column zero(String column) {
        return coalesce(col(column), lit(0L)).as(column);
    }

    /**
     * The larger of {@code floor} and the {@code quantile} of {@code column} over the neighbour
     * counts. The sketch's rank error is a tenth of the tail above the quantile: with a fixed 0.1%
     * error the 99.9% quantile may be any value from the 99.8% one to the maximum, and at 200,000
     * subscribers it came out as 56,400 neighbours, which made almost no number a super-node.
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

    private Dataset<Row> readOrEmpty(String table) {
        return warehouse.readOrEmpty(spark, table);
    }

    private void write(String table, Dataset<Row> rows) {
        labels.step("write " + table);
        warehouse.replacePartition(spark, table, day, rows);
    }
}
