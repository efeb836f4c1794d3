package com.zhifang.jobs.io;

import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.zhifang.features.schema.Columns.LANDING_DAY;
import static com.zhifang.features.schema.Columns.TRAFFIC_DAY;
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
 * @param inputs      the tables whose rows make up the states ({@code voice_calls}, ...): a day with
 *                    rows and no state is computed
 * @param triggers    further tables whose late rows change a day's state but whose presence alone does
 *                    not call for one (complaints)
 * @param state       a state table that holds rows for every computed day with input rows (best the
 *                    one a recompute writes last, so a run that died between two writes redoes the day)
 */
public record DayStateSchedule(List<String> inputs, List<String> triggers, String state) {
    public DayStateSchedule {
        inputs = List.copyOf(inputs);
        triggers = List.copyOf(triggers);
        Objects.requireNonNull(state, "state");
    }

    /** The days of {@code [from, day]} to recompute, oldest first; always holds {@code day}. */
    public List<LocalDate> daysToRecompute(SparkSession spark, Warehouse warehouse, LocalDate from, LocalDate day) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(day);
        TreeSet<LocalDate> withRows = new TreeSet<>();
        for (String table : concat(inputs, triggers)) {
            String dayColumn = Tables.partitionColumnOf(table);
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
        warehouse.readOrEmpty(spark, state).filter(col(TRAFFIC_DAY).between(lit(from), lit(day)))
                .select(TRAFFIC_DAY).distinct().collectAsList()
                .forEach(r -> withRows.remove((LocalDate) r.get(0)));
        days.addAll(withRows);
        return List.copyOf(days);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
