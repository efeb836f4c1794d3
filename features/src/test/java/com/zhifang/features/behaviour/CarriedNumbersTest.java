package com.zhifang.features.behaviour;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Window features from stored carried numbers over several days: each number counted once per
 * window, and only when carried within it; a complaint counts when it was filed in the window
 * against a number the source carried in the window; other entity types and days outside the
 * longest window are ignored.
 */
class CarriedNumbersTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 7);

    static Row carried(LocalDate day, String entityType, String entity, String number) {
        return RowFactory.create(day, entityType, entity, number);
    }

    @Test
    void eachWindowCountsItsOwnNumbersAndComplaints() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> carried = spark.createDataFrame(List.of(
                carried(DAY, "TRUNK", "T1", "+8613800000001"),
                carried(DAY, "TRUNK", "T1", "+8613800000002"),
                carried(DAY.minusDays(1), "TRUNK", "T1", "+8613800000002"),
                carried(DAY.minusDays(1), "TRUNK", "T1", "+8613800000003"),
                carried(DAY.minusDays(6), "TRUNK", "T1", "+8613800000004"),
                carried(DAY.minusDays(7), "TRUNK", "T1", "+8613800000005"),
                carried(DAY.minusDays(3), "TRUNK", "T2", "+8613800000001"),
                carried(DAY, "PORT_CUSTOMER", "T1", "+8613800000009")), DistinctNumbers.SCHEMA);
        Dataset<Row> complaints = table(spark, Tables.COMPLAINTS,
                complaint("c1", "+8613800000003", "2026-11-07T09:00:00", "FRAUD", "APP", "r1"),
                complaint("c2", "+8613800000001", "2026-11-07T10:00:00", "FRAUD", "APP", "r2"),
                complaint("c3", "+8613800000005", "2026-11-07T11:00:00", "FRAUD", "APP", "r3"));

        Map<String, Row> byTrunk = SourceStatesTest.byKey(
                CarriedNumbers.toCarriedWindowFeatures(carried, complaints, "TRUNK", CLIS, DAY, List.of(1, 7)));

        assertEquals(Set.of("T1", "T2"), byTrunk.keySet());
        Row t1 = byTrunk.get("T1");
        assertEquals(2L, (Long) t1.getAs(windowed(CLIS, 1)));
        assertEquals(4L, (Long) t1.getAs(windowed(CLIS, 7)), "+...02 on two days counts once; +...05 was carried before the window");
        assertEquals(1L, (Long) t1.getAs(windowed(COMPLAINTS_ON_CARRIED, 1)), "c2; +...03 was last carried the day before");
        assertEquals(2L, (Long) t1.getAs(windowed(COMPLAINTS_ON_CARRIED, 7)), "c1 and c2, not c3");
        Row t2 = byTrunk.get("T2");
        assertEquals(0L, (Long) t2.getAs(windowed(CLIS, 1)));
        assertEquals(1L, (Long) t2.getAs(windowed(CLIS, 7)));
        assertEquals(0L, (Long) t2.getAs(windowed(COMPLAINTS_ON_CARRIED, 1)), "filed today, but carried three days ago");
        assertEquals(1L, (Long) t2.getAs(windowed(COMPLAINTS_ON_CARRIED, 7)));
    }
}
