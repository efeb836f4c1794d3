package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Numbers a source carried (the caller numbers a trunk presented, the sender codes a port customer
 * used), stored per day, so complaints against those numbers can be laid at the source's door
 * (with spoofing, the complaint names the innocent number shown, and only this link reaches the
 * trunk that injected the call), and so a window's distinct numbers carried are counted exactly.
 * One piece of code for trunks and port customers; the day's pairs are
 * {@link DistinctNumbers#toDayState}.
 */
public final class CarriedNumbers {
    private CarriedNumbers() {}

    /**
     * For each window: how many distinct numbers the source carried in it, exact (a trunk's caller
     * numbers presented, a port customer's codes; {@link DistinctNumbers}), and the complaints filed
     * in the window against numbers it carried in the window. Columns: {@code entity_id,
     * <distinctName>_<n>d..., complaints_on_carried_numbers_<n>d...}, one row per source that carried
     * a number in the longest window. Cost: one aggregation of the window's carried pairs of one
     * entity type by (entity, number) and one by entity; a join of the window's complaints (small)
     * with those pairs.
     *
     * @param carried the stored carried numbers ({@code carried_number_day_state}, {@link DistinctNumbers#SCHEMA})
     */
    public static Dataset<Row> toCarriedWindowFeatures(Dataset<Row> carried, Dataset<Row> complaints, String entityType,
                                                       String distinctName, LocalDate day, List<Integer> windows) {
        RequiredColumns.check(complaints, "toCarriedWindowFeatures", REPORTED_NUMBER, EVENT_DAY);
        Dataset<Row> lastCarried = DistinctNumbers.toLastSeen(carried, entityType, day, windows);
        Column lastDay = col(DistinctNumbers.LAST_SEEN);
        Dataset<Row> filed = complaints.filter(col(EVENT_DAY).between(lit(day.minusDays(Collections.max(windows) - 1)), lit(day)))
                .select(col(REPORTED_NUMBER).as("_reported"), col(EVENT_DAY).as("_filed"));
        List<Column> complained = new ArrayList<>();
        for (int w : windows) {
            Column start = lit(day.minusDays(w - 1));
            complained.add(sum(when(col("_filed").geq(start).and(lastDay.geq(start)), 1L).otherwise(0L))
                    .as(windowed(COMPLAINTS_ON_CARRIED, w)));
        }
        Dataset<Row> onComplaints = lastCarried.join(filed, col(NUMBER).equalTo(col("_reported")))
                .groupBy(col(ENTITY_ID).as("_complained"))
                .agg(complained.get(0), complained.subList(1, complained.size()).toArray(new Column[0]));
        List<Column> out = new ArrayList<>();
        out.add(col(ENTITY_ID));
        windows.forEach(w -> out.add(col(windowed(distinctName, w))));
        windows.forEach(w -> out.add(coalesce(col(windowed(COMPLAINTS_ON_CARRIED, w)), lit(0L)).as(windowed(COMPLAINTS_ON_CARRIED, w))));
        return DistinctNumbers.toWindowCounts(lastCarried, distinctName, day, windows)
                .join(onComplaints, col(ENTITY_ID).equalTo(col("_complained")), "left")
                .select(out.toArray(new Column[0]));
    }
}
