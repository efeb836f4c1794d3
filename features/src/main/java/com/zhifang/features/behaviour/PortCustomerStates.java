package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.zhifang.features.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * One day's state of every SMS port customer (the enterprise that owns 106 ports): the generic
 * sender state ({@link SmsSenders}) over its PORT messages, plus the port codes it used. Cost: the
 * sender aggregations over PORT rows and one more partially-aggregated shuffle.
 */
public final class PortCustomerStates {
    private PortCustomerStates() {}

    /** PORT rows of the day (a port customer is the sender). */
    public static Dataset<Row> portMessages(Dataset<Row> sms) {
        RequiredColumns.check(sms, "portMessages", RECORD_TYPE, PORT_CUSTOMER);
        return sms.filter(col(RECORD_TYPE).equalTo("PORT").and(col(PORT_CUSTOMER).isNotNull()));
    }

    public static Dataset<Row> toPortCustomerDayState(Dataset<Row> sms, LocalDate day) {
        RequiredColumns.check(sms, "toPortCustomerDayState", RECORD_TYPE, PORT_CUSTOMER, SENDER, SENDER_RAW);
        Dataset<Row> port = portMessages(sms).withColumn("_code", coalesce(col(SENDER), col(SENDER_RAW)));
        List<Dataset<Row>> parts = new ArrayList<>(SmsSenders.toSenderStateParts(port, PORT_CUSTOMER));
        parts.add(HashedKeys.groupByKey(port, PORT_CUSTOMER).agg(
                size(collect_set(col("_code"))).cast("long").as(PORT_CODES + EXACT_SUFFIX),
                hll_sketch_agg(col("_code")).as(PORT_CODES + HLL_SUFFIX)));
        return StateParts.combine(FeatureSets.PORT_CUSTOMER_FEATURES, day, parts);
    }
}
