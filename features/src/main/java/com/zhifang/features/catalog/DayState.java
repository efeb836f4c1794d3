package com.zhifang.features.catalog;

import com.zhifang.features.behaviour.ContactPairs;
import com.zhifang.features.behaviour.DistinctNumbers;
import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.graph.EdgeDayStates;
import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.STATE_KIND;
import static com.zhifang.features.schema.RecordColumns.TRAFFIC_DAY;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The per-day states the nightly keeps, each stored as the rows of one {@code state_kind} in its
 * stage's day-state table: the features stage's seven states in {@code feature_day_state}, the
 * graph stage's three edge states in {@code edge_day_state}.
 *
 * <p>Why one table per stage, not one per state: a stage writes all the states of the days it
 * (re)computes in one Delta commit, so a night pays one commit (and its log reads, file listing and
 * checkpointing) per stage instead of one per state and day, and a day's states appear together
 * or not at all: a run that dies mid-write leaves the day without states, and the next run computes
 * it. The table's columns are the union of its states' columns (no name has two types); a column
 * a state does not have is null in its rows. Each write task writes rows of one state only (the
 * states are a union of separate plans), so Delta's per-file statistics on {@code state_kind} let
 * a read of one state skip the files of the others.
 *
 * <p>For SQL, each state is also a view under its own name ({@link #viewName()}, e.g.
 * {@code carried_number_day_state}), registered by {@code zhifang sql}.
 */
public enum DayState {
    /** Calls each way between two numbers; first one-ring call, last incoming call. */
    PAIR(Tables.FEATURE_DAY_STATE, ContactPairs.PAIR_SCHEMA),
    NUMBER(Tables.FEATURE_DAY_STATE, FeatureSets.NUMBER_FEATURES.stateSchema()),
    DEVICE(Tables.FEATURE_DAY_STATE, FeatureSets.DEVICE_FEATURES.stateSchema()),
    TRUNK(Tables.FEATURE_DAY_STATE, FeatureSets.TRUNK_FEATURES.stateSchema()),
    PORT_CUSTOMER(Tables.FEATURE_DAY_STATE, FeatureSets.PORT_CUSTOMER_FEATURES.stateSchema()),
    /** Numbers a trunk presented, a port customer sent from, that sent a link, or that a device served. */
    CARRIED_NUMBER(Tables.FEATURE_DAY_STATE, DistinctNumbers.SCHEMA),
    /** Recipients a number or a port customer sent to. */
    SMS_RECIPIENT(Tables.FEATURE_DAY_STATE, DistinctNumbers.SCHEMA),
    CALL_EDGE(Tables.EDGE_DAY_STATE, EdgeDayStates.CALL_EDGE_SCHEMA),
    SMS_EDGE(Tables.EDGE_DAY_STATE, EdgeDayStates.SMS_EDGE_SCHEMA),
    DEVICE_EDGE(Tables.EDGE_DAY_STATE, EdgeDayStates.DEVICE_EDGE_SCHEMA);

    private final String table;
    private final StructType schema;

    DayState(String table, StructType schema) {
        this.table = table;
        this.schema = schema;
        if (!Arrays.asList(schema.fieldNames()).contains(TRAFFIC_DAY)) {
            throw new IllegalStateException(name() + ": a day state needs a " + TRAFFIC_DAY + " column");
        }
    }

    /** The value of {@code state_kind} in this state's rows: {@code number}, {@code call_edge}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The table its rows are in. */
    public String table() {
        return table;
    }

    /** The state's own columns (as its transform writes them). */
    public StructType schema() {
        return schema;
    }

    /** The name of its SQL view ({@code number_day_state}). */
    public String viewName() {
        return code() + "_day_state";
    }

    /** This state's rows of its table, with the state's own columns in its own order (a filter and a projection, no shuffle). */
    public Dataset<Row> select(Dataset<Row> stateTable) {
        Column[] columns = Arrays.stream(schema.fieldNames()).map(c -> col(c)).toArray(Column[]::new);
        return stateTable.where(col(STATE_KIND).equalTo(code())).select(columns);
    }

    /** {@code rows} of this state, tagged with its kind for the stage's table (the table's other columns are added at write). */
    public Dataset<Row> tag(Dataset<Row> rows) {
        return rows.withColumn(STATE_KIND, lit(code()));
    }

    /** The states stored in {@code table}. */
    public static List<DayState> of(String table) {
        return Arrays.stream(values()).filter(s -> s.table.equals(table)).toList();
    }

    /**
     * The schema of a day-state table: {@code state_kind}, {@code traffic_day}, then every column of
     * its states in the order first met, nullable (a state's rows leave the others' columns null).
     */
    static List<StructField> tableFields(String table) {
        Map<String, StructField> fields = new LinkedHashMap<>();
        fields.put(STATE_KIND, new StructField(STATE_KIND, DataTypes.StringType, false,
                Metadata.empty()));
        fields.put(TRAFFIC_DAY, new StructField(TRAFFIC_DAY, DataTypes.DateType, false,
                Metadata.empty()));
        for (DayState state : of(table)) {
            for (StructField f : state.schema.fields()) {
                StructField seen = fields.get(f.name());
                if (seen == null) {
                    fields.put(f.name(), new StructField(f.name(), f.dataType(), true, f.metadata()));
                } else if (!seen.dataType().sameType(f.dataType())) {
                    throw new IllegalStateException(table + ": column " + f.name() + " is " + seen.dataType().simpleString()
                            + " in one state and " + f.dataType().simpleString() + " in " + state.viewName());
                }
            }
        }
        return new ArrayList<>(fields.values());
    }
}
