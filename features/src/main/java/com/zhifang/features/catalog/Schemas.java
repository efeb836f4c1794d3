package com.zhifang.features.catalog;

import com.zhifang.features.behaviour.EntityFeatures;
import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.graph.Rings;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.HandoverColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static com.zhifang.features.schema.Tables.*;

/**
 * Schemas and partition columns of the warehouse's tables (names in
 * {@link com.zhifang.features.schema.Tables}). The state and features tables take their schemas from
 * the definitions that compute them ({@link FeatureSets}, {@link DayState}, ...), so this
 * catalogue sits above the behaviour and graph packages.
 *
 * <p>Event tables end with lineage columns (landing day, source file and line, ingest run id) so
 * every value can be traced to the line it came from, then the hash of their content; snapshot
 * tables end with the snapshot date and source file and line.
 */
public final class Schemas {
    private Schemas() {}

    private static final DataType S = DataTypes.StringType;
    private static final DataType TS = DataTypes.TimestampType;
    private static final DataType D = DataTypes.DateType;
    private static final DataType I = DataTypes.IntegerType;
    private static final DataType L = DataTypes.LongType;
    private static final DataType B = DataTypes.BooleanType;
    private static final DataType DBL = DataTypes.DoubleType;

    private static final Map<String, StructType> SCHEMAS = new LinkedHashMap<>();
    private static final Map<String, String> PARTITION_COLUMNS = new LinkedHashMap<>();
    private static final Map<String, List<String>> CONTENT_COLUMNS = new LinkedHashMap<>();

