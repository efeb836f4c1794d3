package com.zhifang.features.spark;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ZhifangSessionsTest {
    private static final String COALESCE = "spark.sql.adaptive.coalescePartitions.enabled";

    /**
     * Partitions of the last step of a day-state assembly in miniature (two parts aggregated by key
     * separately, unioned, grouped again by key), as adaptive execution runs it: 150,000 rows, a
     * shuffle of a few hundred KB.
     */
    private static int assemblyPartitions(SparkSession spark) {
        Dataset<Row> rows = spark.range(0, 150_000).withColumn("key", col("id").mod(75_000));
        Dataset<Row> counts = rows.groupBy("key").agg(count("*").as("n"), lit(null).cast("long").as("total"));
        Dataset<Row> sums = rows.groupBy("key").agg(lit(null).cast("long").as("n"), sum("id").as("total"));
        return counts.unionByName(sums).groupBy("key").agg(first("n", true), first("total", true)).rdd().getNumPartitions();
    }

    @Test
    void embeddedRunsKeepEveryShufflePartitionSoHeavySmallShufflesUseEveryCore() {
        SparkSession spark = SparkTestSession.get();
        assertEquals("false", spark.conf().get(COALESCE));
        assertEquals(2, assemblyPartitions(spark), "local[2], 2 shuffle partitions: both cores");
        spark.conf().set(COALESCE, "true");
        try {
            assertEquals(1, assemblyPartitions(spark), "Spark's coalescing makes it one task");
        } finally {
            spark.conf().set(COALESCE, "false");
        }
    }
}
