package com.zhifang.jobs.notebook;

import com.zhifang.features.catalog.DayState;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.jobs.io.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an analyst notebook exported as SQL ({@code notebooks-exports/*.sql}) against a warehouse:
 * every existing warehouse table is a temporary view of the same name, {@code ${name}} parameters
 * are substituted (e.g. {@code ${date}}), and statements end with a {@code ;} at the end of a line.
 * {@code --} comments are kept out of the statements.
 */
public final class SqlNotebook {
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([a-zA-Z_][a-zA-Z0-9_]*)}");

    private SqlNotebook() {}

    /**
     * Registers every table the warehouse has as a temp view, and each day state of a day-state
     * table under its own name ({@code number_day_state}, {@code carried_number_day_state}, ...:
     * {@link DayState#viewName()}); returns the names registered.
     */
    public static List<String> registerTables(SparkSession spark, Warehouse warehouse) {
        List<String> registered = new ArrayList<>();
        for (String table : Schemas.tableNames()) {
            if (warehouse.exists(spark, table)) {
                Dataset<Row> rows = warehouse.read(spark, table);
                rows.createOrReplaceTempView(table);
                registered.add(table);
                for (DayState state : DayState.of(table)) {
                    state.select(rows).createOrReplaceTempView(state.viewName());
                    registered.add(state.viewName());
                }
            }
        }
        return registered;
    }

    /** The notebook's statements, comments removed and parameters substituted; unknown parameters fail. */
    public static List<String> statements(String notebook, Map<String, String> parameters) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : notebook.split("\\R")) {
            String code = stripComment(line);
            if (code.isBlank()) {
                continue;
            }
            current.append(substitute(code, parameters)).append('\n');
            if (code.stripTrailing().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** Runs every statement; returns the result of each (lazy DataFrames). */
    public static List<Dataset<Row>> run(SparkSession spark, Warehouse warehouse, String notebook, Map<String, String> parameters) {
        registerTables(spark, warehouse);
        List<Dataset<Row>> results = new ArrayList<>();
        for (String statement : statements(notebook, parameters)) {
            results.add(spark.sql(statement));
        }
        return results;
    }

    private static String stripComment(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '-' && line.charAt(i + 1) == '-') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String substitute(String code, Map<String, String> parameters) {
        Matcher m = PARAMETER.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = parameters.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("notebook parameter ${" + m.group(1) + "} has no value; pass --param "
                        + m.group(1) + "=...");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
