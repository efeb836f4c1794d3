package com.zhifang.jobs.cli;

import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code zhifang nightly}, {@code zhifang ingest} and {@code zhifang features}: the same job, with every
 * stage, ingest only, or features only.
 */
public class NightlyCommand implements Callable<Integer> {
    @Option(names = "--landing", description = "Landing zone root (<landing>/<YYYY-MM-DD>/...); needed by ingest.")
    String landing;

    @Option(names = "--warehouse", required = true, description = "Warehouse folder (tables, runs, exports).")
    String warehouse;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DaySelection days;

    @Option(names = "--windows", split = ",", paramLabel = "DAYS", defaultValue = "1,7",
            description = "Feature window lengths in days, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> windows;

    @Mixin
    SparkOptions sparkOptions;

    private final String command;
    private final EnumSet<NightlyStage> stages;

    NightlyCommand(String command, EnumSet<NightlyStage> stages) {
        this.command = command;
        this.stages = stages;
    }

    @Override
    public Integer call() throws Exception {
        NightlySettings settings = new NightlySettings(landing, new Warehouse(warehouse), days.days(), sparkOptions.carrierZone(),
                windows);
        try (SparkSession spark = sparkOptions.open("zhifang " + command)) {
            newJob(spark).run(command, settings, stages);
        }
        return 0;
    }

    /** The job to run; subcommands with stage options of their own override it. */
    NightlyJob newJob(SparkSession spark) {
        return new NightlyJob(spark, Clock.systemUTC());
    }

    @Command(name = "nightly", mixinStandardHelpOptions = true,
            description = "Run every nightly stage for a day, or for a range of days in order.")
    public static final class Nightly extends NightlyCommand {
        public Nightly() {
            super("nightly", EnumSet.allOf(NightlyStage.class));
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest a landing day (or a range) into the warehouse's Delta tables.")
    public static final class Ingest extends NightlyCommand {
        public Ingest() {
            super("ingest", EnumSet.of(NightlyStage.INGEST));
        }
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "Compute behaviour features of numbers, devices, trunks and port customers for a day (or a range) "
                    + "from the warehouse's ingested records.")
    public static final class Features extends NightlyCommand {
        public Features() {
            super("features", EnumSet.of(NightlyStage.FEATURES));
        }
    }
}
