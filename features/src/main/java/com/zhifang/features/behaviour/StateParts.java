package com.zhifang.features.behaviour;

import com.zhifang.features.schema.Columns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Assembles one day's state rows from parts computed separately (calls out, calls in, SMS,
 * complaints...), each holding the keys and some of the state columns, one row per key.
 *
 * <p>Instead of a chain of full outer joins (a shuffle of both sides per join), the parts are
 * padded with typed nulls to the full schema, unioned and grouped once by key, keeping each
 * column's only non-null value: one shuffle of the (already aggregated, small) parts. Counters an
 * entity has no part for become 0.
 */
public final class StateParts {
    private StateParts() {}

    public static Dataset<Row> combine(EntityFeatures def, LocalDate day, List<Dataset<Row>> parts) {
        List<StructField> fields = new ArrayList<>(def.keys());
        def.state().forEach(s -> fields.addAll(s.physicalFields()));
        Dataset<Row> union = null;
        for (Dataset<Row> part : parts) {
            Set<String> has = Set.of(part.columns());
            Column[] cols = fields.stream()
                    .map(f -> has.contains(f.name()) ? col(f.name()).cast(f.dataType()).as(f.name()) : EntityFeatures.nullOf(f))
                    .toArray(Column[]::new);
            Dataset<Row> padded = part.select(cols);
            union = union == null ? padded : union.unionByName(padded);
        }
        Column[] keys = def.keyNames().stream().map(k -> col(k)).toArray(Column[]::new);
        List<Column> values = new ArrayList<>();
        for (StateColumn s : def.state()) {
            for (StructField f : s.physicalFields()) {
                Column v = first(col(f.name()), true);
                boolean counter = s.merge() == StateColumn.Merge.SUM || s.merge() == StateColumn.Merge.MAX
                        || f.name().equals(s.exactColumn());
                values.add((counter ? coalesce(v, lit(0).cast(f.dataType())) : v).as(f.name()));
            }
        }
        Dataset<Row> combined = union.groupBy(keys).agg(values.get(0), values.subList(1, values.size()).toArray(new Column[0]))
                .withColumn(Columns.TRAFFIC_DAY, lit(day));
        return EntityFeatures.conform(combined, def.stateSchema(), "combine(" + def.entityType() + ")");
    }
}
