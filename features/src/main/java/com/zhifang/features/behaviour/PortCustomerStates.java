package com.zhifang.features.behaviour;

import com.zhifang.features.domain.SmsRecordType;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * One day's state of every SMS port customer (the enterprise that owns 106 ports): the generic
 * sender state ({@link SmsSenders}) over its PORT messages. The port codes it used are counted from
 * the stored carried numbers ({@link CarriedNumbers}), exactly for any window. Cost: the sender
 * aggregations over PORT rows.
 */
public final class PortCustomerStates {
    private PortCustomerStates() {}

    /**
     * PORT rows of the day (a port customer is the sender), each with the code it was sent from
     * ({@link FeatureColumns#PORT_CODE}): the normalised sender, else the
     * sender as delivered (a 106 code that does not parse is still a code the customer used).
     */
    public static Dataset<Row> portMessages(Dataset<Row> sms) {
        RequiredColumns.check(sms, "portMessages", RECORD_TYPE, PORT_CUSTOMER, SENDER, SENDER_RAW);
        return sms.filter(col(RECORD_TYPE).equalTo(SmsRecordType.PORT.code()).and(col(PORT_CUSTOMER).isNotNull()))
                .withColumn(PORT_CODE, coalesce(col(SENDER), col(SENDER_RAW)));
    }

    public static Dataset<Row> toPortCustomerDayState(Dataset<Row> sms, LocalDate day) {
        RequiredColumns.check(sms, "toPortCustomerDayState", RECORD_TYPE, PORT_CUSTOMER, SENDER, SENDER_RAW);
        return StateParts.combine(FeatureSets.PORT_CUSTOMER_FEATURES, day,
                SmsSenders.toSenderStateParts(portMessages(sms), PORT_CUSTOMER));
    }
}
