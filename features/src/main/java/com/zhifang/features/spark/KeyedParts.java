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
 * A chain of left joins on one key, done as one union and one aggregation: every key of
 * {@code keys} with the columns of each part that has a row for it (null where it has none), as
 * {@code keys.join(part1, key, "left").join(part2, key, "left")...} would give when every part
 * holds at most one row per key.
 *
 * <p>Why: a chain of k sort-merge joins shuffles and sorts the growing left side k times (at the
 * graph stage's 1.3 M numbers and ten parts, ten shuffles of an ever wider row). Here each part's
 * values travel as one struct column (the other parts' structs null), the union is shuffled once
 * and grouped once, and the group keeps each part's one non-null struct. Cost: one shuffle of
 * every row of {@code keys} and the parts; the aggregation of struct values is sort-based.
 *
 * <p>Assumptions: each part has at most one row per key (a join would repeat the key's row; here
 * one of the part's rows would be kept); rows with a null key are dropped from the parts (a join
 * never matches them); {@code keys} holds each key once; column names other than the key are
 * unique across {@code keys} and parts. Lazy.
 */
public final class KeyedParts {
    private static final String FROM_KEYS = "__from_keys";

    private KeyedParts() {}

    public static Dataset<Row> toLeftJoined(Dataset<Row> keys, String key, List<Dataset<Row>> parts) {
        RequiredColumns.check(keys, "keyed parts (keys)", key);
        // The keys' own columns travel as one more part (the last), so a key's row keeps them.
        List<Dataset<Row>> all = new ArrayList<>(parts);
        all.add(keys);
        int keysPart = parts.size();
        List<StructType> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            RequiredColumns.check(all.get(i), "keyed parts (part " + i + ")", key);
            StructType value = new StructType(Arrays.stream(all.get(i).schema().fields())
                    .filter(f -> !f.name().equals(key)).toArray(StructField[]::new));
            for (String c : value.fieldNames()) {
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("keyed parts: column " + c + " is in more than one part (or the keys)");
                }
            }
            values.add(value);
        }

        Dataset<Row> union = null;
        for (int i = 0; i < all.size(); i++) {
            Dataset<Row> part = i == keysPart ? all.get(i) : all.get(i).where(col(key).isNotNull());
            List<Column> cols = new ArrayList<>(List.of(col(key), lit(i == keysPart).as(FROM_KEYS)));
            for (int j = 0; j < all.size(); j++) {
                if (values.get(j).isEmpty()) {
                    continue;
                }
                Column value = j == i ? struct(Arrays.stream(values.get(j).fieldNames()).map(c -> col(c)).toArray(Column[]::new))
                        : lit(null).cast(values.get(j));
                cols.add(value.as(partColumn(j)));
            }
            Dataset<Row> wrapped = part.select(cols.toArray(new Column[0]));
            union = union == null ? wrapped : union.union(wrapped);
        }
        List<Column> aggregates = new ArrayList<>();
        for (int j = 0; j < all.size(); j++) {
            if (!values.get(j).isEmpty()) {
                aggregates.add(first(col(partColumn(j)), true).as(partColumn(j)));
            }
        }
        Dataset<Row> grouped = union.groupBy(col(key))
                .agg(max(col(FROM_KEYS)).as(FROM_KEYS), aggregates.toArray(new Column[0]))
                .where(col(FROM_KEYS));
        // The join chain's column order: the keys' columns, then each part's in turn.
        List<Column> out = new ArrayList<>(List.of(col(key)));
        for (int j : partOrder(keysPart)) {
            for (String c : values.get(j).fieldNames()) {
                out.add(col(partColumn(j)).getField(c).as(c));
            }
        }
        return grouped.select(out.toArray(new Column[0]));
    }

    private static List<Integer> partOrder(int keysPart) {
        List<Integer> order = new ArrayList<>(List.of(keysPart));
        for (int j = 0; j < keysPart; j++) {
            order.add(j);
        }
        return order;
    }

    private static String partColumn(int part) {
        return "__part" + part;
    }
}
