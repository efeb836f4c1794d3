package com.zhifang.features.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The check every transform makes first: fail at plan-building time, naming what is missing, rather
 * than with Spark's unresolved-column error deep inside a later job.
 */
public final class RequiredColumns {
    private RequiredColumns() {}

    public static void check(Dataset<Row> frame, String what, String... columns) {
        Set<String> present = Set.of(frame.columns());
        List<String> missing = Arrays.stream(columns).filter(c -> !present.contains(c)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + " lacks column(s) " + missing + "; has " + present);
        }
    }
}
