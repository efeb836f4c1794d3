package com.zhifang.features.schema;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.util.Objects;

/**
 * The values of one row of a known schema, set by column name: a row built this way cannot put a
 * value in the wrong column when the schema changes, and naming a column the schema lacks fails at
 * once. Columns never set are null. One name lookup per value (a hash map inside {@link StructType}).
 */
public final class RowValues {
    private final StructType schema;
    private final Object[] values;

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
        values[schema.fieldIndex(column)] = value;
        return this;
    }

    /** The row, in the schema's column order. */
    public Row toRow() {
        return RowFactory.create(values.clone());
    }
}
