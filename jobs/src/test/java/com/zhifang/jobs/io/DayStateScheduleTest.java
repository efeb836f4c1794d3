package com.zhifang.jobs.io;

import com.zhifang.features.catalog.DayState;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.testing.WarehouseFixture;
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

import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A 4-day window (Nov 1-4) on the night of Nov 4. States exist for Nov 1 and 2. Nov 2 received a
 * late call in landing day Nov 4; Nov 3 has calls but no state (say, a night that did not run); Nov 1
 * received a late complaint; Oct 31, outside the window, a late call.
 */
class DayStateScheduleTest {
    static final LocalDate OCT_31 = LocalDate.of(2026, 10, 31);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    static final String A = "+8613800000001";
    static final String B = "+8613800000002";
    static final DayStateSchedule SCHEDULE = new DayStateSchedule(List.of(Tables.VOICE_CALLS), List.of(Tables.COMPLAINTS),
            Tables.EDGE_DAY_STATE);

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Warehouse warehouse;

    @BeforeAll
    static void warehouse() {
        spark = SparkTestSession.get();
        warehouse = new Warehouse(tmp.resolve("warehouse").toString());
        append(Tables.VOICE_CALLS,
                voice("v0", "MO", "2026-10-31T10:00:00", A, B).landing(NOV_4).row(),
                voice("v1", "MO", "2026-11-01T10:00:00", A, B).landing(NOV_1).row(),
                voice("v2", "MO", "2026-11-02T10:00:00", A, B).landing(NOV_2).row(),
                voice("v3", "MO", "2026-11-02T23:00:00", A, B).landing(NOV_4).row(),
                voice("v4", "MO", "2026-11-03T10:00:00", A, B).landing(NOV_3).row());
        append(Tables.COMPLAINTS, complaint("c1", B, "2026-11-01T12:00:00", "FRAUD", "12321", "r1"));
        Dataset<Row> deviceEdges = spark.createDataFrame(List.of(RowFactory.create(NOV_1, A, "imei-a", 1L),
                RowFactory.create(NOV_2, A, "imei-a", 1L)), DayState.DEVICE_EDGE.schema());
        warehouse.replacePartitions(spark, Tables.EDGE_DAY_STATE, List.of(NOV_1, NOV_2), List.of(DayState.DEVICE_EDGE.tag(deviceEdges)));
    }

    static void append(String table, Row... rows) {
        WarehouseFixture.append(spark, warehouse, table, rows);
    }

    @Test
    void theRunDayLateDaysAndDaysWithoutStateAreRecomputedOldestFirst() {
        assertEquals(List.of(NOV_2, NOV_3, NOV_4), SCHEDULE.daysToRecompute(spark, warehouse, NOV_1, NOV_4),
                "Nov 2 got a late call, Nov 3 has no state, Nov 4 is the run day (even without records yet)");
    }

    @Test
    void aLateComplaintTriggersItsDayOnlyOnTheNightItLands() {
        assertEquals(List.of(NOV_1, NOV_3), SCHEDULE.daysToRecompute(spark, warehouse, NOV_1, NOV_3),
                "complaint c1 landed on Nov 3 (the fixture's default landing day)");
        DayStateSchedule withoutComplaints = new DayStateSchedule(List.of(Tables.VOICE_CALLS), List.of(), Tables.EDGE_DAY_STATE);
        assertEquals(List.of(NOV_3), withoutComplaints.daysToRecompute(spark, warehouse, NOV_1, NOV_3));
    }

    @Test
    void daysOutsideTheWindowAndMissingTablesAreLeftAlone() {
        assertEquals(List.of(OCT_31, NOV_2, NOV_3, NOV_4), SCHEDULE.daysToRecompute(spark, warehouse, OCT_31, NOV_4),
                "Oct 31's late call counts once the window holds Oct 31 (the first test's does not)");
        DayStateSchedule noState = new DayStateSchedule(List.of(Tables.SMS_MESSAGES), List.of(), Tables.FEATURE_DAY_STATE);
        assertEquals(List.of(NOV_4), noState.daysToRecompute(spark, warehouse, NOV_1, NOV_4), "no SMS table at all: only the run day");
        assertThrows(NullPointerException.class, () -> new DayStateSchedule(List.of(), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new DayStateSchedule(List.of(), List.of(), "no_such_table"));
    }
}
