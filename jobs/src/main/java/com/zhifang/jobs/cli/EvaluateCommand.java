package com.zhifang.jobs.cli;

import com.zhifang.features.schema.Tables;
import com.zhifang.models.evaluate.ListEvaluation;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import static com.zhifang.features.schema.ScoreColumns.LIST_DATE;
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
    @Mixin
    WarehouseOption warehouse;

    @Option(names = "--truth", required = true, description = "truth.csv written by zhifang generate.")
    Path truth;

    @Option(names = "--date", required = true, description = "List date (YYYY-MM-DD).")
    LocalDate date;

    @Option(names = "--rules", description = "Rules file the list was scored with (default: the built-in rules); "
            + "used to trace each reason to its feature and tell whether it recounts exactly.")
    Path rules;

    @Mixin
    ResultsOutput results;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
        List<ListEvaluation.Listed> list;
        RuleBook ruleBook = RuleBook.load(rules);
        try (SparkSession spark = sparkOptions.open("zhifang evaluate " + date)) {
            list = ListEvaluation.listed(warehouse.warehouse().read(spark, Tables.SUSPECTS).where(col(LIST_DATE).equalTo(lit(date))),
                    ruleBook);
        }
        ListEvaluation.Result result = ListEvaluation.evaluate(list, ListEvaluation.readTruth(truth));
        String table = "evaluation of the " + date + " list against " + truth + "\n\n" + result.toMarkdown()
                + String.format(Locale.ROOT, "%nmeets the bar (precision@K >= %.2f, recall within 2K >= %.2f per pattern, <= %d look-alikes, "
                        + "no compliance case inside K, no interconnect trunk, notification port or dual-SIM phone listed): %s%n",
                ListEvaluation.MIN_PRECISION, ListEvaluation.MIN_RECALL, ListEvaluation.MAX_LOOKALIKES, result.meetsTheBar());
        results.print(table);
        return 0;
    }
}
