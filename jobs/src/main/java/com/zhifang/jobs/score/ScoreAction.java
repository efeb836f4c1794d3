package com.zhifang.jobs.score;

import com.zhifang.features.behaviour.ServedRows;
import com.zhifang.features.catalog.DayState;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.PatternCode;
import com.zhifang.features.reference.ReferenceSnapshots;
import com.zhifang.features.schema.FeatureColumns;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import com.zhifang.models.detect.Detections;
import com.zhifang.models.detect.ScoringInputs;
import com.zhifang.models.rank.SuspectRanking;
import com.zhifang.models.rules.Detector;
import com.zhifang.models.rules.RuleBook;
import com.zhifang.models.train.ApprovedModel;
import com.zhifang.models.train.ModelScores;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The score stage for day D: runs the rules file's detectors over D's feature rows of numbers,
 * devices, trunks and port customers, combines each entity's patterns into one score, blends in
 * the trained model when one is given (the newest approved one for D; rules alone otherwise), takes off allowlisted and appeal-restored entities, flags
 * police-notified numbers, ranks, and replaces the {@code list_date = D} partition of
 * {@code suspects}.
 *
 * <p>Reads: {@code features_*} and {@code graph_*} of D (one row per entity: no window re-read),
 * and the MO/MT records of the last {@code windowDays} days for the (number, device) pairs, the
 * only wide read, pruned to two columns. Cost: the number-side joins (graph features, the served
 * device), the projection of every detector's expressions (no shuffle), one aggregation of the
 * detections by entity, broadcast joins with reference and feedback tables, one global sort of the
 * list. Missing inputs (no graph stage run, no police notice ever) count as empty.
 */
