package com.zhifang.jobs.cli;

import com.zhifang.features.spark.ZhifangSessions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options every Spark-running command shares. Under spark-submit the master comes from spark-submit. */
public final class SparkOptions {
    @Option(names = "--master", description = "Spark master for embedded runs (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai",
            description = "Carrier time zone that decides the traffic day (default: ${DEFAULT-VALUE}).")
    ZoneId carrierZone;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting; repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--ui", description = "Start the Spark UI in embedded runs (off by default).")
    boolean ui;

    public ZoneId carrierZone() {
        return carrierZone;
    }

    public SparkSession open(String appName) {
        return ZhifangSessions.open(appName, master, carrierZone, ui, conf);
    }
}
