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

import static com.zhifang.features.schema.FeatureColumns.*;
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

    /** pair_day_state: Nov 2 written in three appends (three small files), Nov 1 in two; voice_calls never written. */
    @BeforeAll
    static void optimizeNovemberSecond() {
        spark = SparkTestSession.get();
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        warehouse.ensureTable(spark, Tables.PAIR_DAY_STATE);
        append(pair(NOV_1, "13800000001", "13900000001", 1), pair(NOV_1, "13800000002", "13900000002", 2));
        append(pair(NOV_1, "13800000003", "13900000003", 3));
        append(pair(NOV_2, "13800000009", "13900000001", 4), pair(NOV_2, "13800000001", "13900000009", 5));
        append(pair(NOV_2, "13800000005", "13900000005", 6));
        append(pair(NOV_2, "13800000002", "13900000007", 7));
        nov2Before = day(NOV_2).orderBy(NUMBER, PEER).collectAsList();
        result = new OptimizeAction(spark, warehouse, NOV_2, List.of(
                new OptimizeAction.Layout(Tables.PAIR_DAY_STATE, List.of(NUMBER, PEER)),
                new OptimizeAction.Layout(Tables.VOICE_CALLS, List.of(CALLING_NUMBER, CALLED_NUMBER)))).execute();
    }

    @Test
    void theDaysSmallFilesBecomeOneAndAbsentTablesAreSkipped() {
        assertEquals(List.of(new OptimizeResult.TableFiles(Tables.PAIR_DAY_STATE, 3, 1)), result.tables());
        assertEquals(1, day(NOV_2).inputFiles().length);
    }

    @Test
    void anOptimizedDayIsLeftAsItIs() {
        OptimizeResult again = new OptimizeAction(spark, warehouse, NOV_2,
                List.of(new OptimizeAction.Layout(Tables.PAIR_DAY_STATE, List.of(NUMBER, PEER)))).execute();
        assertEquals(List.of(new OptimizeResult.TableFiles(Tables.PAIR_DAY_STATE, 0, 0)), again.tables());
    }

    @Test
    void rowsAreUnchangedAndOtherDaysUntouched() {
        assertEquals(nov2Before, day(NOV_2).orderBy(NUMBER, PEER).collectAsList());
        assertEquals(2, day(NOV_1).inputFiles().length);
        assertEquals(3, day(NOV_1).count());
    }

    @Test
    void aLayoutCannotZOrderByItsPartitionColumn() {
        assertThrows(IllegalArgumentException.class,
                () -> new OptimizeAction.Layout(Tables.PAIR_DAY_STATE, List.of(TRAFFIC_DAY, NUMBER)));
        assertThrows(IllegalArgumentException.class, () -> new OptimizeAction.Layout("no_such_table", List.of()));
    }

    private static Dataset<Row> day(LocalDate d) {
        return warehouse.read(spark, Tables.PAIR_DAY_STATE).where(col(TRAFFIC_DAY).equalTo(lit(d)));
    }

    private static Row pair(LocalDate d, String number, String peer, long outCalls) {
        return RowFactory.create(d, number, peer, outCalls, 0L, null, 0L, null);
    }

    private static void append(Row... rows) {
        spark.createDataFrame(List.of(rows), Schemas.schemaOf(Tables.PAIR_DAY_STATE)).coalesce(1)
                .write().format("delta").mode("append").save(warehouse.tablePath(Tables.PAIR_DAY_STATE));
    }
}
