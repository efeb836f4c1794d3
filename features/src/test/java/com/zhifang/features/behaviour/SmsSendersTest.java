package com.zhifang.features.behaviour;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.zhifang.features.schema.Columns.*;
import static com.zhifang.features.testing.Records.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A sender's distinct SMS recipients over several days, counted exactly from the stored recipients:
 * the day states of three days (one outside the 7-day window) merged, each recipient counted once
 * per window, a message without a recipient left out, and numbers and port customers kept apart
 * although they share the table.
 */
class SmsSendersTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 7);
    static final String A = "+8613800000001";

    static Dataset<Row> recipientsOf(SparkSession spark, LocalDate day, String... recipients) {
        Row[] rows = new Row[recipients.length + 1];
        for (int i = 0; i < recipients.length; i++) {
            rows[i] = sms("s" + day + "-" + i, "MO", day + "T10:0" + i + ":00", A, recipients[i]).row();
        }
        // A port message to the same recipient, from a port customer: another entity type.
        rows[recipients.length] = sms("p" + day, "PORT", day + "T11:00:00", "+8610690001", "+8613700000009").port("SPAM").row();
        Dataset<Row> sms = table(spark, Tables.SMS_MESSAGES, rows);
        return SmsSenders.toRecipientDayState(sms.filter(col(RECORD_TYPE).equalTo("MO")), "NUMBER", SENDER, day)
                .unionByName(SmsSenders.toRecipientDayState(PortCustomerStates.portMessages(sms), "PORT_CUSTOMER", PORT_CUSTOMER, day));
    }

    @Test
    void recipientsAreCountedOncePerWindowAndOnlyInside() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> states = recipientsOf(spark, DAY, "+8613700000001", "+8613700000002", "+8613700000002")
                .unionByName(recipientsOf(spark, DAY.minusDays(3), "+8613700000002", "+8613700000003", null))
                .unionByName(recipientsOf(spark, DAY.minusDays(7), "+8613700000004"));

        Map<String, Row> numbers = SourceStatesTest.byKey(SmsSenders.toWindowRecipients(states, "NUMBER", DAY, List.of(1, 7)));
        assertEquals(Set.of(A), numbers.keySet());
        assertEquals(2L, (Long) numbers.get(A).getAs(windowed(SMS_RECIPIENTS, 1)), "the same recipient twice in a day counts once");
        assertEquals(3L, (Long) numbers.get(A).getAs(windowed(SMS_RECIPIENTS, 7)),
                "...02 on two days once, ...03 three days before; no recipient and ...04 (8 days before) not at all");

        Map<String, Row> ports = SourceStatesTest.byKey(SmsSenders.toWindowRecipients(states, "PORT_CUSTOMER", DAY, List.of(1, 7)));
        assertEquals(Set.of("SPAM"), ports.keySet());
        assertEquals(1L, (Long) ports.get("SPAM").getAs(windowed(SMS_RECIPIENTS, 7)), "one recipient on three days");
    }
}
