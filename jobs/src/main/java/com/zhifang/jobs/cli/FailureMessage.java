package com.zhifang.jobs.cli;

import com.zhifang.features.ingest.LandingFileException;
import com.zhifang.jobs.io.WarehouseInUseException;
import com.zhifang.jobs.run.ReconciliationException;
import org.apache.spark.SparkThrowable;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a person sees when a command fails: what failed (the file, line, table or check),
 * why, and what to do. The stack trace goes to the log file only. Spark and Delta failures are
 * recognised by their error condition ({@code DELTA_CONCURRENT_APPEND}, ...) anywhere in the
 * cause chain, and the table by its folder under {@code tables/} in the message.
 */
public final class FailureMessage {
    private static final Pattern TABLE_IN_TEXT = Pattern.compile("/tables/([a-z0-9_]+)");

    /** Advice per Spark or Delta error condition; the first whose key starts the condition applies. */
    private static final Map<String, String> ADVICE = Map.of(
            "DELTA_CONCURRENT", "another process wrote the table at the same time; zhifang's writing commands take the "
                    + "warehouse lease, so look for a tool other than zhifang writing the warehouse, then rerun (reruns are idempotent)",
            "DELTA_PROTOCOL_CHANGED", "another process created or upgraded the table at the same time; look for a tool other "
                    + "than zhifang writing the warehouse, then rerun (reruns are idempotent)",
            "DELTA_TABLE_NOT_FOUND", "the table's folder is missing or is not a Delta table; check --warehouse, or restore "
                    + "the folder from backup",
            "DELTA_MISSING_DELTA_TABLE", "the table's folder is missing or is not a Delta table; check --warehouse, or "
                    + "restore the folder from backup",
            "DELTA_FILE_NOT_FOUND", "a data file the table's log refers to is gone (removed by hand or by a VACUUM with a "
                    + "short retention); restore it, or restore the table to an earlier version",
            "PATH_NOT_FOUND", "a path the command reads does not exist; check --warehouse and --landing");

    private FailureMessage() {}

    /** {@code zhifang <command> failed: <what and why>[; <what to do>]}, one line. */
    public static String of(String command, Throwable failure, String logFile) {
        String where = logFile == null ? "" : " (stack trace in " + logFile + ")";
        return "zhifang " + command + " failed: " + describe(failure) + where;
    }

    static String describe(Throwable failure) {
        if (failure instanceof WarehouseInUseException || failure instanceof LandingFileException) {
            return firstLine(failure.getMessage());
        }
        if (failure instanceof ReconciliationException) {
            String[] lines = failure.getMessage().split("\n");
            return lines.length == 1 ? lines[0] : lines[0] + " " + lines[1].trim()
                    + (lines.length > 2 ? " (and " + (lines.length - 2) + " more, in the run report)" : "");
        }
        Optional<SparkThrowable> spark = sparkCause(failure);
        if (spark.isPresent() && spark.get().getCondition() != null) {
            String condition = spark.get().getCondition();
            String message = firstLine(((Throwable) spark.get()).getMessage());
            String table = tableIn(message).or(() -> tableIn(String.valueOf(failure.getMessage())))
                    .map(t -> "table " + t + ": ").orElse("");
            String advice = ADVICE.entrySet().stream().filter(e -> condition.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElse("rerun the command (every stage's writes are idempotent); if it fails again, report it with the log");
            return table + message + "; " + advice;
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : firstLine(failure.getMessage());
        return message;
    }

    private static Optional<SparkThrowable> sparkCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SparkThrowable s && s.getCondition() != null) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tableIn(String text) {
        Matcher m = TABLE_IN_TEXT.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
