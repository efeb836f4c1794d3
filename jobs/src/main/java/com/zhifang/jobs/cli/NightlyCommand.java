package com.zhifang.jobs.cli;

import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.jobs.export.ExportSettings;
import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.io.LandingZone;
import com.zhifang.jobs.io.WarehouseLease;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The stage commands ({@code nightly}, {@code ingest}, {@code features}, {@code graph}, {@code score},
 * {@code export}, {@code optimize}): the same job with every stage or with one. Each command declares
 * only the options its stages read; the warehouse, the days, the Spark options and the lease are
 * mixins they all share. All of them write the warehouse, so all of them take its lease.
 */
public abstract class NightlyCommand implements Callable<Integer> {
    @Mixin
    WarehouseOption warehouse;

    @Mixin
    DaysOption days;

    @Mixin
    SparkOptions sparkOptions;

    @Mixin
    LeaseOption lease;

    @Spec
    CommandSpec spec;

    private final String command;
    private final EnumSet<NightlyStage> stages;

    NightlyCommand(String command, EnumSet<NightlyStage> stages) {
        this.command = command;
        this.stages = stages;
    }

    /**
     * Checks the options (a bad one exits 2 before anything is created), opens the session, checks
     * the landing zone, takes the warehouse's lease (refused at once when another run holds it) and
     * runs the stages under it.
     */
    @Override
    public Integer call() throws Exception {
        NightlySettings settings;
        RuleBook rules;
        ExportSettings exportSettings;
        try {
            settings = new NightlySettings(landing(), warehouse.warehouse(), days.days(), sparkOptions.carrierZone(), windows());
            rules = rules();
            exportSettings = exportSettings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (SparkSession spark = sparkOptions.open("zhifang " + command)) {
            if (settings.landingRoot() != null && !LandingZone.exists(spark, settings.landingRoot())) {
                throw new ParameterException(spec.commandLine(), "--landing " + settings.landingRoot() + ": no such folder");
            }
            try (WarehouseLease held = lease.acquire(spark, settings.warehouse(), command)) {
                new NightlyJob(spark, Clock.systemUTC(), graphSettings(), rules).withExportSettings(exportSettings)
                        .run(command, settings, stages(), held, resume());
            }
        }
        return 0;
    }

    /** The stages to run; {@code nightly} adds the optional ones its flags ask for. */
    EnumSet<NightlyStage> stages() {
        return EnumSet.copyOf(stages);
    }

    /** Whether to continue after the stages an interrupted or failed run of the day did; only {@code nightly} has stages to skip. */
    boolean resume() {
        return false;
    }

    /** The landing zone; only the commands that ingest have one. */
    String landing() {
        return null;
    }

    /** Feature windows; the commands that compute or read windowed features take {@code --windows}. */
    List<Integer> windows() {
        return FeatureSets.DEFAULT_WINDOWS;
    }

    /** Graph stage settings; {@code graph} takes {@code --window-days}. */
    GraphSettings graphSettings() {
        return GraphSettings.defaults();
    }

    /** Export stage settings; the commands that export take {@code --overdue-hours} and {@code --file-mode}. */
    ExportSettings exportSettings() {
        return ExportSettings.defaults();
    }

    /** {@code --overdue-hours} and {@code --file-mode}, for the commands that export. */
    static final class ExportOptions {
        @Option(names = "--overdue-hours", paramLabel = "HOURS", defaultValue = "24",
                description = "A police-notified number not suspended this many hours after the start of its notice day "
                        + "is overdue on the suspension worklist (default: ${DEFAULT-VALUE}).")
        int overdueHours;

        @Option(names = "--file-mode", paramLabel = "OCTAL", defaultValue = "640",
                description = "Permission bits of the hand-over files in exports/ (default: ${DEFAULT-VALUE}).")
        String fileMode;

        ExportSettings settings() {
            return new ExportSettings(overdueHours, fileMode, ExportSettings.DEFAULT_TRAFFIC_WINDOW_DAYS);
        }
    }

    /** The rules; the commands that score take {@code --rules}. */
    RuleBook rules() {
        return RuleBook.defaults();
    }

    /** {@code --landing L}, for the commands that ingest. */
    static final class LandingOption {
        @Option(names = "--landing", required = true, paramLabel = "DIR",
                description = "Landing zone root (<landing>/<YYYY-MM-DD>/...), folder or Hadoop URI.")
        String landing;
    }

    /** {@code --windows 1,7}, for the commands that compute or read windowed features. */
    static final class WindowsOption {
        @Option(names = "--windows", split = ",", paramLabel = "DAYS", defaultValue = "1,7",
                description = "Feature window lengths in days, comma-separated (default: ${DEFAULT-VALUE}).")
        List<Integer> windows;
    }

    /** {@code --rules FILE}, for the commands that score. */
    static final class RulesOption {
        @Option(names = "--rules", paramLabel = "FILE",
                description = "Rules file for the score stage (default: the built-in conf/rules/zhifang-rules.json).")
        Path rules;
    }

    /** The commands that compute or read windowed features. */
    abstract static class Windowed extends NightlyCommand {
        @Mixin
        WindowsOption windows;

        Windowed(String command, EnumSet<NightlyStage> stages) {
            super(command, stages);
        }

        @Override
        List<Integer> windows() {
            return windows.windows;
        }
    }

    /** The commands that score: windowed features and the rules file. */
    abstract static class Scoring extends Windowed {
        @Mixin
        RulesOption rules;

        Scoring(String command, EnumSet<NightlyStage> stages) {
            super(command, stages);
        }

        @Override
        RuleBook rules() {
            return RuleBook.load(rules.rules);
        }
    }

    @Command(name = "nightly", mixinStandardHelpOptions = true,
            description = "Run every nightly stage (ingest, features, graph, score, export) for a day, or for a range of days in order.",
            footer = {"%nExample:%n  zhifang nightly --landing /data/landing --warehouse /data/zhifang --date 2026-11-07",
                    CliText.EXIT_CODES})
    public static final class Nightly extends Scoring {
        @Mixin
        LandingOption landing;

        @Option(names = "--optimize", description = "Also compact and Z-order the day's partitions of the big tables "
                + "(worth it on a cluster; see docs/scaling.md).")
        boolean optimize;

        @Option(names = "--resume", description = "Continue a day whose latest nightly was killed or failed: skip the stages "
                + "it finished and run the rest. Landing files that arrived since are not read; run without --resume to redo "
                + "every stage (see docs/operations.md).")
        boolean resume;

        @Mixin
        ExportOptions export;

        public Nightly() {
            super("nightly", NightlyStage.nightly());
        }

        @Override
        ExportSettings exportSettings() {
            return export.settings();
        }

        @Override
        EnumSet<NightlyStage> stages() {
            EnumSet<NightlyStage> stages = super.stages();
            if (optimize) {
                stages.add(NightlyStage.OPTIMIZE);
            }
            return stages;
        }

        @Override
        String landing() {
            return landing.landing;
        }

        @Override
        boolean resume() {
            return resume;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Ingest a landing day (or a range) into the warehouse's Delta tables.",
            footer = {"%nExample:%n  zhifang ingest --landing /data/landing --warehouse /data/zhifang --from 2026-11-01 --to 2026-11-07",
                    CliText.EXIT_CODES})
    public static final class Ingest extends NightlyCommand {
        @Mixin
        LandingOption landing;

        public Ingest() {
            super("ingest", EnumSet.of(NightlyStage.INGEST));
        }

        @Override
        String landing() {
            return landing.landing;
        }
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "Compute behaviour features of numbers, devices, trunks and port customers for a day (or a range) "
                    + "from the warehouse's ingested records.",
            footer = {"%nExample:%n  zhifang features --warehouse /data/zhifang --date 2026-11-07", CliText.EXIT_CODES})
    public static final class Features extends Windowed {
        public Features() {
            super("features", EnumSet.of(NightlyStage.FEATURES));
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = "Run the detectors and rank the day's suspect list (or a range's) from the features and graph tables.",
            footer = {"%nExample:%n  zhifang score --warehouse /data/zhifang --date 2026-11-07 --rules my-rules.json",
                    CliText.EXIT_CODES})
    public static final class Score extends Scoring {
        public Score() {
            super("score", EnumSet.of(NightlyStage.SCORE));
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the day's hand-over files to exports/<D>/ (or a range's): suspects, the police suspension "
                    + "worklist and the 12321 marked-number feed, each as csv and xlsx, and manifest.json.",
            footer = {"%nExample:%n  zhifang export --warehouse /data/zhifang --date 2026-11-07", CliText.EXIT_CODES})
    public static final class Export extends NightlyCommand {
        @Mixin
        ExportOptions export;

        public Export() {
            super("export", EnumSet.of(NightlyStage.EXPORT));
        }

        @Override
        ExportSettings exportSettings() {
            return export.settings();
        }
    }

    @Command(name = "optimize", mixinStandardHelpOptions = true,
            description = "Compact the day's partitions of the big tables (or a range's) and Z-order them by number.",
            footer = {"%nExample:%n  zhifang optimize --warehouse /data/zhifang --from 2026-11-01 --to 2026-11-07", CliText.EXIT_CODES})
    public static final class Optimize extends NightlyCommand {
        public Optimize() {
            super("optimize", EnumSet.of(NightlyStage.OPTIMIZE));
        }
    }
}
