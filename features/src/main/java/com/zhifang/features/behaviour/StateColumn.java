package com.zhifang.features.behaviour;

import com.zhifang.features.schema.FeatureColumns;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

import java.util.List;

/**
 * One value of a per-day state and how days merge into a window. Every kind is mergeable without
 * going back to the records: sums and maxima add up, histograms add element-wise, HLL sketches
 * union, count maps add per key.
 *
 * @param name  column name (for {@link Merge#DISTINCT} the base name of its two physical columns)
 * @param type  physical type of a SUM/MAX column (long or double); ignored by the other kinds
 * @param merge how days merge
 * @param size  number of buckets of an {@link Merge#ARRAY_SUM} histogram
 */
public record StateColumn(String name, DataType type, Merge merge, int size) {

    /** How the days of a window merge. */
    public enum Merge {
        /** Counts and sums: add. */
        SUM,
        /** Daily maxima (e.g. busiest hour): the largest. */
        MAX,
        /**
         * Distinct count: an exact daily count ({@code <name>_exact}, used as is for a 1-day window)
         * and an HLL sketch ({@code <name>_hll}, unioned for longer windows, about 1.6 % error).
         */
        DISTINCT,
        /** Fixed-size histogram (array of longs): add element-wise. */
        ARRAY_SUM,
        /** Map of key to count (e.g. text fingerprint to messages): add per key. */
        COUNT_MAP
    }

    public static StateColumn counter(String name) {
        return new StateColumn(name, DataTypes.LongType, Merge.SUM, 0);
    }

    public static StateColumn counterDouble(String name) {
        return new StateColumn(name, DataTypes.DoubleType, Merge.SUM, 0);
    }

    public static StateColumn maxOf(String name) {
        return new StateColumn(name, DataTypes.LongType, Merge.MAX, 0);
    }

    public static StateColumn distinctCount(String name) {
        return new StateColumn(name, DataTypes.LongType, Merge.DISTINCT, 0);
    }

    public static StateColumn histogram(String name, int buckets) {
        return new StateColumn(name, DataTypes.LongType, Merge.ARRAY_SUM, buckets);
    }

    public static StateColumn countMap(String name) {
        return new StateColumn(name, DataTypes.LongType, Merge.COUNT_MAP, 0);
    }

    public static final DataType COUNT_MAP_TYPE = DataTypes.createMapType(DataTypes.LongType, DataTypes.LongType, true);
    public static final DataType HISTOGRAM_TYPE = DataTypes.createArrayType(DataTypes.LongType, true);

    public String exactColumn() {
        return name + FeatureColumns.EXACT_SUFFIX;
    }

    public String sketchColumn() {
        return name + FeatureColumns.HLL_SUFFIX;
    }

    /** The stored columns: one, or two for a distinct count. All nullable: a state row may lack a part. */
    public List<StructField> physicalFields() {
        return switch (merge) {
            case SUM, MAX -> List.of(DataTypes.createStructField(name, type, true));
            case DISTINCT -> List.of(DataTypes.createStructField(exactColumn(), DataTypes.LongType, true),
                    DataTypes.createStructField(sketchColumn(), DataTypes.BinaryType, true));
            case ARRAY_SUM -> List.of(DataTypes.createStructField(name, HISTOGRAM_TYPE, true));
            case COUNT_MAP -> List.of(DataTypes.createStructField(name, COUNT_MAP_TYPE, true));
        };
    }
}
