package com.zhifang.jobs.cli;

import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.io.WarehouseLease;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code --lease-stale-after MINUTES}: the commands that write the warehouse take its lease
 * ({@link WarehouseLease}); read-only commands ({@code sql}, {@code evaluate}) do not have this option.
 */
public final class LeaseOption {
    @Option(names = "--lease-stale-after", paramLabel = "MINUTES", defaultValue = "10",
            description = "Take over the warehouse lease of a run that has not heartbeaten for this many minutes "
                    + "(its process is presumed gone; default: ${DEFAULT-VALUE}). Holders beat every 30 s.")
    long staleAfterMinutes;

    WarehouseLease.Settings settings() {
        return new WarehouseLease.Settings(WarehouseLease.Settings.DEFAULT.heartbeatEvery(), Duration.ofMinutes(staleAfterMinutes));
    }

    /** Takes the warehouse's lease, or fails naming its live holder. */
    public WarehouseLease acquire(SparkSession spark, Warehouse warehouse, String command) {
        return WarehouseLease.acquire(spark.sparkContext().hadoopConfiguration(), warehouse, command, settings(), Clock.systemUTC());
    }
}
