package com.zhifang.jobs.optimize;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.io.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.GraphColumns.GRAPH_DATE;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptimizeActionTest {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Warehouse warehouse;
    static List<Row> nov2Before;
    static OptimizeResult result;

    /** graph_features_device: Nov 2 written in three appends (three small files), Nov 1 in two; voice_calls never written. */
    @BeforeAll
    static void optimizeNovemberSecond() {
        spark = SparkTestSession.get();
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        warehouse.ensureTable(spark, Tables.GRAPH_FEATURES_DEVICE);
        append(device(NOV_1, "13800000001", 1), device(NOV_1, "13800000002", 2));
        append(device(NOV_1, "13800000003", 3));
        append(device(NOV_2, "13800000009", 4), device(NOV_2, "13800000001", 5));
        append(device(NOV_2, "13800000005", 6));
        append(device(NOV_2, "13800000002", 7));
        nov2Before = day(NOV_2).orderBy(IMEI).collectAsList();
        result = new OptimizeAction(spark, warehouse, NOV_2, List.of(
                new OptimizeAction.Layout(Tables.GRAPH_FEATURES_DEVICE, List.of(IMEI)),
                new OptimizeAction.Layout(Tables.VOICE_CALLS, List.of(CALLING_NUMBER, CALLED_NUMBER)))).execute();
    }

    @Test
    void theDaysSmallFilesBecomeOneAndAbsentTablesAreSkipped() {
        assertEquals(List.of(new OptimizeResult.TableFiles(Tables.GRAPH_FEATURES_DEVICE, 3, 1)), result.tables());
        assertEquals(1, day(NOV_2).inputFiles().length);
    }

    @Test
    void anOptimizedDayIsLeftAsItIs() {
        OptimizeResult again = new OptimizeAction(spark, warehouse, NOV_2,
                List.of(new OptimizeAction.Layout(Tables.GRAPH_FEATURES_DEVICE, List.of(IMEI)))).execute();
        assertEquals(List.of(new OptimizeResult.TableFiles(Tables.GRAPH_FEATURES_DEVICE, 0, 0)), again.tables());
    }

    @Test
    void rowsAreUnchangedAndOtherDaysUntouched() {
        assertEquals(nov2Before, day(NOV_2).orderBy(IMEI).collectAsList());
        assertEquals(2, day(NOV_1).inputFiles().length);
        assertEquals(3, day(NOV_1).count());
    }

    @Test
    void aLayoutCannotZOrderByItsPartitionColumn() {
        assertThrows(IllegalArgumentException.class,
                () -> new OptimizeAction.Layout(Tables.GRAPH_FEATURES_DEVICE, List.of(GRAPH_DATE, IMEI)));
        assertThrows(IllegalArgumentException.class, () -> new OptimizeAction.Layout("no_such_table", List.of()));
    }

    private static Dataset<Row> day(LocalDate d) {
        return warehouse.read(spark, Tables.GRAPH_FEATURES_DEVICE).where(col(GRAPH_DATE).equalTo(lit(d)));
    }

    private static Row device(LocalDate d, String imei, long numbers) {
        return RowFactory.create(d, imei, numbers, 0L, false);
    }

    private static void append(Row... rows) {
        spark.createDataFrame(List.of(rows), Schemas.schemaOf(Tables.GRAPH_FEATURES_DEVICE)).coalesce(1)
                .write().format("delta").mode("append").save(warehouse.tablePath(Tables.GRAPH_FEATURES_DEVICE));
    }
}
