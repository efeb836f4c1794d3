package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RecordColumns;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Assembles one day's state rows from parts computed separately (calls out, calls in, SMS,
 * complaints...), each holding the keys and some of the state columns, one row per key.
 *
 * <p>Instead of a chain of full outer joins (a shuffle of both sides per join), the parts are
 * unioned and grouped once by key. Several parts must each be grouped by {@link HashedKeys}: they
 * then share one partitioning, which their union keeps, so the grouping needs no shuffle. Each
 * part's values travel as one struct column, the other parts' structs null, and the merge keeps
 * each part's one non-null struct. Padding every part to the full state schema and taking the
 * first non-null value per column instead made every union row as wide as the state (over a
 * hundred columns for numbers, some of them arrays and sketches, so Spark sorts rather than
 * hashes) and the merge one aggregate per column. A single part is already one row per key and
 * is not grouped at all. Counters an entity has no part for become 0.
 */
public final class StateParts {
    private StateParts() {}

    public static Dataset<Row> combine(EntityFeatures def, LocalDate day, List<Dataset<Row>> parts) {
        List<StructField> fields = new ArrayList<>();
        def.state().forEach(s -> fields.addAll(s.physicalFields()));
        Column[] keys = def.keys().stream().map(k -> col(k.name()).cast(k.dataType()).as(k.name())).toArray(Column[]::new);
        // The state fields each part produces, in state order.
        List<StructType> partTypes = parts.stream().map(part -> {
            Set<String> has = Set.of(part.columns());
            return new StructType(fields.stream().filter(f -> has.contains(f.name())).toArray(StructField[]::new));
        }).toList();
        // State field name -> where its value is in `merged`; fields no part produces are absent.
        Map<String, Column> available = new LinkedHashMap<>();
        Dataset<Row> merged;
        if (parts.size() == 1) {
            List<Column> cols = new ArrayList<>(List.of(keys));
            for (String name : partTypes.get(0).fieldNames()) {
                cols.add(col(name));
                available.put(name, col(name));
            }
            merged = parts.get(0).select(cols.toArray(new Column[0]));
        } else {
            parts.forEach(part -> RequiredColumns.check(part, "combine(" + def.entityType() + ")", HashedKeys.KEY_HASH));
            for (int j = 0; j < parts.size(); j++) {
                for (String name : partTypes.get(j).fieldNames()) {
                    Column value = col(partColumn(j)).getField(name);
                    available.merge(name, value, (earlier, later) -> coalesce(earlier, later));
                }
            }
            Dataset<Row> union = null;
            for (int i = 0; i < parts.size(); i++) {
                List<Column> cols = new ArrayList<>(List.of(keys));
                cols.add(col(HashedKeys.KEY_HASH));
                for (int j = 0; j < parts.size(); j++) {
                    cols.add((j == i ? struct(Arrays.stream(partTypes.get(j).fields())
                            .map(f -> col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new))
                            : lit(null).cast(partTypes.get(j))).as(partColumn(j)));
                }
                Dataset<Row> wrapped = parts.get(i).select(cols.toArray(new Column[0]));
                union = union == null ? wrapped : union.unionByName(wrapped);
            }
            List<Column> firsts = new ArrayList<>();
            for (int j = 0; j < parts.size(); j++) {
                firsts.add(first(col(partColumn(j)), true).as(partColumn(j)));
            }
            List<Column> groupKeys = new ArrayList<>(List.of(col(HashedKeys.KEY_HASH)));
            def.keyNames().forEach(k -> groupKeys.add(col(k)));
            merged = union.groupBy(groupKeys.toArray(new Column[0]))
                    .agg(firsts.get(0), firsts.subList(1, firsts.size()).toArray(new Column[0]));
        }
        List<Column> out = new ArrayList<>(def.keyNames().stream().map(k -> col(k)).toList());
        for (StateColumn s : def.state()) {
            for (StructField f : s.physicalFields()) {
                Column v = available.getOrDefault(f.name(), lit(null)).cast(f.dataType());
                boolean counter = s.merge() == StateColumn.Merge.SUM || s.merge() == StateColumn.Merge.MAX
                        || f.name().equals(s.exactColumn());
                out.add((counter ? coalesce(v, lit(0).cast(f.dataType())) : v).as(f.name()));
            }
        }
        out.add(lit(day).as(RecordColumns.TRAFFIC_DAY));
        return EntityFeatures.conform(merged.select(out.toArray(new Column[0])), def.stateSchema(), "combine(" + def.entityType() + ")");
    }

    private static String partColumn(int part) {
        return "_part" + part;
    }
}