    static {
        event(VOICE_CALLS, TRAFFIC_DAY,
                f(RECORD_ID, S, false), f(RECORD_TYPE, S, false), f(START_TIME, TS, false), f(TRAFFIC_DAY, D, false),
                f(CALLING_NUMBER, S), f(CALLING_RAW, S), f(CALLING_CLASS, S, false),
                f(CALLED_NUMBER, S), f(CALLED_RAW, S), f(CALLED_CLASS, S, false),
                f(ANSWERED, B, false), f(DURATION_S, I, false), f(RING_S, I), f(RELEASE_CAUSE, I, false),
                f(CLI_RESTRICTED, B, false), f(IMSI, S), f(IMEI, S), f(CELL_ID, S), f(TRUNK_IN, S));
        event(SMS_MESSAGES, TRAFFIC_DAY,
                f(RECORD_ID, S, false), f(RECORD_TYPE, S, false), f(SEND_TIME, TS, false), f(TRAFFIC_DAY, D, false),
                f(SENDER, S), f(SENDER_RAW, S), f(SENDER_CLASS, S, false),
                f(RECIPIENT, S), f(RECIPIENT_RAW, S), f(RECIPIENT_CLASS, S, false),
                f(IMSI, S), f(IMEI, S), f(CELL_ID, S), f(PORT_CUSTOMER, S),
                f(SEGMENTS, I, false), f(DELIVERED, B, false), f(CONTENT, S));
        event(COMPLAINTS, EVENT_DAY,
                f(RECORD_ID, S, false), f(REPORTED_NUMBER, S), f(REPORTED_RAW, S), f(REPORTED_CLASS, S, false),
                f(REPORTED_AT, TS, false), f(EVENT_DAY, D, false), f(CATEGORY, S, false), f(CHANNEL, S), f(REPORTER_HASH, S));
        event(POLICE_NOTICES, EVENT_DAY,
                f(RECORD_ID, S, false), f(NUMBER, S), f(NUMBER_RAW, S), f(NUMBER_CLASS, S, false),
                f(NOTIFIED_ON, D, false), f(EVENT_DAY, D, false), f(CASE_REF, S));
        event(FEEDBACK, EVENT_DAY,
                f(RECORD_ID, S, false), f(ENTITY_TYPE, S, false), f(ENTITY_ID, S, false), f(ENTITY_ID_RAW, S),
                f(DECIDED_ON, D, false), f(EVENT_DAY, D, false), f(OUTCOME, S, false), f(NOTE, S));
        event(SUSPENSION_ACTIONS, EVENT_DAY,
                f(RECORD_ID, S, false), f(NUMBER, S), f(NUMBER_RAW, S), f(NUMBER_CLASS, S, false),
                f(ACTION, S, false), f(ACTED_AT, TS, false), f(EVENT_DAY, D, false), f(REASON, S), f(OPERATOR, S));
        snapshot(REF_SUBSCRIBERS,
                f(MSISDN, S), f(MSISDN_RAW, S), f(IMSI, S), f(ACTIVATED_ON, D, false), f(PLAN, S), f(CUSTOMER_TYPE, S),
                f(ID_HASH, S), f(REAL_NAME_VERIFIED, B), f(RESELLER_ID, S), f(STATUS, S));
        snapshot(REF_TRUNKS,
                f(TRUNK_ID, S, false), f(TRUNK_TYPE, S, false), f(OWNER, S), f(AUTHORIZED_CLI, S),
                f(AUTHORIZED_PREFIXES, DataTypes.createArrayType(S, false), false));
        snapshot(REF_ALLOWLIST,
                f(NUMBER, S, false), f(NUMBER_RAW, S), f(IS_PREFIX, B, false), f(OWNER, S), f(CATEGORY, S), f(VALID_UNTIL, D));
        snapshot(REF_ROAMING,
                f(MSISDN, S), f(MSISDN_RAW, S), f(VISITED_COUNTRY, S), f(SINCE, D));
        snapshot(REF_PORTED,
                f(NUMBER, S, false), f(NUMBER_RAW, S), f(OPERATOR, S, false), f(PORTED_ON, D, false));
        table(QUARANTINE, LANDING_DAY, List.of(
                f(LANDING_DAY, D, false), f(DATASET, S, false), f(SOURCE_FILE, S, false), f(SOURCE_LINE, L, false),
                f(REASON, S, false), f(FIELD, S), f(MESSAGE, S), f(RAW_LINE, S), f(RUN_ID, S, false),
                f(RECORD_ID, S), f(COUNTED_AS, S)));
        table(RUN_LOG, RUN_DATE, List.of(
                f(RUN_ID, S, false), f(COMMAND, S, false), f(RUN_DATE, D, false), f(STARTED_AT, TS, false),
                f(FINISHED_AT, TS, false), f(STATUS, S, false), f(CODE_VERSION, S), f(RULES_VERSION, S),
                f(MODEL_VERSION, S), f(REPORT_JSON, S, false)));
        table(FEATURE_DAY_STATE, TRAFFIC_DAY, DayState.tableFields(FEATURE_DAY_STATE));
        features(FEATURES_NUMBER, FeatureSets.NUMBER_FEATURES);
        features(FEATURES_DEVICE, FeatureSets.DEVICE_FEATURES);
        features(FEATURES_TRUNK, FeatureSets.TRUNK_FEATURES);
        features(FEATURES_PORT_CUSTOMER, FeatureSets.PORT_CUSTOMER_FEATURES);
        table(EDGE_DAY_STATE, TRAFFIC_DAY, DayState.tableFields(EDGE_DAY_STATE));
        table(GRAPH_FEATURES_NUMBER, GRAPH_DATE, List.of(
                f(GRAPH_DATE, D, false), f(NUMBER, S, false), f(IS_SEED, B, false), f(HUB_REASON, S),
                f(OUT_DEGREE, L, false), f(IN_DEGREE, L, false), f(NEIGHBOURS, L, false), f(RECIPROCITY, DBL),
                f(CALLS_OUT, L, false), f(CALLS_IN, L, false), f(SMS_OUT_NEIGHBOURS, L, false), f(SMS_IN_NEIGHBOURS, L, false),
                f(PAGERANK, DBL), f(TRIANGLES, L), f(CLUSTERING, DBL), f(PPR_CALL, DBL), f(PPR_SHARED, DBL),
                f(HOPS_TO_SEED, I), f(SEEDS_SHARING_DEVICE, L, false), f(SEEDS_SHARING_IDENTITY, L, false),
                f(COVICTIM_MAX_SIMILARITY_TO_SEED, DBL), f(COVICTIM_SIMILAR_NUMBERS, L, false), f(RING_ID, S)));
        table(GRAPH_RINGS, GRAPH_DATE, List.of(
                f(GRAPH_DATE, D, false), f(RING_ID, S, false), f(SIZE, I, false),
                f(MEMBERS, DataTypes.createArrayType(S), false), f(SEEDS, DataTypes.createArrayType(S), false),
                f(SEED_COUNT, I, false), f(LINKS, DataTypes.createArrayType(Rings.LINK_SCHEMA), false)));
        table(GRAPH_FEATURES_DEVICE, GRAPH_DATE, List.of(
                f(GRAPH_DATE, D, false), f(IMEI, S, false), f(NUMBERS, L, false), f(SEEDS, L, false), f(CAPPED, B, false)));
        table(SUSPECTS, LIST_DATE, List.of(
                f(LIST_DATE, D, false), f(RANK, I, false), f(ENTITY_TYPE, S, false), f(ENTITY_ID, S, false),
                f(SCORE, DBL, false), f(PATTERNS, DataTypes.createArrayType(S, false), false),
                f(REASONS, DataTypes.createArrayType(S, false), false), f(POLICE_NOTIFIED, B, false),
                f(FIRST_LISTED_ON, D, false), f(DAYS_LISTED, I, false), f(RULE_SCORE, DBL, false), f(MODEL_SCORE, DBL),
                f(RUN_ID, S, false), f(RULES_VERSION, S, false), f(MODEL_VERSION, S),
                // Added with rules 2026.12.07-3: lists written before have no category (null).
                f(LIST_CATEGORY, S),
                // Added with rules 2026.12.08-1: lists written before have no Chinese evidence (null); ensureTable adds
                // the columns to a table an older release created.
                f(REASONS_ZH, DataTypes.createArrayType(S, false)), f(PATTERNS_ZH, DataTypes.createArrayType(S, false))));
    }

