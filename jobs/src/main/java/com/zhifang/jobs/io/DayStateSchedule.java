package com.zhifang.jobs.io;

import com.zhifang.features.catalog.Schemas;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.zhifang.features.schema.RecordColumns.LANDING_DAY;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * Which days of a window need their per-day states (re)computed before a stage merges the window's
 * states: the run day D; every window day that received rows in landing day D (late records,
 * redeliveries; a rerun of D recomputes them again, which is idempotent); and every window day that
 * has records but no state yet (a first run, a longer window than before, a run that died before
 * its states were written).
 *
 * <p>A stage writes all the states of all the days it computes in one commit to its state table
 * ({@link Warehouse#replacePartitions}), so a day with rows in the state table has all its states.
 *
 * <p>Cost: one Spark job: an aggregation over the window's partitions of every input table and
 * the state table (which days have rows, which got some in landing day D, which have states); a
 * row per table and day reaches the driver.
 *
 * @param inputs     the tables whose rows make up the states ({@code voice_calls}, ...): a day with
 *                   rows and no state is computed
 * @param triggers   further tables whose late rows change a day's state but whose presence alone does
 *                   not call for one (complaints)
 * @param stateTable the stage's day-state table ({@code feature_day_state}, {@code edge_day_state})
 */
public record DayStateSchedule(List<String> inputs, List<String> triggers, String stateTable) {
    public DayStateSchedule {
        inputs = List.copyOf(inputs);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(stateTable, "stateTable");
        Schemas.schemaOf(stateTable);   // rejects unknown names
    }

    /** The days of {@code [from, day]} to recompute, oldest first; always holds {@code day}. */
    public List<LocalDate> daysToRecompute(SparkSession spark, Warehouse warehouse, LocalDate from, LocalDate day) {
        // One query (one Spark job) for every table: per table and day, whether rows landed on D.
        Dataset<Row> perTableDay = null;
        for (String table : concat(concat(inputs, triggers), List.of(stateTable))) {
            String dayColumn = Schemas.partitionColumnOf(table);
            Column landedToday = table.equals(stateTable) ? lit(false) : col(LANDING_DAY).equalTo(lit(day));
            Dataset<Row> days = warehouse.readOrEmpty(spark, table).filter(col(dayColumn).between(lit(from), lit(day)))
                    .select(lit(table).as("_table"), col(dayColumn).as("_day"), landedToday.as("_landed_today"));
            perTableDay = perTableDay == null ? days : perTableDay.union(days);
        }
        TreeSet<LocalDate> recompute = new TreeSet<>();
        recompute.add(day);
        TreeSet<LocalDate> withRows = new TreeSet<>();
        TreeSet<LocalDate> withState = new TreeSet<>();
        for (Row r : perTableDay.groupBy("_table", "_day").agg(max("_landed_today")).collectAsList()) {
            String table = r.getString(0);
            LocalDate d = (LocalDate) r.get(1);
            if (table.equals(stateTable)) {
                withState.add(d);
                continue;
            }
            if (r.getBoolean(2)) {
                recompute.add(d);
            }
            if (inputs.contains(table)) {
                withRows.add(d);
            }
        }
        withRows.removeAll(withState);
        recompute.addAll(withRows);
        return List.copyOf(recompute);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
