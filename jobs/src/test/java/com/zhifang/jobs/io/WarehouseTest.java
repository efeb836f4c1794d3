package com.zhifang.jobs.io;

import com.zhifang.features.catalog.DayState;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.RowValues;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.PEAK_MINUTE_CALLS_OUT;
import static com.zhifang.features.schema.FeatureColumns.STATE_KIND;
import static com.zhifang.features.schema.RecordColumns.DATASET;
import static com.zhifang.features.schema.RecordColumns.IMEI;
import static com.zhifang.features.schema.RecordColumns.LANDING_DAY;
import static com.zhifang.features.schema.RecordColumns.NUMBER;
import static com.zhifang.features.schema.RecordColumns.REASON;
import static com.zhifang.features.schema.RecordColumns.RUN_ID;
import static com.zhifang.features.schema.RecordColumns.SOURCE_FILE;
import static com.zhifang.features.schema.RecordColumns.SOURCE_LINE;
import static com.zhifang.features.schema.RecordColumns.TRAFFIC_DAY;
import static com.zhifang.features.schema.RecordColumns.TRUNK_ID;
import static com.zhifang.features.schema.RecordColumns.TRUNK_TYPE;
import static com.zhifang.features.schema.RecordColumns.AUTHORIZED_PREFIXES;
import static com.zhifang.features.schema.RecordColumns.SNAPSHOT_DATE;
import static com.zhifang.features.schema.RecordColumns.ENTITY_ID;
import static com.zhifang.features.schema.RecordColumns.ENTITY_TYPE;
import static com.zhifang.features.schema.RecordColumns.RULES_VERSION;
import static com.zhifang.features.schema.FeatureColumns.POLICE_NOTIFIED;
import static com.zhifang.features.schema.ScoreColumns.DAYS_LISTED;
import static com.zhifang.features.schema.ScoreColumns.FIRST_LISTED_ON;
import static com.zhifang.features.schema.ScoreColumns.LIST_CATEGORY;
import static com.zhifang.features.schema.ScoreColumns.LIST_DATE;
import static com.zhifang.features.schema.ScoreColumns.PATTERNS;
import static com.zhifang.features.schema.ScoreColumns.PATTERNS_ZH;
import static com.zhifang.features.schema.ScoreColumns.RANK;
import static com.zhifang.features.schema.ScoreColumns.REASONS;
import static com.zhifang.features.schema.ScoreColumns.REASONS_ZH;
import static com.zhifang.features.schema.ScoreColumns.RULE_SCORE;
import static com.zhifang.features.schema.ScoreColumns.SCORE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Day partitions written over tables that an older release created. */
class WarehouseTest {
    static final LocalDate OLD_DAY = LocalDate.of(2026, 11, 1);
    static final LocalDate NEW_DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path tmp;

