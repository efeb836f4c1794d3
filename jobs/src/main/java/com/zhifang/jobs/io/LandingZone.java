package com.zhifang.jobs.io;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The landing zone's root folder (local path or Hadoop URI), as the commands that ingest see it. */
public final class LandingZone {
    private LandingZone() {}

    /** Whether the landing root exists: a missing one is a wrong {@code --landing}, told before anything is created. */
    public static boolean exists(SparkSession spark, String landingRoot) {
        Path root = new Path(landingRoot);
        try {
            return root.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at landing folder " + landingRoot + ": " + e.getMessage(), e);
        }
    }
}
