package com.zhifang.features.behaviour;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;

import java.util.function.Function;

/**
 * One output feature of a window: a name (suffixed {@code _<n>d} in the table), its type, and its
 * value as an expression over the window's merged state values.
 */
public record WindowFeature(String name, DataType type, Function<Merged, Column> value) {

    /** The merged state values of one window, by state column name. */
    public interface Merged {
        /** The merged value of a state column (a distinct count comes as its estimate). */
        Column get(String stateColumn);

        /** The same as a SQL identifier, for expressions written in SQL. */
        String sql(String stateColumn);

        /** Window length in days. */
        int days();
    }
}
