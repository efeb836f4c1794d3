package com.zhifang.jobs.cli;

import com.zhifang.features.schema.Tables;
import com.zhifang.models.evaluate.ListEvaluation;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/** {@code zhifang evaluate --warehouse W --truth truth.csv --date D}: a day's suspect list against a generator truth file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score a day's suspect list against a generator truth file: precision@K, recall within 2K per pattern, "
                + "legitimate heavy users in the top 2K.",
        footer = {"%nExample:%n  zhifang evaluate --warehouse warehouse --truth sample-data/truth.csv --date 2026-11-07",
                CliText.EXIT_CODES})
public final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    WarehouseOption warehouse;

    @Option(names = "--truth", required = true, description = "truth.csv written by zhifang generate.")
    Path truth;

    @Option(names = "--date", required = true, description = "List date (YYYY-MM-DD).")
    LocalDate date;

    @Mixin
    ResultsOutput results;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
        List<ListEvaluation.Listed> list;
        try (SparkSession spark = sparkOptions.open("zhifang evaluate " + date)) {
            list = warehouse.warehouse().read(spark, Tables.SUSPECTS).where(col(LIST_DATE).equalTo(lit(date))).orderBy(RANK)
                    .collectAsList().stream()
                    .map(r -> new ListEvaluation.Listed(r.<Integer>getAs(RANK), r.getAs(ENTITY_TYPE), r.getAs(ENTITY_ID),
                            r.<Boolean>getAs(POLICE_NOTIFIED)))
                    .toList();
        }
        ListEvaluation.Result result = ListEvaluation.evaluate(list, ListEvaluation.readTruth(truth));
        String table = "evaluation of the " + date + " list against " + truth + "\n\n" + result.toMarkdown()
                + "\nmeets the bar (precision@K >= 0.9, recall within 2K >= 0.9 per pattern, <= 2 look-alikes): "
                + result.meets(0.9, 0.9, 2) + "\n";
        results.print(table);
        return 0;
    }
}
