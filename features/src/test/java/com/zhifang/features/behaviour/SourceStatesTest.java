package com.zhifang.features.behaviour;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Devices, trunks and port customers on hand-built records: a SIM box device cycling three SIMs
 * against a phone; an international trunk carrying a spoofed +86 number, a roamer and a foreign
 * caller; a private line presenting its own, a foreign-to-its-range, a hidden and an unallocated
 * number; a spam port and an OTP port; complaints against carried numbers; which transit calls
 * count as the shown number's own.
 */
class SourceStatesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    static final List<Integer> ONE_DAY = List.of(1);
    static final String SUB = "+8613800000001";
    static final String ROAMER = "+8613800000002";
    static final String VICTIM = "+8613800000003";
    static Map<String, Row> devices;
    static Map<String, Row> trunks;
    static Map<String, Row> ports;
    static Map<String, Row> carriedByTrunks;
    static Map<String, Row> carriedByPorts;
    static Map<String, Row> recipientsByPort;
    static List<String> attributableIds;
    static List<String> offNetOutgoing;

    @BeforeAll
    static void compute() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> voice = table(spark, Tables.VOICE_CALLS,
                voice("b1", "MO", "2026-11-03T01:00:00", "+8617000000001", SUB).device("imsi-1", "BOX", "cell-9").row(),
                voice("b2", "MO", "2026-11-03T01:05:00", "+8617000000002", SUB).device("imsi-2", "BOX", "cell-9").row(),
                voice("b3", "MO", "2026-11-03T01:10:00", "+8617000000003", SUB).device("imsi-3", "BOX", "cell-9").row(),
                voice("b4", "MO", "2026-11-03T01:15:00", "+8617000000001", SUB).device("imsi-1", "BOX", "cell-9").row(),
                voice("p1", "MO", "2026-11-03T09:00:00", SUB, VICTIM).device("imsi-s", "PHONE", "cell-1").row(),
                voice("p2", "MT", "2026-11-03T10:00:00", VICTIM, SUB).device("imsi-s", "PHONE", "cell-2").row(),
                voice("i1", "GW", "2026-11-03T11:00:00", VICTIM, SUB).trunk("ITG-1").row(),
                voice("i2", "GW", "2026-11-03T11:01:00", ROAMER, SUB).trunk("ITG-1").row(),
                voice("i3", "GW", "2026-11-03T11:02:00", "+447700900123", SUB).trunk("ITG-1").row(),
                voice("i4", "GW", "2026-11-03T11:03:00", "+861085550000", SUB).trunk("ITG-1").row(),
                voice("l1", "GW", "2026-11-03T12:00:00", "+861088660001", SUB).trunk("PL-1").row(),
                voice("l2", "GW", "2026-11-03T12:01:00", "+8613912345678", SUB).trunk("PL-1").row(),
                voice("l3", "GW", "2026-11-03T12:02:00", null, SUB).trunk("PL-1").restricted().row(),
                voice("l4", "GW", "2026-11-03T12:03:00", "+8613800009999", SUB).trunk("PL-1").row(),
                voice("l5", "GW", "2026-11-03T12:04:00", "+86130", SUB).trunk("PL-1").callingClass("INVALID").row());
        Dataset<Row> subscribers = table(spark, Tables.REF_SUBSCRIBERS,
                subscriber(SUB, "imsi-s", LocalDate.of(2020, 1, 1), "POSTPAID", "id-1", DAY),
                subscriber(ROAMER, "imsi-r", LocalDate.of(2020, 1, 1), "POSTPAID", "id-2", DAY),
                subscriber(VICTIM, "imsi-v", LocalDate.of(2020, 1, 1), "POSTPAID", "id-3", DAY));
        Dataset<Row> trunkRef = table(spark, Tables.REF_TRUNKS, trunk("ITG-1", "INTERNATIONAL", DAY),
                trunk("PL-1", "PRIVATE_LINE", DAY, "+861088"));
        Dataset<Row> roaming = table(spark, Tables.REF_ROAMING, roamer(ROAMER, DAY));
        // A ported snapshot exists for the day (without it nothing is unallocated); it lists a number of another block.
        Dataset<Row> ported = table(spark, Tables.REF_PORTED, ported("+8613900001111", "CUCC", LocalDate.of(2025, 5, 1), DAY));
        Dataset<Row> sms = table(spark, Tables.SMS_MESSAGES,
                sms("m1", "PORT", "2026-11-03T10:00:00", "+8610690001", SUB).port("SPAM").content("【金沙】首存送45%，官网 t.cn/Ab3xYz 邀请码vip1234").row(),
                sms("m2", "PORT", "2026-11-03T10:01:00", "+8610690002", VICTIM).port("SPAM").content("【新葡京】首存送90%，官网 v.gd/Qw8Rt2 邀请码kk88").row(),
                sms("m3", "PORT", "2026-11-03T10:02:00", "+8610690002", ROAMER).port("SPAM").undelivered().row(),
                sms("m4", "PORT", "2026-11-03T10:03:00", "+8610655555", SUB).port("OTP").content("【银行】您的验证码为123456，5分钟内有效").row());
        Dataset<Row> complaints = table(spark, Tables.COMPLAINTS,
                complaint("c1", VICTIM, "2026-11-03T13:00:00", "FRAUD", "APP", "r1"),
                complaint("c2", "+8610690002", "2026-11-03T13:00:00", "SPAM_SMS", "APP", "r2"));

        devices = byKey(WindowMerger.toWindowFeatures(DeviceStates.toDeviceDayState(ServedRows.toServedRows(voice, sms), DAY),
                FeatureSets.DEVICE_FEATURES, DAY, ONE_DAY));
        trunks = byKey(WindowMerger.toWindowFeatures(TrunkStates.toTrunkDayState(voice, trunkRef, roaming, subscribers, ported, DAY),
                FeatureSets.TRUNK_FEATURES, DAY, ONE_DAY));
        ports = byKey(WindowMerger.toWindowFeatures(PortCustomerStates.toPortCustomerDayState(sms, DAY),
                FeatureSets.PORT_CUSTOMER_FEATURES, DAY, ONE_DAY));
        Dataset<Row> carried = DistinctNumbers.toDayState(voice.filter("record_type = 'GW'"), "TRUNK", TRUNK_IN, CALLING_NUMBER, DAY)
                .unionByName(DistinctNumbers.toDayState(PortCustomerStates.portMessages(sms), "PORT_CUSTOMER", PORT_CUSTOMER, PORT_CODE, DAY));
        recipientsByPort = byKey(SmsSenders.toWindowRecipients(
                SmsSenders.toRecipientDayState(PortCustomerStates.portMessages(sms), "PORT_CUSTOMER", PORT_CUSTOMER, DAY),
                "PORT_CUSTOMER", DAY, ONE_DAY));
        carriedByTrunks = byKey(CarriedNumbers.toCarriedWindowFeatures(carried, complaints, "TRUNK", CLIS, DAY, ONE_DAY));
        carriedByPorts = byKey(CarriedNumbers.toCarriedWindowFeatures(carried, complaints, "PORT_CUSTOMER", PORT_CODES, DAY, ONE_DAY));
        Dataset<Row> attributable = Presentations.toAttributableCalls(voice, trunkRef, roaming);
        attributableIds = attributable.select(RECORD_ID).orderBy(RECORD_ID).as(Encoders.STRING()).collectAsList();
        offNetOutgoing = Sides.outgoingCalls(attributable, subscribers).select(NUMBER).distinct().orderBy(NUMBER)
                .as(Encoders.STRING()).collectAsList();
    }

    static Map<String, Row> byKey(Dataset<Row> df) {
        return df.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    }

    static <T> T get(Map<String, Row> rows, String key, String feature) {
        return rows.get(key).getAs(windowed(feature, 1));
    }

    @Test
    void simBoxCyclesSimsAtOneCell() {
        assertEquals(3L, (Long) get(devices, "BOX", SIMS));
        assertEquals(3L, (Long) get(devices, "BOX", NUMBERS));
        assertEquals(3L, (Long) get(devices, "BOX", SIM_SWAPS));
        assertEquals(1.0, get(devices, "BOX", SIM_SWAP_RATE), 1e-9);
        assertEquals(1L, (Long) get(devices, "BOX", CELLS));
        assertEquals(1.0, get(devices, "BOX", OUTGOING_SHARE), 1e-9);
        assertEquals(4.0 / 3, get(devices, "BOX", RECORDS_PER_SIM), 1e-9);
        assertEquals(1L, (Long) get(devices, "PHONE", SIMS));
        assertEquals(0L, (Long) get(devices, "PHONE", SIM_SWAPS));
        assertEquals(2L, (Long) get(devices, "PHONE", CELLS));
    }

    @Test
    void spoofedTransitCallsAreNotTheShownNumbersCalls() {
        assertEquals(List.of("b1", "b2", "b3", "b4", "i2", "i3", "l1", "l3", "p1", "p2"), attributableIds,
                "dropped: +86 from abroad by non-roamers (i1, i4) and private-line numbers outside its range (l2, l4, l5)");
        assertEquals(List.of("+447700900123", "+861088660001", SUB, "+8617000000001", "+8617000000002", "+8617000000003"),
                offNetOutgoing, "the victim's and the fixed line's numbers have no outgoing calls; the roamer's transit row is not its own outgoing either");
    }

    @Test
    void trunkCallerNumbersAreJudgedAgainstTheDaysSnapshots() {
        assertEquals(4L, (Long) get(trunks, "ITG-1", CALLS));
        assertEquals(2L, (Long) get(trunks, "ITG-1", CLI_PLUS86_INTERNATIONAL), "the victim's and a fixed line, not the roamer");
        assertEquals(0.5, get(trunks, "ITG-1", CLI_PLUS86_INTERNATIONAL_SHARE), 1e-9);
        assertEquals(0L, (Long) get(trunks, "ITG-1", CLI_UNAUTHORIZED), "authorised ranges apply to private lines only");
        assertEquals(5L, (Long) get(trunks, "PL-1", CALLS));
        assertEquals(3L, (Long) get(trunks, "PL-1", CLI_UNAUTHORIZED), "a mobile, the unallocated and the invalid one; the hidden one only counts as hidden");
        assertEquals(1L, (Long) get(trunks, "PL-1", CLI_UNALLOCATED), "+8613800009999 sits in our block without a subscriber, not ported");
        assertEquals(1L, (Long) get(trunks, "PL-1", CLI_INVALID), "+86130");
        assertEquals(0.2, get(trunks, "PL-1", CLI_INVALID_SHARE), 1e-9);
        assertEquals(1L, (Long) get(trunks, "PL-1", CLI_HIDDEN));
        assertEquals(0L, (Long) get(trunks, "PL-1", CLI_PLUS86_INTERNATIONAL));
        assertEquals(4L, (Long) get(carriedByTrunks, "PL-1", CLIS), "the hidden one presents no number");
        assertEquals(4L, (Long) get(carriedByTrunks, "ITG-1", CLIS));
        assertEquals(1L, (Long) get(carriedByTrunks, "ITG-1", COMPLAINTS_ON_CARRIED), "the complaint names the victim");
        assertEquals(0L, (Long) get(carriedByTrunks, "PL-1", COMPLAINTS_ON_CARRIED));
    }

    @Test
    void portCustomersAreSenders() {
        assertEquals(3L, (Long) get(ports, "SPAM", SMS_OUT));
        assertEquals(3L, (Long) get(recipientsByPort, "SPAM", SMS_RECIPIENTS));
        assertEquals(2.0 / 3, get(ports, "SPAM", DELIVERY_RATE), 1e-9);
        assertEquals(1.0, get(ports, "SPAM", TEMPLATE_SHARE), 1e-9);
        assertEquals(1.0, get(ports, "SPAM", URL_SHARE), 1e-9);
        assertEquals(2L, (Long) get(carriedByPorts, "SPAM", PORT_CODES));
        assertEquals(0.0, get(ports, "OTP", URL_SHARE), 1e-9);
        assertEquals(0.0, get(ports, "OTP", TEMPLATE_SHARE), 1e-9, "a single OTP message shares its fingerprint with nothing");
        assertEquals(1L, (Long) get(carriedByPorts, "SPAM", COMPLAINTS_ON_CARRIED));
    }
}