    /**
     * A release that adds a state column must write into a warehouse whose state table lacks it;
     * the days written before read it as null.
     */
    @Test
    void replacingAPartitionAddsColumnsANewerReleaseDefined() {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        String table = Tables.FEATURE_DAY_STATE;
        StructType current = Schemas.schemaOf(table);
        StructType older = new StructType(Arrays.stream(current.fields())
                .filter(f -> !f.name().equals(PEAK_MINUTE_CALLS_OUT)).toArray(StructField[]::new));
        spark.createDataFrame(List.of(rowOf(older, "+8613800000001", OLD_DAY)), older)
                .write().format("delta").partitionBy(TRAFFIC_DAY).save(warehouse.tablePath(table));

        warehouse.replacePartition(spark, table, NEW_DAY,
                spark.createDataFrame(List.of(rowOf(current, "+8613800000002", NEW_DAY)), current));

        Map<String, Row> byNumber = warehouse.read(spark, table).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(NUMBER), r -> r));
        assertEquals(2, byNumber.size());
        assertNull(byNumber.get("+8613800000001").getAs(PEAK_MINUTE_CALLS_OUT));
        assertEquals(7L, byNumber.get("+8613800000002").<Long>getAs(PEAK_MINUTE_CALLS_OUT));
    }

    /**
     * Rows lacking a column of the table's schema write it as null, and columns beyond the schema
     * (a features table's other windows) are added to the table; a re-run replaces the same partition.
     */
    @Test
    void aPartitionIsConformedToTheSchemaAndReplacedOnRerun() {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        String table = Tables.FEATURE_DAY_STATE;
        StructType current = Schemas.schemaOf(table);
        StructType lacking = new StructType(Arrays.stream(current.fields())
                .filter(f -> !f.name().equals(PEAK_MINUTE_CALLS_OUT)).toArray(StructField[]::new))
                .add("calls_out_14d", DataTypes.LongType);
        Row row = rowOf(lacking, "+8613800000003", NEW_DAY);
        warehouse.replacePartition(spark, table, NEW_DAY, spark.createDataFrame(List.of(row), lacking));
        warehouse.replacePartition(spark, table, NEW_DAY, spark.createDataFrame(List.of(row), lacking));

        List<Row> written = warehouse.read(spark, table).collectAsList();
        assertEquals(1, written.size(), "the re-run replaced the partition");
        assertNull(written.get(0).getAs(PEAK_MINUTE_CALLS_OUT));
        assertEquals(7L, written.get(0).<Long>getAs("calls_out_14d"));
    }

    /**
     * Several states of several days go in with one commit; every row keeps its own day, a listed
     * day without rows is emptied, a day not listed is kept, and rows of a day not listed are refused.
     */
    @Test
    void severalDaysOfSeveralStatesAreReplacedInOneCommit() {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        String table = Tables.EDGE_DAY_STATE;
        StructType devices = DayState.DEVICE_EDGE.schema();
        StructType sms = DayState.SMS_EDGE.schema();
        warehouse.replacePartitions(spark, table, List.of(OLD_DAY, NEW_DAY), List.of(
                DayState.DEVICE_EDGE.tag(spark.createDataFrame(List.of(deviceEdge(OLD_DAY, "a"), deviceEdge(NEW_DAY, "b")), devices))));
        long before = DeltaTable.forPath(spark, warehouse.tablePath(table)).history().count();
        LocalDate third = NEW_DAY.plusDays(1);
        warehouse.replacePartitions(spark, table, List.of(NEW_DAY, third), List.of(
                DayState.DEVICE_EDGE.tag(spark.createDataFrame(List.of(deviceEdge(third, "c")), devices)),
                DayState.SMS_EDGE.tag(spark.createDataFrame(List.of(RowFactory.create(third, "+8613800000001", "+8613800000002", "MOBILE", "MOBILE", 3L)),
                        sms))));

        assertEquals(before + 1, DeltaTable.forPath(spark, warehouse.tablePath(table)).history().count(), "one commit");
        List<String> deviceRows = DayState.DEVICE_EDGE.select(warehouse.read(spark, table)).orderBy(TRAFFIC_DAY).collectAsList().stream()
                .map(r -> r.getAs(TRAFFIC_DAY) + " " + r.getAs(IMEI)).toList();
        assertEquals(List.of(OLD_DAY + " imei-a", third + " imei-c"), deviceRows, "old day kept, new day emptied, third day added");
        assertEquals(1, DayState.SMS_EDGE.select(warehouse.read(spark, table)).count());
        assertThrows(Exception.class, () -> warehouse.replacePartitions(spark, table, List.of(OLD_DAY), List.of(
                DayState.DEVICE_EDGE.tag(spark.createDataFrame(List.of(deviceEdge(third, "d")), devices)))), "a row outside the days replaced");
    }

    private static Row deviceEdge(LocalDate day, String imei) {
        return RowFactory.create(day, "+8613800000001", "imei-" + imei, 1L);
    }

    /** Rows whose key is already in the table are not inserted again; the MERGE's count says how many were. */
    @Test
    void insertMissingAddsOnlyNewKeys() {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        String table = Tables.QUARANTINE;
        StructType schema = Schemas.schemaOf(table);
        List<Row> first = List.of(quarantined(schema, "a.csv", 2), quarantined(schema, "a.csv", 3));
        List<Row> second = List.of(quarantined(schema, "a.csv", 3), quarantined(schema, "b.csv", 3));
        Column thatDay = col("t." + LANDING_DAY).equalTo(lit(NEW_DAY));
        List<String> key = List.of(SOURCE_FILE, SOURCE_LINE);
        assertEquals(2, warehouse.insertMissing(spark, table, spark.createDataFrame(first, schema), key, thatDay));
        assertEquals(1, warehouse.insertMissing(spark, table, spark.createDataFrame(second, schema), key, thatDay));
        assertEquals(3, warehouse.read(spark, table).count());
    }

    /**
     * A suspects table an older release created, before lists carried Chinese evidence: the next list adds the
     * columns after {@code category}, and the lists written before read them as null.
     */
    @Test
    void aSuspectsTableFromBeforeTheChineseEvidenceGainsItsColumnsAndOldListsReadThemAsNull() {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        String table = Tables.SUSPECTS;
        StructType current = Schemas.schemaOf(table);
        StructType older = new StructType(Arrays.stream(current.fields())
                .filter(f -> !f.name().equals(REASONS_ZH) && !f.name().equals(PATTERNS_ZH)).toArray(StructField[]::new));
        DeltaTable.createIfNotExists(spark).location(warehouse.tablePath(table)).addColumns(older).partitionedBy(LIST_DATE).execute();
        spark.createDataFrame(List.of(suspect(older, "+8613800000001", OLD_DAY).toRow()), older).write().format("delta").mode("append")
                .save(warehouse.tablePath(table));

        warehouse.replacePartition(spark, table, NEW_DAY, spark.createDataFrame(List.of(suspect(current, "+8613800000002", NEW_DAY)
                .set(REASONS_ZH, List.of("7天内呼叫400个不同号码")).set(PATTERNS_ZH, List.of("批量外呼")).toRow()), current));

        List<String> columns = List.of(warehouse.read(spark, table).columns());
        assertEquals(List.of(LIST_CATEGORY, REASONS_ZH, PATTERNS_ZH), columns.subList(columns.size() - 3, columns.size()));
        Map<String, Row> byId = warehouse.read(spark, table).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(ENTITY_ID), r -> r));
        assertNull(byId.get("+8613800000001").getAs(REASONS_ZH));
        assertNull(byId.get("+8613800000001").getAs(PATTERNS_ZH));
        Row written = byId.get("+8613800000002");
        assertEquals(List.of("7天内呼叫400个不同号码"), written.getList(written.fieldIndex(REASONS_ZH)));
        assertEquals(List.of("批量外呼"), written.getList(written.fieldIndex(PATTERNS_ZH)));
    }

    /** A listed number of {@code schema}: the columns that may not be null set. */
    private static RowValues suspect(StructType schema, String number, LocalDate day) {
        return new RowValues(schema).set(LIST_DATE, day).set(RANK, 1).set(ENTITY_TYPE, "NUMBER").set(ENTITY_ID, number).set(SCORE, 0.9)
                .set(PATTERNS, List.of("BULK_CALLING")).set(REASONS, List.of("400 distinct callees in 7 days")).set(POLICE_NOTIFIED, false)
                .set(FIRST_LISTED_ON, day).set(DAYS_LISTED, 1).set(RULE_SCORE, 0.9).set(RUN_ID, "r").set(RULES_VERSION, "v")
                .set(LIST_CATEGORY, "FRAUD");
    }

    private static Row quarantined(StructType schema, String file, long line) {
        return new RowValues(schema).set(LANDING_DAY, NEW_DAY).set(DATASET, "voice")
                .set(SOURCE_FILE, file).set(SOURCE_LINE, line).set(REASON, "BAD_TIMESTAMP").set(RUN_ID, "r").toRow();
    }

    /** A row of {@code schema}: the number and day given, every long 7, everything else null. */
    private static Row rowOf(StructType schema, String number, LocalDate day) {
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            StructField f = schema.fields()[i];
            DataType t = f.dataType();
            values[i] = f.name().equals(NUMBER) ? number : f.name().equals(TRAFFIC_DAY) ? day
                    : f.name().equals(STATE_KIND) ? DayState.NUMBER.code()
                    : t.equals(DataTypes.LongType) ? (Object) 7L : null;
        }
        return RowFactory.create(values);
    }

    /**
     * What a kill during a table's creation leaves (the case: {@code ref_trunks/_delta_log}
     * holding only Delta's temporary commit file) is no table: not listed as existing, read as empty,
     * and created afresh by the next write, with no hand cleaning.
     */
    @Test
    void aCreationKilledBeforeItsFirstCommitIsNoTableAndIsCreatedAgain() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        String table = Tables.REF_TRUNKS;
        Path log = Path.of(warehouse.tablePath(table), "_delta_log");
        java.nio.file.Files.createDirectories(log);
        java.nio.file.Files.writeString(log.resolve(".00000000000000000000.json.3f1c2a7e-tmp"), "{\"commitInfo\":{}}");
        java.nio.file.Files.writeString(Path.of(warehouse.tablePath(table), "part-00000-orphan.parquet"), "not parquet");

        assertFalse(warehouse.exists(spark, table));
        assertEquals(0, warehouse.readOrEmpty(spark, table).count());
        warehouse.ensureTable(spark, table);
        assertTrue(warehouse.exists(spark, table));
        assertEquals(0, warehouse.read(spark, table).count());
        assertFalse(java.nio.file.Files.exists(Path.of(warehouse.tablePath(table), "part-00000-orphan.parquet")),
                "files of the interrupted creation are gone with it");
    }

    /**
     * A table whose first commit file Delta's log clean-up removed (kept: its checkpoint) is a table,
     * never mistaken for an interrupted creation and removed.
     */
    @Test
    void aTableWhoseFirstCommitFileWasCleanedUpIsStillATable() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Warehouse warehouse = new Warehouse(tmp.toString());
        String table = Tables.REF_TRUNKS;
        warehouse.ensureTable(spark, table);
        spark.sql("ALTER TABLE delta.`" + warehouse.tablePath(table) + "` SET TBLPROPERTIES ('delta.checkpointInterval' = '2')");
        StructType schema = Schemas.schemaOf(table);
        for (int i = 0; i < 2; i++) {
            Row trunk = new RowValues(schema).set(TRUNK_ID, "T" + i).set(TRUNK_TYPE, "INTERCONNECT")
                    .set(AUTHORIZED_PREFIXES, List.of()).set(SNAPSHOT_DATE, OLD_DAY)
                    .set(SOURCE_FILE, "trunks.csv").set(SOURCE_LINE, 2L + i).toRow();
            warehouse.append(spark, table, spark.createDataFrame(List.of(trunk), schema));
        }
        Path log = Path.of(warehouse.tablePath(table), "_delta_log");
        try (var files = java.nio.file.Files.list(log)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().contains(".checkpoint")), "a checkpoint was written");
        }
        java.nio.file.Files.delete(log.resolve("00000000000000000000.json"));

        assertTrue(warehouse.exists(spark, table));
        warehouse.ensureTable(spark, table);
        assertEquals(2, warehouse.read(spark, table).count());
    }
}