public final class ScoreAction extends BaseStageAction<ScoreResult> {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreAction.class);

    private final RuleBook rules;
    private final int windowDays;
    private final ApprovedModel model;
    private final String runId;

    /**
     * @param windowDays the longest feature window: the device features the number rules read are
     *                   {@code device_<feature>_<windowDays>d}, over served pairs of as many days
     * @param model      the approved model to blend in, or null to score on the rules alone
     * @param runId      recorded on every suspect row
     */
    public ScoreAction(SparkSession spark, Warehouse warehouse, LocalDate day, RuleBook rules, int windowDays, ApprovedModel model,
                       String runId) {
        super("score", spark, warehouse, day);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.model = model;
        this.runId = Objects.requireNonNull(runId, "runId");
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be >= 1, got " + windowDays);
        }
        this.windowDays = windowDays;
    }

    @Override
    protected ScoreResult run() {
        labels.step("detectors");
        Dataset<Row> detections = detections().persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<Row>> cached = new ArrayList<>(List.of(detections));
        try {
            Map<PatternCode, Long> byPattern = new EnumMap<>(PatternCode.class);
            for (Row r : detections.groupBy(PATTERN).count().collectAsList()) {
                byPattern.put(PatternCode.valueOf(r.getString(0)), r.getLong(1));
            }
            long detectionCount = byPattern.values().stream().mapToLong(Long::longValue).sum();

            labels.step("combine scores");
            RuleBook.Listing listing = rules.listing();
            Dataset<Row> scored = SuspectRanking.withMinimumScore(
                    SuspectRanking.withModelScores(SuspectRanking.toEntityScores(detections, listing.uncorroboratedMax()), modelScores(), listing.modelWeight()),
                    listing.minScore()).persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(scored);
            long scoredCount = scored.count();

            Dataset<Row> allowlist = ReferenceSnapshots.asOf(read(Tables.REF_ALLOWLIST), day);
            labels.step("allowlist");
            Dataset<Row> portCodes = portCodes();
            long allowlisted = SuspectRanking.toAllowlisted(scored, allowlist, portCodes, day).count();
            Dataset<Row> previousLists = read(Tables.SUSPECTS).where(col(LIST_DATE).lt(lit(day)));
            Dataset<Row> kept = SuspectRanking.withoutAppealed(SuspectRanking.withoutAllowlisted(scored, allowlist, portCodes, day),
                    read(Tables.FEEDBACK), previousLists, day, listing.appealSuppressionDays(), listing.appealOverrideMargin(),
                    listing.minScore()).persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(kept);
            labels.step("appeals");
            long appealSuppressed = scoredCount - allowlisted - kept.count();

            Dataset<Row> ranked = SuspectRanking.toRanked(
                            SuspectRanking.withPoliceFlag(kept, read(Tables.POLICE_NOTICES), day), previousLists, day)
                    .withColumn(RUN_ID, lit(runId))
                    .withColumn(RULES_VERSION, lit(rules.versionLabel()))
                    .withColumn(MODEL_VERSION, lit(modelVersion()).cast("string"));
            replacePartition(Tables.SUSPECTS, day, ranked);

            Dataset<Row> written = readDay(Tables.SUSPECTS);
            labels.step("count back");
            Row counts = written.selectExpr("count(*)", "count_if(" + POLICE_NOTIFIED + ")").first();
            ScoreResult result = new ScoreResult(detectionCount, byPattern, scoredCount, allowlisted, appealSuppressed,
                    counts.getLong(0), counts.getLong(1), rules.versionLabel(), modelVersion());
            LOG.info("score {}: {}", day, result);
            return result;
        } finally {
            cached.forEach(d -> d.unpersist(false));
        }
    }

    /** The model's probabilities for D's numbers ({@code number, model_score}), or null on rules alone. */
    private Dataset<Row> modelScores() {
        return model == null ? null
                : ModelScores.toModelScores(model.model(), readDay(Tables.FEATURES_NUMBER), readDay(Tables.GRAPH_FEATURES_NUMBER));
    }

    private String modelVersion() {
        return model == null ? null : model.version();
    }

    /** Every detector over D's entities, as one frame of detections. */
    Dataset<Row> detections() {
        return detections(rules::detectorsFor);
    }

    /**
     * Every rule of the rules file on its own, over D's entities: one detection per entity and rule that fires
     * (column {@code rule}), not only the best rule of each detector. What {@code evaluate --by-rule} counts; the
     * list itself is made from {@link #detections()}. Costs what the score stage's detectors cost.
     */
    public Dataset<Row> detectionsRuleByRule() {
        return detections(type -> rules.detectorsFor(type).stream()
                .flatMap(d -> d.rules().stream().map(r -> new Detector(d.pattern(), type, d.uncorroboratedCategory(), List.of(r))))
                .toList());
    }

    private Dataset<Row> detections(Function<EntityType, List<Detector>> detectorsOf) {
        Dataset<Row> numbers = ScoringInputs.withServingDevice(
                ScoringInputs.withGraphFeatures(readDay(Tables.FEATURES_NUMBER), readDay(Tables.GRAPH_FEATURES_NUMBER),
                        readDay(Tables.GRAPH_RINGS)),
                servedPairs(), readDay(Tables.FEATURES_DEVICE), FeatureColumns.windowed(SIMS, windowDays));
        double cap = rules.listing().uncorroboratedMax();
        Dataset<Row> detections = null;
        for (EntityType type : EntityType.values()) {
            Dataset<Row> features = type == EntityType.NUMBER ? numbers : readDay(type.featuresTable());
            Dataset<Row> found = Detections.toDetections(features, type, type.keyColumn(), detectorsOf.apply(type), cap);
            detections = detections == null ? found : detections.unionByName(found);
        }
        return detections;
    }

    /** {@code entity_id, number}: the port codes each port customer sent from in the window (stored carried-number pairs). */
    private Dataset<Row> portCodes() {
        return read(DayState.CARRIED_NUMBER)
                .where(col(ENTITY_TYPE).equalTo(lit(EntityType.PORT_CUSTOMER.code()))
                        .and(col(TRAFFIC_DAY).between(lit(day.minusDays(windowDays - 1L)), lit(day))))
                .select(ENTITY_ID, NUMBER).distinct();
    }

    /** Distinct (number, device) pairs of the window's MO/MT records. */
    private Dataset<Row> servedPairs() {
        LocalDate first = day.minusDays(windowDays - 1L);
        Dataset<Row> voice = read(Tables.VOICE_CALLS).where(col(TRAFFIC_DAY).between(lit(first), lit(day)));
        Dataset<Row> sms = read(Tables.SMS_MESSAGES).where(col(TRAFFIC_DAY).between(lit(first), lit(day)));
        return ServedRows.toServedRows(voice, sms).where(col(NUMBER).isNotNull().and(col(IMEI).isNotNull()))
                .select(NUMBER, IMEI).distinct();
    }
}
