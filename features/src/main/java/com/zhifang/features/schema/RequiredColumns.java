package com.zhifang.features.schema;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The one check every transform makes before building its plan: are the columns it reads there?
 * Failing here names the operation and the missing columns, instead of Spark's analysis error deep
 * inside a composed plan. Metadata only (the schema), no Spark job.
 */
public final class RequiredColumns {
    private RequiredColumns() {}

    /**
     * @param op   name of the transform, for the message
     * @throws IllegalArgumentException listing every missing column and the columns that are there
     */
    public static void check(Dataset<Row> df, String op, String... columns) {
        Set<String> present = Set.of(df.columns());
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (!present.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(op + " needs column(s) " + missing + "; has " + Arrays.toString(df.columns()));
        }
    }

    /** {@link #check(Dataset, String, String...)} with a list. */
    public static void check(Dataset<Row> df, String op, List<String> columns) {
        check(df, op, columns.toArray(new String[0]));
    }
}
