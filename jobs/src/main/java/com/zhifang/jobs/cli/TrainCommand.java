package com.zhifang.jobs.cli;

import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.io.WarehouseLease;
import com.zhifang.jobs.train.TrainAction;
import com.zhifang.jobs.train.TrainResult;
import com.zhifang.models.train.TrainSettings;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code zhifang train --warehouse W --date D [--lookback-days N] [--min-positives N] [--approve-auc X]}:
 * trains a model on the features and labels up to D and saves it as a new version under
 * {@code <warehouse>/models/}, approved or not. Too few positives is not a failure: nothing is
 * saved, the reason is printed, the exit code is 0.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the fraud model (gradient-boosted trees) on features and labels up to a date; "
                + "save it under <warehouse>/models/, approved when it clears the bar.",
        footer = {"%nExample:%n  zhifang train --warehouse /data/zhifang --date 2026-11-30 --lookback-days 28",
                "%nA refusal to train (too few positives, a class missing) is not a failure: nothing is saved, exit 0.",
                CliText.EXIT_CODES})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    WarehouseOption warehouse;

    @Option(names = "--date", required = true, description = "Training date D: labels as of D, feature dates up to D.")
    LocalDate date;

    @Option(names = "--lookback-days", defaultValue = "" + TrainSettings.DEFAULT_LOOKBACK_DAYS,
            description = "Feature dates D-N+1..D train (default: ${DEFAULT-VALUE}).")
    int lookbackDays;

    @Option(names = "--min-positives", defaultValue = "" + TrainSettings.DEFAULT_MIN_POSITIVES,
            description = "Fewest positive numbers to train and approve (default: ${DEFAULT-VALUE}).")
    int minPositives;

    @Option(names = "--approve-auc", defaultValue = "" + TrainSettings.DEFAULT_APPROVE_AUC,
            description = "Held-out AUC-ROC a model needs to be approved (default: ${DEFAULT-VALUE}).")
    double approveAuc;

    @Option(names = "--negative-sample-rate", defaultValue = "" + TrainSettings.DEFAULT_NEGATIVE_SAMPLE_RATE,
            description = "Share of unlabelled numbers taken as negatives (default: ${DEFAULT-VALUE}).")
    double negativeSampleRate;

    @Mixin
    SparkOptions sparkOptions;

    @Mixin
    LeaseOption lease;

    @Spec
    CommandSpec spec;

    /** The settings the options ask for (validated: bad values throw IllegalArgumentException). */
    public TrainSettings settings() {
        return TrainSettings.defaults().withLookbackDays(lookbackDays).withMinPositives(minPositives)
                .withApproveAuc(approveAuc).withNegativeSampleRate(negativeSampleRate);
    }

    public LocalDate date() {
        return date;
    }

    public Warehouse warehouse() {
        return warehouse.warehouse();
    }

    @Override
    public Integer call() throws Exception {
        try {
            settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // Training writes a model folder: it takes the warehouse's lease like the stage commands.
        try (SparkSession spark = sparkOptions.open("zhifang train");
             WarehouseLease held = lease.acquire(spark, warehouse(), "train")) {
            TrainResult result = run(spark, Clock.systemUTC());
            print(spec.commandLine().getOut(), result);
        }
        return 0;
    }

    /** Trains with the options' settings on an open session (the command's work, without the session's life cycle). */
    public TrainResult run(SparkSession spark, Clock clock) {
        return new TrainAction(spark, warehouse(), date, settings(), clock).execute();
    }

    static void print(PrintWriter out, TrainResult r) {
        out.println("model:     " + r.version().orElse("none"));
        out.println("positives: " + r.positives() + " numbers, negatives: " + r.negatives() + " numbers");
        out.println("rows:      " + r.trainingRows() + " trained, " + r.heldOutRows() + " held out");
        r.heldOutMetrics().ifPresent(m -> out.println(String.format(Locale.ROOT,
                "held out:  AUC-ROC %.4f, AUC-PR %.4f, precision %.3f, recall %.3f at %.1f", m.aucRoc(), m.aucPr(),
                m.precision(), m.recall(), m.threshold())));
        out.println("approved:  " + r.approved() + " (" + r.reason() + ")");
        out.flush();
    }
}
