package com.zhifang.jobs.io;

import com.zhifang.features.catalog.Schemas;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.zhifang.features.schema.RecordColumns.LANDING_DAY;
import static com.zhifang.features.schema.RecordColumns.TRAFFIC_DAY;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * Which days of a window need their per-day state (re)computed before a stage merges the window's
 * states: the run day D; every window day that received rows in landing day D (late records,
 * redeliveries; a rerun of D recomputes them again, which is idempotent); and every window day that
 * has records but no state yet (a first run, a longer window than before).
 *
 * <p>Cost: one small aggregation per input table over the window's partitions (which days have rows,
 * which got some in landing day D) and one distinct over the state table's days; a few rows each
 * reach the driver.
 *
 * <p>It also owns the order in which a day's state tables are written ({@link #writes}): the last
 * one is the day's completion marker, so a run that died between two writes leaves a day without
 * it, and the next run recomputes that day.
 *
 * @param inputs      the tables whose rows make up the states ({@code voice_calls}, ...): a day with
 *                    rows and no state is computed
 * @param triggers    further tables whose late rows change a day's state but whose presence alone does
 *                    not call for one (complaints)
 * @param states      the day-state tables in the order they must be written; the last holds rows for
 *                    every computed day with input rows and marks the day as done
 */
public record DayStateSchedule(List<String> inputs, List<String> triggers, List<String> states) {
    public DayStateSchedule {
        inputs = List.copyOf(inputs);
        triggers = List.copyOf(triggers);
        states = List.copyOf(states);
        if (states.isEmpty() || Set.copyOf(states).size() != states.size()) {
            throw new IllegalArgumentException("states must be distinct and at least one: " + states);
        }
    }

    /** The state written last: a day with rows in it is done. */
    public String completionMarker() {
        return states.get(states.size() - 1);
    }

    /** Writes one partition of a state table (the stage's labelled {@code replacePartition}). */
    @FunctionalInterface
    public interface PartitionWriter {
        void replace(String table, LocalDate day, Dataset<Row> rows);
    }

    /** The writes of day {@code d}'s states, which must come in the schedule's order, every one of them. */
    public Writes writes(LocalDate d, PartitionWriter writer) {
        return new Writes(d, writer);
    }

    /** Day {@code d}'s state writes, checked against the schedule's order. */
    public final class Writes {
        private final LocalDate d;
        private final PartitionWriter writer;
        private int next;

        private Writes(LocalDate d, PartitionWriter writer) {
            this.d = d;
            this.writer = Objects.requireNonNull(writer, "writer");
        }

        /** @throws IllegalStateException when {@code table} is not the next state of the schedule */
        public void write(String table, Dataset<Row> rows) {
            if (next >= states.size() || !states.get(next).equals(table)) {
                throw new IllegalStateException("state " + table + " of " + d + " written out of order; the schedule is "
                        + states + " and " + next + " are written");
            }
            writer.replace(table, d, rows);
            next++;
        }

        /** @throws IllegalStateException when a state of the schedule was not written */
        public void done() {
            if (next != states.size()) {
                throw new IllegalStateException("states of " + d + " left unwritten: " + states.subList(next, states.size()));
            }
        }
    }

    /** The days of {@code [from, day]} to recompute, oldest first; always holds {@code day}. */
    public List<LocalDate> daysToRecompute(SparkSession spark, Warehouse warehouse, LocalDate from, LocalDate day) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(day);
        TreeSet<LocalDate> withRows = new TreeSet<>();
        for (String table : concat(inputs, triggers)) {
            String dayColumn = Schemas.partitionColumnOf(table);
            for (Row r : warehouse.readOrEmpty(spark, table).filter(col(dayColumn).between(lit(from), lit(day)))
                    .groupBy(dayColumn).agg(max(col(LANDING_DAY).equalTo(lit(day))).as("_landed_today")).collectAsList()) {
                LocalDate d = (LocalDate) r.get(0);
                if (r.getBoolean(1)) {
                    days.add(d);
                }
                if (inputs.contains(table)) {
                    withRows.add(d);
                }
            }
        }
        warehouse.readOrEmpty(spark, completionMarker()).filter(col(TRAFFIC_DAY).between(lit(from), lit(day)))
                .select(TRAFFIC_DAY).distinct().collectAsList()
                .forEach(r -> withRows.remove((LocalDate) r.get(0)));
        days.addAll(withRows);
        return List.copyOf(days);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
