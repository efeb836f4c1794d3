package com.zhifang.features.schema;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.util.Objects;

/**
 * The values of one row of a known schema, set by column name: a row built this way cannot put a
 * value in the wrong column when the schema changes, and naming a column the schema lacks fails at
 * once. Columns never set are null. One name lookup per value (a hash map inside {@link StructType});
 * one instance per row.
 */
public final class RowValues {
    private final StructType schema;
    private final Object[] values;
    private boolean built;

    public RowValues(StructType schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.values = new Object[schema.size()];
    }

    /**
     * Sets {@code column} to {@code value}.
     *
     * @throws IllegalArgumentException when the schema has no such column
     */
    public RowValues set(String column, Object value) {
        if (built) {
            throw new IllegalStateException("row already built; " + column + " set after it");
        }
        values[schema.fieldIndex(column)] = value;
        return this;
    }

    /**
     * The value set for {@code column}, null when none was.
     *
     * @throws IllegalArgumentException when the schema has no such column
     */
    public Object get(String column) {
        return values[schema.fieldIndex(column)];
    }

    /**
     * The row, in the schema's column order. The row takes the values over (no copy: ingest builds
     * one per record), so nothing may be set after it.
     */
    public Row toRow() {
        if (built) {
            throw new IllegalStateException("row already built");
        }
        built = true;
        return RowFactory.create(values);
    }
}
