package com.zhifang.jobs.cli;

import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.score.ScoreAction;
import com.zhifang.models.evaluate.ListEvaluation;
import com.zhifang.models.evaluate.RuleTally;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static com.zhifang.features.schema.RecordColumns.ENTITY_ID;
import static com.zhifang.features.schema.RecordColumns.ENTITY_TYPE;
import static com.zhifang.features.schema.ScoreColumns.LIST_DATE;
import static com.zhifang.features.schema.ScoreColumns.PATTERN;
import static com.zhifang.features.schema.ScoreColumns.RULE;
import static com.zhifang.features.schema.ScoreColumns.SCORE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** {@code zhifang evaluate --warehouse W --truth truth.csv --date D}: a day's suspect list against a generator truth file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a day's suspect list against a generator truth file: precision@K, recall within 2K per pattern, "
                + "precision per pattern, legitimate look-alikes in the top 2K, compliance cases inside K, "
                + "and the share of listed rows whose reasons recount exactly.",
        footer = {"%nExample:%n  zhifang evaluate --warehouse warehouse --truth sample-data/truth.csv --date 2026-11-07",
                CliText.EXIT_CODES})
public final class EvaluateCommand implements Callable<Integer> {
    /** The longest of the nightly's default feature windows: the rules read {@code device_*_<n>d} of it. */
    private static final int WINDOW_DAYS = Collections.max(FeatureSets.DEFAULT_WINDOWS);

    @Mixin
    WarehouseOption warehouse;

    @Option(names = "--truth", required = true, description = "truth.csv written by zhifang generate.")
    Path truth;

    @Option(names = "--date", required = true, description = "List date (YYYY-MM-DD).")
    LocalDate date;

    @Option(names = "--rules", description = "Rules file the list was scored with (default: the built-in rules); "
            + "used to trace each reason to its feature and tell whether it recounts exactly.")
    Path rules;

    @Option(names = "--by-rule", description = "Also run every rule of the rules file on its own over the day's features "
            + "and count whom each fires on (true fraud of its pattern, other fraud, compliance cases, look-alikes by kind): "
            + "how two rules files compare rule by rule on the same week.")
    boolean byRule;

    @Mixin
    ResultsOutput results;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
        List<ListEvaluation.Listed> list;
        List<RuleTally.Fired> fired = List.of();
        RuleBook ruleBook = RuleBook.load(rules);
        List<ListEvaluation.Truth> truthRows = ListEvaluation.readTruth(truth);
        try (SparkSession spark = sparkOptions.open("zhifang evaluate " + date)) {
            list = ListEvaluation.listed(warehouse.warehouse().read(spark, Tables.SUSPECTS).where(col(LIST_DATE).equalTo(lit(date))),
                    ruleBook);
            if (byRule) {
                // The detections of a day are thousands of rows: collected to the driver.
                fired = new ScoreAction(spark, warehouse.warehouse(), date, ruleBook, WINDOW_DAYS, null, "evaluate")
                        .detectionsRuleByRule().select(RULE, PATTERN, ENTITY_TYPE, ENTITY_ID, SCORE).collectAsList().stream()
                        .map(r -> new RuleTally.Fired(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4)))
                        .toList();
            }
        }
        ListEvaluation.Result result = ListEvaluation.evaluate(list, truthRows);
        String table = "evaluation of the " + date + " list against " + truth + "\n\n" + result.toMarkdown()
                + String.format(Locale.ROOT, "%nmeets the bar (precision@K >= %.2f, recall within 2K >= %.2f per pattern, <= %d look-alikes, "
                        + "no compliance case inside K, no interconnect trunk, notification port or dual-SIM phone listed): %s%n",
                ListEvaluation.MIN_PRECISION, ListEvaluation.MIN_RECALL, ListEvaluation.MAX_LOOKALIKES, result.meetsTheBar());
        if (byRule) {
            table += "\nevery rule on its own (rules " + ruleBook.versionLabel() + "; listable alone: scores at least listing.min_score "
                    + ruleBook.listing().minScore() + " on that rule alone)\n\n"
                    + RuleTally.toMarkdown(RuleTally.tally(ruleBook, fired, truthRows));
        }
        results.print(table);
        return 0;
    }
}
