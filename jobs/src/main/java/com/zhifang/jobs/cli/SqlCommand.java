package com.zhifang.jobs.cli;

import com.zhifang.jobs.notebook.SqlNotebook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code zhifang sql}: ad-hoc SQL or an exported notebook over the warehouse tables; prints each result. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run SQL (a query, or a notebook file of ;-terminated statements) over the warehouse tables.",
        footer = {"%nExample:%n  zhifang sql --warehouse /data/zhifang --file notebooks-exports/number-evidence.sql "
                + "--param number=+8613800000001 --param date=2026-11-07", CliText.EXIT_CODES})
public final class SqlCommand implements Callable<Integer> {
    @Mixin
    WarehouseOption warehouse;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--file", description = "Notebook export (.sql) to run.")
        Path file;

        @Option(names = "--query", description = "One SQL statement.")
        String query;
    }

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Value for ${NAME} in the notebook; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--rows", defaultValue = "50", description = "Rows to print per result (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call() throws Exception {
        String notebook = source.file != null ? Files.readString(source.file) : source.query;
        try (SparkSession spark = sparkOptions.open("zhifang sql")) {
            for (Dataset<Row> result : SqlNotebook.run(spark, warehouse.warehouse(), notebook, parameters)) {
                result.show(rows, false);   // the command's output is the results themselves
            }
        }
        return 0;
    }
}
