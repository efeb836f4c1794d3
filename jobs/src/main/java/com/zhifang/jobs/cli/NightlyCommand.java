package com.zhifang.jobs.cli;

import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code zhifang nightly} and the single-stage commands ({@code ingest}, {@code features},
 * {@code graph}, {@code score}, {@code export}): the same job, with every stage or with one.
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

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Rules file for the score stage (default: the built-in conf/rules/zhifang-rules.json).")
    Path rules;

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
            newJob(spark).run(command, settings, stages());
        }
        return 0;
    }

    NightlyJob newJob(SparkSession spark) {
        return new NightlyJob(spark, Clock.systemUTC(), graphSettings(), RuleBook.load(rules));
    }

    /** The stages to run; {@code nightly} adds the optional ones its flags ask for. */
    EnumSet<NightlyStage> stages() {
        return EnumSet.copyOf(stages);
    }

    /** Graph stage settings; the graph subcommand, which has options of its own, overrides it. */
    GraphSettings graphSettings() {
        return GraphSettings.defaults();
    }

    @Command(name = "nightly", mixinStandardHelpOptions = true,
            description = "Run every nightly stage for a day, or for a range of days in order.")
    public static final class Nightly extends NightlyCommand {
        @Option(names = "--optimize", description = "Also compact and Z-order the day's partitions of the big tables "
                + "(worth it on a cluster; see docs/scaling.md).")
        boolean optimize;

        public Nightly() {
            super("nightly", NightlyStage.nightly());
        }

        @Override
        EnumSet<NightlyStage> stages() {
            EnumSet<NightlyStage> stages = super.stages();
            if (optimize) {
                stages.add(NightlyStage.OPTIMIZE);
            }
            return stages;
        }
    }

    @Command(name = "optimize", mixinStandardHelpOptions = true,
            description = "Compact the day's partitions of the big tables (or a range's) and Z-order them by number.")
    public static final class Optimize extends NightlyCommand {
        public Optimize() {
            super("optimize", EnumSet.of(NightlyStage.OPTIMIZE));
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest a landing day (or a range) into the warehouse's Delta tables.")
    public static final class Ingest extends NightlyCommand {
        public Ingest() {
            super("ingest", EnumSet.of(NightlyStage.INGEST));
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Run the detectors and rank the day's suspect list (or a range's) from the features and graph tables.")
    public static final class Score extends NightlyCommand {
        public Score() {
            super("score", EnumSet.of(NightlyStage.SCORE));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write exports/<D>/suspects.csv and manifest.json from the day's suspect list (or a range's).")
    public static final class Export extends NightlyCommand {
        public Export() {
            super("export", EnumSet.of(NightlyStage.EXPORT));
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