    static {
        // what the 12321 feed sent each day (export stage): the history UNMARK rows and first_marked_on are read from
        table(MARKED_NUMBERS, FEED_DATE, List.of(
                f(FEED_DATE, D, false), f(MARK_ACTION, S, false), f(NUMBER, S, false), f(MARK_CATEGORY, S),
                f(MARK_CATEGORY_ZH, S), f(CONFIDENCE, S), f(FIRST_MARKED_ON, D), f(LAST_MARKED_ON, D), f(MARK_EVIDENCE, S),
                f(UNMARK_REASON, S), f(RUN_ID, S, false)));
    }

    /**
     * A features table. Its registered schema is for the default windows
     * ({@link FeatureSets#DEFAULT_WINDOWS}); other window lists add their columns. The entity type's
     * day state is a {@link DayState} of {@code feature_day_state}.
     */
    private static void features(String featuresTable, EntityFeatures def) {
        table(featuresTable, FEATURE_DATE, List.of(def.outputSchema(FeatureSets.DEFAULT_WINDOWS).fields()));
    }

    /** Full schema of a table. */
    public static StructType schemaOf(String table) {
        StructType schema = SCHEMAS.get(table);
        if (schema == null) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        return schema;
    }

    /** The single partition column of a table. */
    public static String partitionColumnOf(String table) {
        schemaOf(table);
        return PARTITION_COLUMNS.get(table);
    }

    /**
     * The columns that make an event table's record what it is: all but its provenance (landing day,
     * source file and line, ingest run id) and the {@code content_hash} computed from them. Two
     * copies of a record that agree on these are the same delivery.
     *
     * @throws IllegalArgumentException for a table that is not an event table
     */
    public static List<String> contentColumnsOf(String table) {
        List<String> columns = CONTENT_COLUMNS.get(table);
        if (columns == null) {
            throw new IllegalArgumentException(table + " is not an event table");
        }
        return columns;
    }

    /** Every table's name, in the order they are defined. */
    public static List<String> tableNames() {
        return List.copyOf(SCHEMAS.keySet());
    }

    /** Data columns, then provenance, then the content hash (last, where adding it to an older table puts it). */
    private static void event(String name, String partition, StructField... data) {
        List<StructField> fields = new ArrayList<>(List.of(data));
        fields.add(f(LANDING_DAY, D, false));
        fields.add(f(SOURCE_FILE, S, false));
        fields.add(f(SOURCE_LINE, L, false));
        fields.add(f(INGEST_RUN_ID, S, false));
        fields.add(f(CONTENT_HASH, L));
        table(name, partition, fields);
        CONTENT_COLUMNS.put(name, Arrays.stream(data).map(StructField::name).toList());
    }

    private static void snapshot(String name, StructField... data) {
        List<StructField> fields = new ArrayList<>(List.of(data));
        fields.add(f(SNAPSHOT_DATE, D, false));
        fields.add(f(SOURCE_FILE, S, false));
        fields.add(f(SOURCE_LINE, L, false));
        table(name, SNAPSHOT_DATE, fields);
    }

    private static void table(String name, String partition, List<StructField> fields) {
        SCHEMAS.put(name, new StructType(fields.toArray(new StructField[0])));
        PARTITION_COLUMNS.put(name, partition);
    }

    private static StructField f(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static StructField f(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
