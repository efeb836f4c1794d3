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

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.apache.spark.sql.functions.*;
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
        assertEquals(1L, (Long) numbers.get(A).getAs(windowed(REPEAT_RECIPIENTS, 7)), "...02, messaged on two days of the week");
        assertEquals(1 / 3.0, numbers.get(A).<Double>getAs(windowed(REPEAT_RECIPIENT_SHARE, 7)), 1e-9);
        assertEquals(0L, (Long) numbers.get(A).getAs(windowed(REPEAT_RECIPIENTS, 1)), "one day holds no repeat");

        Map<String, Row> ports = SourceStatesTest.byKey(SmsSenders.toWindowRecipients(states, "PORT_CUSTOMER", DAY, List.of(1, 7)));
        assertEquals(Set.of("SPAM"), ports.keySet());
        assertEquals(1L, (Long) ports.get("SPAM").getAs(windowed(SMS_RECIPIENTS, 7)), "one recipient on three days");
        assertEquals(1.0, ports.get("SPAM").<Double>getAs(windowed(REPEAT_RECIPIENT_SHARE, 7)), 1e-9,
                "two of those days inside the week: a recurring recipient");
    }

    static final String S1 = "+8617000000001";
    static final String S2 = "+8617000000002";
    static final String S3 = "+8617000000003";
    static final String S4 = "+8617000000004";
    static final String S5 = "+8617000000005";
    static final String PERSON = "+8613900000001";

    /** One campaign's link written four ways by five SIMs over eight days, a person's own link, and a second link of S1. */
    static Dataset<Row> campaign(SparkSession spark) {
        return table(spark, Tables.SMS_MESSAGES,
                sms("c1", "MO", DAY + "T10:00:00", S1, "+8613700000001").content("【ETC服务】您的ETC认证已失效, 请点击 https://etc-renz.cn/a8 重新认证").row(),
                sms("c2", "MO", DAY + "T10:01:00", S1, "+8613700000002").content("顺便看看 dwz.cn/x2").row(),
                sms("c3", "MO", DAY + "T10:02:00", S2, "+8613700000003").content("【ETC服务】认证已失效, 点 ＥＴＣ-RENZ．CN/a8 重新认证").row(),
                sms("c4", "MO", DAY + "T10:03:00", S3, "+8613700000004").content("ETC认证失效请点击http://www.etc-renz.cn/a8。逾期停用").row(),
                sms("c5", "MO", DAY + "T10:04:00", S3, "+8613700000005").content("ETC认证失效请点击http://www.etc-renz.cn/a8。逾期停用").row(),
                sms("c6", "MO", DAY + "T10:05:00", PERSON, "+8613700000006").content("看这个 t.cn/MyOwn1").row(),
                sms("c7", "MO", DAY + "T10:06:00", PERSON, "+8613700000007").content("晚上见").row(),
                sms("c8", "MO", DAY.minusDays(3) + "T10:00:00", S4, "+8613700000008").content("请点击 etc-renz.cn/a8 重新认证").row(),
                sms("c9", "MO", DAY.minusDays(7) + "T10:00:00", S5, "+8613700000009").content("请点击 etc-renz.cn/a8 重新认证").row())
                .withColumn(NUMBER, col(SENDER));
    }

    /** The day states of each day that has messages, as the nightly stores them. */
    static Dataset<Row> linkStates(Dataset<Row> messages) {
        Dataset<Row> states = null;
        for (LocalDate d = DAY.minusDays(7); !d.isAfter(DAY); d = d.plusDays(1)) {
            Dataset<Row> day = SmsSenders.toLinkSenderDayState(messages.filter(col(TRAFFIC_DAY).equalTo(java.sql.Date.valueOf(d))), d);
            states = states == null ? day : states.unionByName(day);
        }
        return states;
    }

    /**
     * The snapshot of DAY: S1 activated five days before, S2 exactly {@link FeatureSets#NEW_SIM_DAYS}
     * before (still new), S4 ten days before; S3 one day too early to be new, the person years ago;
     * S5 new but outside every window.
     */
    static Dataset<Row> subscribers(SparkSession spark) {
        return table(spark, Tables.REF_SUBSCRIBERS,
                subscriber(S1, "imsi-1", DAY.minusDays(5), "PREPAID", "id-1", DAY),
                subscriber(S2, "imsi-2", DAY.minusDays(FeatureSets.NEW_SIM_DAYS), "PREPAID", "id-2", DAY),
                subscriber(S3, "imsi-3", DAY.minusDays(FeatureSets.NEW_SIM_DAYS + 1), "PREPAID", "id-3", DAY),
                subscriber(S4, "imsi-4", DAY.minusDays(10), "PREPAID", "id-4", DAY),
                subscriber(S5, "imsi-5", DAY.minusDays(9), "PREPAID", "id-5", DAY),
                subscriber(PERSON, "imsi-p", LocalDate.of(2019, 5, 1), "POSTPAID", "id-6", DAY));
    }

    @Test
    void splitCampaignSimsShareTheirLinkAcrossDaysAndWritings() {
        SparkSession spark = SparkTestSession.get();
        Map<String, Row> senders = SourceStatesTest.byKey(
                SmsSenders.toWindowLinkSenders(linkStates(campaign(spark)), subscribers(spark), DAY, List.of(1, 7)));
        assertEquals(Set.of(S1, S2, S3, S4, PERSON), senders.keySet(), "S5 sent 8 days before: outside every window");
        for (String sim : List.of(S1, S2, S3)) {
            assertEquals(3L, (Long) senders.get(sim).getAs(windowed(LINK_SENDERS, 1)), sim + ": three SIMs that day, however written");
            assertEquals(4L, (Long) senders.get(sim).getAs(windowed(LINK_SENDERS, 7)), sim + ": and S4 three days before");
            assertEquals(2L, (Long) senders.get(sim).getAs(windowed(LINK_NEW_SENDERS, 1)), sim + ": S1 and S2 new, S3 a day too old");
            assertEquals(3L, (Long) senders.get(sim).getAs(windowed(LINK_NEW_SENDERS, 7)), sim + ": and S4");
        }
        assertNull(senders.get(S4).getAs(windowed(LINK_SENDERS, 1)), "S4 sent no link that day");
        assertEquals(4L, (Long) senders.get(S4).getAs(windowed(LINK_SENDERS, 7)));
        assertEquals(3L, (Long) senders.get(S4).getAs(windowed(LINK_NEW_SENDERS, 7)));
        assertEquals(1L, (Long) senders.get(PERSON).getAs(windowed(LINK_SENDERS, 7)), "a link of one's own");
        assertEquals(0L, (Long) senders.get(PERSON).getAs(windowed(LINK_NEW_SENDERS, 7)), "an old SIM's own link: no new sender");
    }

    /** Merge of the stored daily pairs equals the count from the window's raw messages and the snapshot. */
    @Test
    void windowLinkSendersFromDayStatesEqualARecountFromTheMessages() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> messages = campaign(spark);
        Map<String, Row> merged = SourceStatesTest.byKey(
                SmsSenders.toWindowLinkSenders(linkStates(messages), subscribers(spark), DAY, List.of(7)));
        Dataset<Row> pairs = messages.filter(col(TRAFFIC_DAY).geq(java.sql.Date.valueOf(DAY.minusDays(6))))
                .select(col(NUMBER), TextFingerprint.link(col(CONTENT)).as("link")).where(col("link").isNotNull()).distinct();
        Dataset<Row> ages = subscribers(spark).select(col(MSISDN).as(NUMBER),
                datediff(lit(java.sql.Date.valueOf(DAY)), col(ACTIVATED_ON))
                        .leq(FeatureSets.NEW_SIM_DAYS).cast("long").as("new"));
        Dataset<Row> perLink = pairs.join(ages, new String[] {NUMBER}, "left").groupBy("link")
                .agg(count("*").as("all"), sum("new").as("new"));
        Map<String, Row> recount = SourceStatesTest.byKey(pairs.join(perLink, "link").groupBy(NUMBER)
                .agg(max("all").as("most"), max("new").as("most_new")));
        assertEquals(recount.keySet(), merged.keySet());
        recount.forEach((number, row) -> {
            assertEquals(row.getLong(1), (Long) merged.get(number).getAs(windowed(LINK_SENDERS, 7)), number);
            assertEquals(row.getLong(2), (Long) merged.get(number).getAs(windowed(LINK_NEW_SENDERS, 7)), number);
        });
    }
}
