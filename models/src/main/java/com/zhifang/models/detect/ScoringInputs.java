package com.zhifang.models.detect;

import com.zhifang.features.schema.ModelColumns;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static com.zhifang.features.schema.FeatureColumns.FEATURE_DATE;
import static com.zhifang.features.schema.GraphColumns.GRAPH_DATE;
import static com.zhifang.features.schema.GraphColumns.RING_ID;
import static com.zhifang.features.schema.GraphColumns.SEED_COUNT;
import static com.zhifang.features.schema.GraphColumns.SIZE;
import static com.zhifang.features.schema.ModelColumns.graphInput;
import static com.zhifang.features.schema.RecordColumns.IMEI;
import static com.zhifang.features.schema.RecordColumns.NUMBER;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

/**
 * What the number detectors read besides the number's own behaviour features: its graph features
 * (named by {@code ModelColumns.graphInput}: {@code graph_<name>}), the size and seed count of its ring, and the features of the device
 * it was served on (prefixed {@code device_}), so that one rules file can say "a SIM in a SIM box"
 * or "shares a device with confirmed fraud" about a number.
 *
 * <p>Cost: left joins of the day's number features with the day's graph features (one row per
 * number each: a shuffle join), the rings (broadcast, small) and the per-number device summary
 * (an aggregation of the window's distinct served (number, device) pairs joined with the devices).
 */
public final class ScoringInputs {
    public static final String DEVICE_PREFIX = "device_";
    public static final String RING_SEED_COUNT = "ring_seed_count";
    public static final String RING_SIZE = "ring_size";

    private ScoringInputs() {
    }

    /**
     * Adds every graph feature as {@code graph_<name>} (null when the number is not in the graph),
     * and {@code ring_seed_count}, {@code ring_size} of its ring (null when in none).
     */
    public static Dataset<Row> withGraphFeatures(Dataset<Row> numbers, Dataset<Row> graphNumbers, Dataset<Row> rings) {
        RequiredColumns.check(numbers, "withGraphFeatures", NUMBER);
        RequiredColumns.check(graphNumbers, "withGraphFeatures (graph features)", NUMBER, RING_ID);
        RequiredColumns.check(rings, "withGraphFeatures (rings)", RING_ID, SEED_COUNT, SIZE);
        List<Column> graph = new ArrayList<>();
        graph.add(col(NUMBER).as("_g_number"));
        for (String c : graphNumbers.columns()) {
            if (!c.equals(NUMBER) && !c.equals(GRAPH_DATE)) {
                graph.add(col(c).as(graphInput(c)));
            }
        }
        Dataset<Row> ringSizes = rings.select(col(RING_ID).as("_r_id"), col(SEED_COUNT).as(RING_SEED_COUNT), col(SIZE).as(RING_SIZE));
        return numbers
                .join(graphNumbers.select(graph.toArray(new Column[0])), col(NUMBER).equalTo(col("_g_number")), "left")
                .drop("_g_number")
                .join(broadcast(ringSizes), col(graphInput(RING_ID)).equalTo(col("_r_id")), "left")
                .drop("_r_id");
    }

    /**
     * Adds, from the device with the most SIMs among those the number was served on, that device's
     * IMEI as {@code device_imei} and every device feature as {@code device_<name>} (null when the
     * number was served on no known device).
     *
     * @param servedPairs distinct {@code number, imei} pairs of the window (MO/MT records)
     * @param devices     the day's device features ({@code imei}, {@code sims_7d}, ...)
     * @param rankBy      the device feature that picks "the" device of a number, e.g. {@code sims_7d}
     */
    public static Dataset<Row> withServingDevice(Dataset<Row> numbers, Dataset<Row> servedPairs, Dataset<Row> devices, String rankBy) {
        RequiredColumns.check(numbers, "withServingDevice", NUMBER);
        RequiredColumns.check(servedPairs, "withServingDevice (served pairs)", NUMBER, IMEI);
        RequiredColumns.check(devices, "withServingDevice (devices)", IMEI, rankBy);
        Set<String> skip = Set.of(IMEI, FEATURE_DATE);
        String[] deviceColumns = Arrays.stream(devices.columns()).filter(c -> !skip.contains(c)).toArray(String[]::new);
        List<Column> picked = new ArrayList<>();
        picked.add(col(NUMBER).as("_d_number"));
        picked.add(col("_best." + IMEI).as(DEVICE_PREFIX + IMEI));
        for (String c : deviceColumns) {
            picked.add(col("_best." + c).as(DEVICE_PREFIX + c));
        }
        List<Column> structFields = new ArrayList<>();
        structFields.add(col(IMEI));
        for (String c : deviceColumns) {
            structFields.add(col(c));
        }
        Dataset<Row> perNumber = servedPairs.select(NUMBER, IMEI).join(devices, IMEI)
                .groupBy(NUMBER)
                .agg(max_by(struct(structFields.toArray(new Column[0])), struct(col(rankBy), col(IMEI))).as("_best"))
                .select(picked.toArray(new Column[0]));
        return numbers.join(perNumber, col(NUMBER).equalTo(col("_d_number")), "left").drop("_d_number");
    }
}
