package com.zhifang.features.reference;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReferenceSnapshotsTest {
    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);

    /** Two snapshots of the roaming list: two roamers on Nov 1, one on Nov 4. */
    private static Dataset<Row> roamingSnapshots() {
        StructType schema = new StructType()
                .add("msisdn", DataTypes.StringType)
                .add("snapshot_date", DataTypes.DateType);
        return SparkTestSession.get().createDataFrame(List.of(
                RowFactory.create("+8613800000001", NOV_1),
                RowFactory.create("+8613800000002", NOV_1),
                RowFactory.create("+8613800000003", NOV_4)), schema);
    }

    @Test
    void usesNewestSnapshotOnOrBeforeTheDay() {
        assertEquals(List.of("+8613800000001", "+8613800000002"), msisdns(ReferenceSnapshots.asOf(roamingSnapshots(), NOV_1)));
        assertEquals(List.of("+8613800000001", "+8613800000002"), msisdns(ReferenceSnapshots.asOf(roamingSnapshots(), NOV_1.plusDays(2))));
        assertEquals(List.of("+8613800000003"), msisdns(ReferenceSnapshots.asOf(roamingSnapshots(), NOV_4)));
        assertEquals(List.of("+8613800000003"), msisdns(ReferenceSnapshots.asOf(roamingSnapshots(), NOV_4.plusDays(10))));
    }

    @Test
    void noSnapshotBeforeTheFirstOne() {
        assertEquals(List.of(), msisdns(ReferenceSnapshots.asOf(roamingSnapshots(), NOV_1.minusDays(1))));
    }

    @Test
    void rejectsTablesWithoutSnapshotDate() {
        assertThrows(IllegalArgumentException.class,
                () -> ReferenceSnapshots.asOf(roamingSnapshots().drop("snapshot_date"), NOV_1));
    }

    private static List<String> msisdns(Dataset<Row> rows) {
        return rows.select("msisdn").orderBy("msisdn").collectAsList().stream().map(r -> r.getString(0)).toList();
    }
}
