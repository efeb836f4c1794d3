package com.zhifang.features.behaviour;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.schema.FeatureColumns;
import com.zhifang.features.schema.RecordColumns;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.col;

/**
 * What is known about one entity type (number, device, trunk, port customer): its key, its per-day
 * state (what is stored per traffic day), its window features (computed from merged states) and its
 * as-of attributes (facts about the entity on the feature date, not windowed). Joined features are
 * window features computed outside the day state (from contact pairs or carried numbers) and
 * joined to the merged row, or computed from both after that join (a number's new-callee share).
 *
 * <p>The state schema is {@code traffic_day, keys..., state columns...}; the output schema is
 * {@code keys..., feature_date, attributes..., <feature>_<n>d...} with the windows of each feature
 * side by side ({@code calls_out_1d, calls_out_7d, ...}), so column names are stable for a given
 * window list.
 */
public record EntityFeatures(EntityType entityType, List<StructField> keys, List<StateColumn> state,
                             List<WindowFeature> features, List<StructField> joinedFeatures,
                             List<StructField> attributes) {

    public EntityFeatures {
        keys = List.copyOf(keys);
        state = List.copyOf(state);
        features = List.copyOf(features);
        joinedFeatures = List.copyOf(joinedFeatures);
        attributes = List.copyOf(attributes);
    }

    public List<String> keyNames() {
        return keys.stream().map(StructField::name).toList();
    }

    public StateColumn stateColumn(String name) {
        return state.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(entityType + " has no state column " + name));
    }

    /**
     * Whether the feature column {@code windowedFeature} ({@code <feature>_<n>d}) is an estimate a
     * person cannot recount exactly from the records: a distinct count over more than one day
     * (merged from HyperLogLog sketches) or a duration quantile (interpolated inside a histogram
     * bucket). Every other feature is a count, a sum, a maximum or a ratio of them, exact.
     * Columns that are not windowed features (attributes, keys) are exact.
     */
    public boolean isEstimate(String windowedFeature) {
        Matcher m = WINDOWED.matcher(windowedFeature);
        if (!m.matches()) {
            return false;
        }
        String base = m.group(1);
        int days = Integer.parseInt(m.group(2));
        if (base.equals(FeatureColumns.DURATION_MEDIAN_S)
                || base.equals(FeatureColumns.DURATION_P90_S)) {
            return true;
        }
        return days > 1 && state.stream().anyMatch(s -> s.name().equals(base) && s.merge() == StateColumn.Merge.DISTINCT);
    }

    private static final Pattern WINDOWED = Pattern.compile("(.+)_(\\d+)d");

    /** Schema of the per-day state table. */
    public StructType stateSchema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(RecordColumns.TRAFFIC_DAY, DataTypes.DateType, false));
        fields.addAll(keys);
        state.forEach(s -> fields.addAll(s.physicalFields()));
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** Schema of the features table for the given window lengths. */
    public StructType outputSchema(List<Integer> windows) {
        List<StructField> fields = new ArrayList<>(keys);
        fields.add(DataTypes.createStructField(FeatureColumns.FEATURE_DATE, DataTypes.DateType, false));
        fields.addAll(attributes);
        for (WindowFeature f : features) {
            for (int w : windows) {
                fields.add(DataTypes.createStructField(FeatureColumns.windowed(f.name(), w), f.type(), true));
            }
        }
        for (StructField f : joinedFeatures) {
            for (int w : windows) {
                fields.add(DataTypes.createStructField(FeatureColumns.windowed(f.name(), w), f.dataType(), true));
            }
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** Columns of {@code df} in the order and types of {@code schema} (every one must be there). */
    public static Dataset<Row> conform(Dataset<Row> df, StructType schema, String op) {
        RequiredColumns.check(df, op, schema.fieldNames());
        Column[] cols = new Column[schema.fields().length];
        for (int i = 0; i < cols.length; i++) {
            StructField f = schema.fields()[i];
            cols[i] = col(f.name()).cast(f.dataType()).as(f.name());
        }
        return df.select(cols);
    }
}
