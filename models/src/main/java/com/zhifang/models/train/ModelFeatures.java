package com.zhifang.models.train;

import com.zhifang.features.domain.Code;
import com.zhifang.features.domain.ComplaintCategory;
import com.zhifang.features.domain.ComplaintChannel;
import com.zhifang.features.schema.FeatureColumns;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.ModelColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * The trained model's inputs, in one place: {@link #COLUMNS}, every one numeric (a double), built
 * from a {@code features_number} row and the {@code graph_features_number} row of the same number
 * and date by {@link #toModelInput}.
 *
 * <p>Nulls become 0. A separate missing indicator is added only where 0 would be ambiguous and no
 * other input tells: {@link #GRAPH_MISSING} (no graph row for the number and date, or no graph run
 * at all; every graph input is then 0). Ratios are null exactly when their denominator count is 0,
 * and that count is itself an input; as-of attributes are null for non-subscribers, which
 * {@code is_subscriber} says.
 *
 * <p>Left out because they encode the label ({@link #EXCLUDED}, with the reason for each):
 * <ul>
 *   <li>{@code police_notified}, {@code police_notified_on}: the police notice is the label;</li>
 *   <li>{@code status}: confirmed fraud lines are suspended, so {@code SUSPENDED} follows the label;</li>
 *   <li>{@code is_seed}: seeds are exactly the positive labels as of the graph date;</li>
 *   <li>{@code hops_to_seed}: 0 for a seed itself;</li>
 *   <li>{@code ppr_call}, {@code ppr_shared}: a seed's personalised PageRank holds its own restart
 *       mass, so for the positives (the seeds) the score measures themselves, not their contacts;
 *       the model would learn "is a seed" and score no unconfirmed number high. A leave-one-out
 *       recomputation (each positive's association without itself as a seed) would make them
 *       usable; it costs one walk per positive and is not done;</li>
 *   <li>{@code ring_id}: rings holding a seed are kept at a smaller size than unseeded ones, so
 *       membership partly says "is or is linked to a seed".</li>
 * </ul>
 * {@code seeds_sharing_device}, {@code seeds_sharing_identity} and
 * {@code covictim_max_similarity_to_seed} stay: they count <em>other</em> seeds (a pair never
 * links a number to itself), which is the association the model should learn.
 * String attributes ({@code plan}, {@code customer_type}, {@code reseller_id}) and the hour
 * profile array are not used (numeric inputs only).
 *
 * <p>Windows are the default ones (1 and 7 days); a features table built with other windows must
 * still hold these columns.
 */
public final class ModelFeatures {
    /** Window lengths the model reads. */
    public static final List<Integer> WINDOWS = List.of(1, 7);

    /** Windowed number features (each read as {@code <name>_1d} and {@code <name>_7d}). */
    public static final List<String> WINDOWED = Stream.of(
            Stream.of(CALLS_OUT, CALLS_IN, ANSWERED_OUT, ANSWER_RATE_OUT, ANSWER_RATE_IN, SHORT_CALL_SHARE,
                    DURATION_MEAN_S, DURATION_MEDIAN_S, DURATION_P90_S, ONE_RING_SHARE, ONE_RING_CALLS_IN, UNALLOCATED_SHARE,
                    NIGHT_SHARE, PEAK_HOUR_CALLS, PEAK_MINUTE_CALLS, CALLEES, CALLERS, CALLEE_BLOCKS, CALLEES_PER_BLOCK,
                    NEW_CALLEE_SHARE, SEQUENTIAL_SHARE, GAP_CV, BURSTINESS, CELLS, SMS_IN, SMS_OUT, SMS_RECIPIENTS,
                    DELIVERY_RATE, TEMPLATE_SHARE, TOP_TEMPLATE_MESSAGES, URL_SHARE, LINK_SENDERS, LINK_NEW_SENDERS,
                    COMPLAINTS_TOTAL),
            // Complaints by each category, then by each channel, in the contract's order.
            Code.codes(ComplaintCategory.class).stream().map(FeatureColumns::complaintsBy),
            Code.codes(ComplaintChannel.class).stream().map(FeatureColumns::complaintsBy),
            Stream.of(COMPLAINT_REPORTERS, RECIPROCITY, RECIPROCATED_CALLEES, ONE_RING_CALLEES, CALLBACKS_AFTER_ONE_RING))
            .flatMap(s -> s).toList();

    /** As-of-D attributes of the number (booleans read as 1/0). */
    public static final List<String> ATTRIBUTES = List.of(IS_SUBSCRIBER, SIM_AGE_DAYS, REAL_NAME_VERIFIED, SIMS_SAME_IDENTITY);

    /** {@code graph_features_number} columns used, each as {@code graph_<name>} ({@link ModelColumns#graphInput}). */
    public static final List<String> GRAPH = List.of(
            OUT_DEGREE, IN_DEGREE, NEIGHBOURS, RECIPROCITY, CALLS_OUT, CALLS_IN, SMS_OUT_NEIGHBOURS, SMS_IN_NEIGHBOURS,
            PAGERANK, TRIANGLES, CLUSTERING, SEEDS_SHARING_DEVICE, SEEDS_SHARING_IDENTITY,
            COVICTIM_MAX_SIMILARITY_TO_SEED, COVICTIM_SIMILAR_NUMBERS);

    /** Columns never used as inputs, and why (see the class comment). */
    public static final Map<String, String> EXCLUDED = excluded();

    /** Every model input, in the order the model's vector holds them. */
    public static final List<String> COLUMNS = columns();

    private ModelFeatures() {}

    /**
     * {@code number, feature_date,} then {@link #COLUMNS} (doubles, never null): each feature row
     * with the graph row of the same number and date ({@code graph_date = feature_date}), left
     * joined. {@code graphFeatures} may be empty (graph stage not run). Lazy; one shuffle join.
     */
    public static Dataset<Row> toModelInput(Dataset<Row> features, Dataset<Row> graphFeatures) {
        return toModelInput(features, graphFeatures, List.of());
    }

    /** {@link #toModelInput(Dataset, Dataset)} keeping {@code carried} columns of the feature rows after the key. */
    public static Dataset<Row> toModelInput(Dataset<Row> features, Dataset<Row> graphFeatures, List<String> carried) {
        List<String> featureColumns = new ArrayList<>(List.of(NUMBER, FEATURE_DATE));
        featureColumns.addAll(carried);
        featureColumns.addAll(behaviourColumns());
        RequiredColumns.check(features, "toModelInput", featureColumns);
        List<String> graphColumns = new ArrayList<>(List.of(NUMBER, GRAPH_DATE, HUB_REASON));
        graphColumns.addAll(GRAPH);
        RequiredColumns.check(graphFeatures, "toModelInput", graphColumns);

        List<Column> graphSide = new ArrayList<>(List.of(col(NUMBER).as("__g_number"), col(GRAPH_DATE).as("__g_date"),
                col(HUB_REASON).as("__g_hub_reason")));
        GRAPH.forEach(g -> graphSide.add(col(g).as(graphInput(g))));
        Dataset<Row> joined = features.select(featureColumns.stream().map(c -> col(c)).toArray(Column[]::new))
                .join(graphFeatures.select(graphSide.toArray(Column[]::new)),
                        col(NUMBER).equalTo(col("__g_number")).and(col(FEATURE_DATE).equalTo(col("__g_date"))), "left");

        List<Column> out = new ArrayList<>(List.of(col(NUMBER), col(FEATURE_DATE)));
        carried.forEach(c -> out.add(col(c)));
        for (String c : behaviourColumns()) {
            out.add(zeroIfNull(col(c)).as(c));
        }
        for (String g : GRAPH) {
            out.add(zeroIfNull(col(graphInput(g))).as(graphInput(g)));
        }
        out.add(when(col("__g_number").isNull(), lit(1.0)).otherwise(lit(0.0)).as(GRAPH_MISSING));
        out.add(when(col("__g_hub_reason").isNotNull(), lit(1.0)).otherwise(lit(0.0)).as(IS_HUB));
        return joined.select(out.toArray(Column[]::new));
    }

    /** Columns read from {@code features_number}. */
    static List<String> behaviourColumns() {
        List<String> columns = new ArrayList<>();
        for (String f : WINDOWED) {
            for (int w : WINDOWS) {
                columns.add(windowed(f, w));
            }
        }
        columns.addAll(ATTRIBUTES);
        return columns;
    }

    private static Column zeroIfNull(Column c) {
        return coalesce(c.cast("double"), lit(0.0));
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(behaviourColumns());
        GRAPH.forEach(g -> columns.add(graphInput(g)));
        columns.add(GRAPH_MISSING);
        columns.add(IS_HUB);
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalStateException("model input names collide: " + columns);
        }
        for (String c : columns) {
            String source = c.startsWith(graphInput("")) ? c.substring(graphInput("").length()) : c;
            if (EXCLUDED.containsKey(source) || EXCLUDED.containsKey(c)) {
                throw new IllegalStateException("model input " + c + " is excluded: " + EXCLUDED.get(source));
            }
        }
        return List.copyOf(columns);
    }

    private static Map<String, String> excluded() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(POLICE_NOTIFIED, "the police notice is the label");
        m.put(POLICE_NOTIFIED_ON, "the police notice is the label");
        m.put(STATUS, "confirmed fraud lines are suspended: the status follows the label");
        m.put(IS_SEED, "seeds are the positive labels as of the graph date");
        m.put(HOPS_TO_SEED, "0 for a seed itself");
        m.put(PPR_CALL, "a seed's own restart mass: measures the positive itself");
        m.put(PPR_SHARED, "a seed's own restart mass: measures the positive itself");
        m.put(RING_ID, "seeded rings are kept at a smaller size than unseeded ones");
        return Collections.unmodifiableMap(m);
    }
}
