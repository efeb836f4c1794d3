package com.zhifang.features.spark;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Frames that each hold some columns of the same keys, put together by one union and one
 * aggregation instead of a chain of joins (each join a shuffle and sort of both sides, of an ever
 * wider left side).
 *
 * <p>Each part's values travel as one struct column, the other parts' structs null, and the
 * grouping keeps each part's one non-null struct ({@link #toPartStructs}). Padding every part to
 * all columns and taking the first non-null value per column instead makes every union row as wide
 * as the result (Spark then sorts rather than hashes when some columns are arrays or binary) and
 * the aggregation one function per column. Cost: one shuffle of every part's rows (none when the
 * parts already share a partitioning by the grouping columns, which their union keeps); the
 * aggregation of struct values is sort-based.
 *
 * <p>Assumptions: each part has at most one row per key (otherwise one of its rows is kept); rows
 * with a null key are dropped from the parts of {@link #toLeftJoined} (a join never matches them).
 * Lazy.
 */
public final class KeyedParts {
    private static final String FROM_KEYS = "__from_keys";

    private KeyedParts() {}

    /**
     * One row per distinct value of {@code groupColumns} in any part: the group columns, then
     * {@link #part}{@code (i)} for each part i, a struct of the part's other columns (null when the
     * part has no row for the group). A part with no other columns gets no struct.
     */
    public static Dataset<Row> toPartStructs(List<Dataset<Row>> parts, List<String> groupColumns) {
        List<StructType> values = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            RequiredColumns.check(parts.get(i), "keyed parts (part " + i + ")", groupColumns);
            values.add(new StructType(Arrays.stream(parts.get(i).schema().fields())
                    .filter(f -> !groupColumns.contains(f.name())).toArray(StructField[]::new)));
        }
        Dataset<Row> union = null;
        for (int i = 0; i < parts.size(); i++) {
            List<Column> cols = new ArrayList<>(groupColumns.stream().map(c -> col(c)).toList());
            for (int j = 0; j < parts.size(); j++) {
                if (!values.get(j).isEmpty()) {
                    cols.add((j == i ? struct(Arrays.stream(values.get(j).fieldNames()).map(c -> col(c)).toArray(Column[]::new))
                            : lit(null).cast(values.get(j))).as(partName(j)));
                }
            }
            Dataset<Row> wrapped = parts.get(i).select(cols.toArray(new Column[0]));
            union = union == null ? wrapped : union.union(wrapped);
        }
        List<Column> firsts = new ArrayList<>();
        for (int j = 0; j < parts.size(); j++) {
            if (!values.get(j).isEmpty()) {
                firsts.add(first(col(partName(j)), true).as(partName(j)));
            }
        }
        Column[] groups = groupColumns.stream().map(c -> col(c)).toArray(Column[]::new);
        return firsts.isEmpty() ? union.select(groups).distinct()
                : union.groupBy(groups).agg(firsts.get(0), firsts.subList(1, firsts.size()).toArray(new Column[0]));
    }

    /** The struct column of part {@code i} in {@link #toPartStructs}' result. */
    public static Column part(int i) {
        return col(partName(i));
    }

    /**
     * Every key of {@code keys} (each held once) with the columns of each part that has a row for
     * it, null where it has none: what {@code keys.join(part1, key, "left").join(part2, key,
     * "left")...} gives, in the same column order. Column names other than the key must be unique
     * across {@code keys} and the parts.
     */
    public static Dataset<Row> toLeftJoined(Dataset<Row> keys, String key, List<Dataset<Row>> parts) {
        RequiredColumns.check(keys, "keyed parts (keys)", key);
        List<Dataset<Row>> all = new ArrayList<>();
        for (Dataset<Row> part : parts) {
            all.add(part.where(col(key).isNotNull()));
        }
        // The keys come last; the flag makes their struct non-null exactly for the keys.
        all.add(keys.withColumn(FROM_KEYS, lit(true)));
        int keysPart = parts.size();
        Set<String> seen = new HashSet<>();
        for (Dataset<Row> part : all) {
            for (String c : part.columns()) {
                if (!c.equals(key) && !seen.add(c)) {
                    throw new IllegalArgumentException("keyed parts: column " + c + " is in more than one part (or the keys)");
                }
            }
        }
        List<Column> out = new ArrayList<>(List.of(col(key)));
        for (int j : joinOrder(keysPart)) {
            for (String c : all.get(j).columns()) {
                if (!c.equals(key) && !c.equals(FROM_KEYS)) {
                    out.add(part(j).getField(c).as(c));
                }
            }
        }
        return toPartStructs(all, List.of(key)).where(part(keysPart).isNotNull()).select(out.toArray(new Column[0]));
    }

    /** The join chain's column order: the keys' columns, then each part's in turn. */
    private static List<Integer> joinOrder(int keysPart) {
        List<Integer> order = new ArrayList<>(List.of(keysPart));
        for (int j = 0; j < keysPart; j++) {
            order.add(j);
        }
        return order;
    }

    private static String partName(int part) {
        return "__part" + part;
    }
}
