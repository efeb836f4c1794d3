package com.zhifang.jobs.stage;

import com.zhifang.features.catalog.DayState;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.spark.JobLabels;
import com.zhifang.jobs.io.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * What every stage shares: the session, the warehouse, the day it runs for, and the job labels
 * under which its Spark jobs show in the UI and event log ({@code "zhifang features 2026-11-03:
 * number_day_state 2026-11-03"}). {@link #execute()} runs {@link #run()} inside the stage's job
 * group and puts back the labels in place before it.
 *
 * @param <R> the stage's result
 */
public abstract class BaseStageAction<R extends StageResult> implements StageAction<R> {
    protected final SparkSession spark;
    protected final Warehouse warehouse;
    protected final LocalDate day;
    protected final JobLabels labels;

    /** @param stage the stage's name in labels and logs ({@code features}) */
    protected BaseStageAction(String stage, SparkSession spark, Warehouse warehouse, LocalDate day) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.day = Objects.requireNonNull(day, "day");
        this.labels = new JobLabels(spark, "zhifang " + Objects.requireNonNull(stage, "stage") + " " + day);
    }

    @Override
    public final R execute() {
        return labels.restoring(this::run);
    }

    /** The stage's work; its Spark jobs run under the stage's labels. */
    protected abstract R run();

    /** A warehouse table, or an empty frame of its schema when nothing was written to it yet (no police notice ever, ...). */
    protected Dataset<Row> read(String table) {
        return warehouse.readOrEmpty(spark, table);
    }

    /** The run day's partition of a table. */
    protected Dataset<Row> readDay(String table) {
        return read(table).where(col(Schemas.partitionColumnOf(table)).equalTo(lit(day)));
    }

    /** A day state's rows (all its days) from its stage's state table. */
    protected Dataset<Row> read(DayState state) {
        return state.select(read(state.table()));
    }

    /**
     * Replaces the states of {@code days} in a stage's state table with {@code parts} (rows of
     * {@link DayState#tag tagged} states): one Spark job and one Delta commit for every state of
     * every day ({@link Warehouse#replacePartitions}), labelled as a step.
     */
    protected void replaceDayStates(String stateTable, List<LocalDate> days, List<Dataset<Row>> parts) {
        labels.step(stateTable + " " + days.stream().map(LocalDate::toString).collect(Collectors.joining(",")));
        warehouse.replacePartitions(spark, stateTable, days, parts);
    }

    /** Replaces {@code partition} of {@code table} with {@code rows} ({@link Warehouse#replacePartition}), labelled as a step. */
    protected void replacePartition(String table, LocalDate partition, Dataset<Row> rows) {
        labels.step(table + " " + partition);
        warehouse.replacePartition(spark, table, partition, rows);
    }
}
