package com.zhifang.features.graph;

import com.zhifang.features.behaviour.EntityFeatures;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

/**
 * The graph stage's per-day state: each traffic day's call edges ({@link CallGraph#toCallEdges}),
 * person-to-person SMS edges ({@link CallGraph#toSmsEdges}) and number-device edges
 * ({@link SharingGraph#toNumberDeviceEdges}). A day's edges are stored once (again only when the day
 * receives late records), and the window's graph sums its days' edges instead of rereading and
 * aggregating every raw record of the window each night: at a billion records a day, 7 B records
 * scanned and shuffled by pair for a 7-day window.
 *
 * <p>Exact: every edge value is a count or a sum, so the window's edges equal those of all its
 * records at once (a test holds this); an end's number class depends on the number alone, so every
 * day gives the same one.
 *
 * <p>Cost: a day's state is one aggregation of that day's rows by edge (one shuffle); a window is
 * one aggregation of its days' state rows by edge (one shuffle, partially aggregated map-side).
 */
public final class EdgeDayStates {
    private EdgeDayStates() {}

    /** Each schema: the day, the edge's two ends (the grouping key), then the edge's values. */
    public static final StructType CALL_EDGE_SCHEMA = new StructType()
            .add(TRAFFIC_DAY, DataTypes.DateType, false)
            .add(FROM_NUMBER, DataTypes.StringType, false).add(TO_NUMBER, DataTypes.StringType, false)
            .add(FROM_CLASS, DataTypes.StringType).add(TO_CLASS, DataTypes.StringType)
            .add(CALLS, DataTypes.LongType, false).add(ANSWERED_CALLS, DataTypes.LongType, false).add(TALK_S, DataTypes.LongType);
    public static final StructType SMS_EDGE_SCHEMA = new StructType()
            .add(TRAFFIC_DAY, DataTypes.DateType, false)
            .add(FROM_NUMBER, DataTypes.StringType, false).add(TO_NUMBER, DataTypes.StringType, false)
            .add(FROM_CLASS, DataTypes.StringType).add(TO_CLASS, DataTypes.StringType)
            .add(MESSAGES, DataTypes.LongType, false);
    public static final StructType DEVICE_EDGE_SCHEMA = new StructType()
            .add(TRAFFIC_DAY, DataTypes.DateType, false)
            .add(NUMBER, DataTypes.StringType, false).add(IMEI, DataTypes.StringType, false)
            .add(RECORDS, DataTypes.LongType, false);

    /** The day's call edges of the calls attributable to their caller ({@code Presentations.toAttributableCalls}). */
    public static Dataset<Row> toCallEdgeDayState(Dataset<Row> attributableVoice, LocalDate day) {
        return dated(CallGraph.toCallEdges(attributableVoice), day, CALL_EDGE_SCHEMA);
    }

    /** The day's person-to-person SMS edges. */
    public static Dataset<Row> toSmsEdgeDayState(Dataset<Row> sms, LocalDate day) {
        return dated(CallGraph.toSmsEdges(sms), day, SMS_EDGE_SCHEMA);
    }

    /** The day's number-device edges (records served on each device). */
    public static Dataset<Row> toDeviceEdgeDayState(Dataset<Row> voice, Dataset<Row> sms, LocalDate day) {
        return dated(SharingGraph.toNumberDeviceEdges(voice, sms), day, DEVICE_EDGE_SCHEMA);
    }

    /** The call edges of {@code [from, to]}: the columns of {@link CallGraph#toCallEdges}. */
    public static Dataset<Row> toWindowCallEdges(Dataset<Row> states, LocalDate from, LocalDate to) {
        return summed(states, CALL_EDGE_SCHEMA, from, to);
    }

    /** The SMS edges of {@code [from, to]}: the columns of {@link CallGraph#toSmsEdges}. */
    public static Dataset<Row> toWindowSmsEdges(Dataset<Row> states, LocalDate from, LocalDate to) {
        return summed(states, SMS_EDGE_SCHEMA, from, to);
    }

    /** The number-device edges of {@code [from, to]}: the columns of {@link SharingGraph#toNumberDeviceEdges}. */
    public static Dataset<Row> toWindowDeviceEdges(Dataset<Row> states, LocalDate from, LocalDate to) {
        return summed(states, DEVICE_EDGE_SCHEMA, from, to);
    }

    /** Per edge (the schema's second and third columns): longs summed, the rest (classes) the same on every day. */
    private static Dataset<Row> summed(Dataset<Row> states, StructType schema, LocalDate from, LocalDate to) {
        RequiredColumns.check(states, "edge day states", schema.fieldNames());
        List<StructField> values = Arrays.asList(schema.fields()).subList(3, schema.fields().length);
        List<Column> aggs = new ArrayList<>();
        for (StructField f : values) {
            aggs.add((f.dataType().equals(DataTypes.LongType) ? sum(col(f.name())) : max(col(f.name()))).as(f.name()));
        }
        return states.where(col(TRAFFIC_DAY).between(lit(from), lit(to)))
                .groupBy(schema.fields()[1].name(), schema.fields()[2].name())
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    }

    private static Dataset<Row> dated(Dataset<Row> edges, LocalDate day, StructType schema) {
        return EntityFeatures.conform(edges.withColumn(TRAFFIC_DAY, lit(day)), schema, "edge day state");
    }
}
