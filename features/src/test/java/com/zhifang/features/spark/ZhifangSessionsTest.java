package com.zhifang.features.spark;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ZhifangSessionsTest {
    private static final String MIN_PARTITION_SIZE = "spark.sql.adaptive.coalescePartitions.minPartitionSize";

    /**
     * Partitions of a shuffle of a few hundred KB (150,000 rows onto 75,000 keys) once adaptive
     * execution has coalesced it: under Spark's 1 MB floor, over twice ours.
     */
    private static int partitionsAfterShuffle(SparkSession spark) {
        Dataset<Row> grouped = spark.range(0, 150_000).groupBy(col("id").mod(75_000).as("key")).agg(count("*").as("n"));
        return grouped.rdd().getNumPartitions();
    }

    @Test
    void embeddedRunsCoalesceSmallButHeavyShufflesOntoEveryCore() {
        SparkSession spark = SparkTestSession.get();
        assertEquals(ZhifangSessions.EMBEDDED_MIN_PARTITION_SIZE, spark.conf().get(MIN_PARTITION_SIZE));
        assertEquals(2, partitionsAfterShuffle(spark), "local[2]: the shuffle keeps both cores");
        spark.conf().set(MIN_PARTITION_SIZE, "1m");
        try {
            assertEquals(1, partitionsAfterShuffle(spark), "Spark's own 1 MB floor makes it one task");
        } finally {
            spark.conf().set(MIN_PARTITION_SIZE, ZhifangSessions.EMBEDDED_MIN_PARTITION_SIZE);
        }
    }
}
