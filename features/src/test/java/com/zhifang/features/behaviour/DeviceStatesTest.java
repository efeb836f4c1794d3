package com.zhifang.features.behaviour;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.apache.spark.sql.functions.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * New SIMs a device served, counted exactly from the stored (device, number) pairs of several days:
 * a box cycling fresh SIMs over two days (one SIM a day too old to be new, one served before the
 * window), and a person's phone with a SIM years old. Cells and hours of a day: a phone on Wi-Fi
 * calling (no cell id), a relay working around the clock.
 */
class DeviceStatesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 7);
    static final String NEW_1 = "+8617000000001";
    static final String NEW_2 = "+8617000000002";
    static final String BOUNDARY = "+8617000000003";
    static final String TOO_OLD = "+8617000000004";
    static final String BEFORE_WINDOW = "+8617000000005";
    static final String PERSON = "+8613800000001";
    static Dataset<Row> voice;
    static Dataset<Row> noSms;
    static Dataset<Row> subscribers;

    @BeforeAll
    static void records() {
        SparkSession spark = SparkTestSession.get();
        voice = table(spark, Tables.VOICE_CALLS,
                voice("b1", "MO", DAY + "T01:00:00", NEW_1, PERSON).device("imsi-1", "BOX", "cell-9").row(),
                voice("b2", "MO", DAY + "T01:05:00", NEW_2, PERSON).device("imsi-2", "BOX", "cell-9").row(),
                voice("b3", "MO", DAY.minusDays(3) + "T01:00:00", BOUNDARY, PERSON).device("imsi-3", "BOX", "cell-9").row(),
                voice("b4", "MO", DAY.minusDays(3) + "T01:05:00", TOO_OLD, PERSON).device("imsi-4", "BOX", "cell-9").row(),
                voice("b5", "MO", DAY.minusDays(3) + "T01:10:00", NEW_1, PERSON).device("imsi-1", "BOX", "cell-9").row(),
                voice("b6", "MO", DAY.minusDays(7) + "T01:00:00", BEFORE_WINDOW, PERSON).device("imsi-5", "BOX", "cell-9").row(),
                voice("p1", "MT", DAY + "T09:00:00", NEW_1, PERSON).device("imsi-p", "PHONE", "cell-1").row());
        noSms = table(spark, Tables.SMS_MESSAGES);
        subscribers = table(spark, Tables.REF_SUBSCRIBERS,
                subscriber(NEW_1, "imsi-1", DAY.minusDays(4), "PREPAID", "id-1", DAY),
                subscriber(NEW_2, "imsi-2", DAY.minusDays(20), "PREPAID", "id-1", DAY),
                subscriber(BOUNDARY, "imsi-3", DAY.minusDays(FeatureSets.NEW_SIM_DAYS), "PREPAID", "id-1", DAY),
                subscriber(TOO_OLD, "imsi-4", DAY.minusDays(FeatureSets.NEW_SIM_DAYS + 1), "PREPAID", "id-2", DAY),
                subscriber(BEFORE_WINDOW, "imsi-5", DAY.minusDays(9), "PREPAID", "id-2", DAY),
                subscriber(PERSON, "imsi-p", LocalDate.of(2018, 3, 1), "POSTPAID", "id-3", DAY));
    }

    /** The served records of the traffic days from {@code first} to D. */
    static Dataset<Row> served(LocalDate first) {
        return ServedRows.toServedRows(voice.filter(col(TRAFFIC_DAY).between(lit(first), lit(DAY))), noSms);
    }

    /** The stored pairs of each day, as the nightly writes them. */
    static Dataset<Row> storedPairs() {
        Dataset<Row> states = null;
        for (LocalDate d = DAY.minusDays(7); !d.isAfter(DAY); d = d.plusDays(1)) {
            Dataset<Row> day = DeviceStates.toServedNumberDayState(
                    ServedRows.toServedRows(voice.filter(col(TRAFFIC_DAY).equalTo(lit(d))), noSms), d);
            states = states == null ? day : states.unionByName(day);
        }
        return states;
    }

    @Test
    void newSimsAreCountedPerWindowFromTheStoredPairs() {
        Map<String, Row> devices = SourceStatesTest.byKey(DeviceStates.toWindowNewSims(storedPairs(), subscribers, DAY, List.of(1, 7)));
        assertEquals(2L, (Long) devices.get("BOX").getAs(windowed(NEW_SIMS, 1)), "two new SIMs on D");
        assertEquals(3L, (Long) devices.get("BOX").getAs(windowed(NEW_SIMS, 7)),
                "and one activated exactly 30 days before D; not the one a day older, nor the one served 7 days before");
        assertEquals(0L, (Long) devices.get("PHONE").getAs(windowed(NEW_SIMS, 7)), "a person's SIM years old");
    }

    /** Merge of the stored daily pairs equals a count from the window's raw records and the snapshot. */
    @Test
    void windowNewSimsFromDayStatesEqualARecountFromTheRecords() {
        Map<String, Row> merged = SourceStatesTest.byKey(DeviceStates.toWindowNewSims(storedPairs(), subscribers, DAY, List.of(7)));
        Dataset<Row> ages = subscribers.select(col(MSISDN).as(NUMBER),
                datediff(lit(java.sql.Date.valueOf(DAY)), col(ACTIVATED_ON)).leq(FeatureSets.NEW_SIM_DAYS).as("new"));
        Map<String, Row> recount = SourceStatesTest.byKey(served(DAY.minusDays(6))
                .select(IMEI, NUMBER).distinct().join(ages, new String[] {NUMBER}, "left")
                .groupBy(IMEI).agg(count_if(coalesce(col("new"), lit(false))).as("new_sims")));
        assertEquals(recount.keySet(), merged.keySet());
        recount.forEach((imei, row) -> assertEquals(row.getLong(1), (Long) merged.get(imei).getAs(windowed(NEW_SIMS, 7)), imei));
    }

    /**
     * A phone whose records have no cell id (Wi-Fi calling) has unknown cells, not 0 ("parked at one
     * cell"); a relay's night share counts its outgoing calls started from 00:00 to 05:59:59 local,
     * not its incoming ones.
     */
    @Test
    void cellsWithoutACellIdAreUnknownAndNightIsAShareOfOutgoingCalls() {
        List<Row> rows = new java.util.ArrayList<>();
        String[] night = {"00:00:00", "00:40:00", "01:10:00", "01:50:00", "02:20:00", "03:00:00", "03:30:00", "04:15:00", "05:00:00",
                "05:59:59"};
        for (int i = 0; i < 40; i++) {
            String time = i < night.length ? night[i] : String.format("%02d:%02d:00", 6 + (i - night.length) % 18, i - night.length);
            rows.add(voice("r" + i, "MO", DAY + "T" + time, NEW_1, PERSON).device("imsi-1", "RELAY", i % 4 == 0 ? null : "cell-" + i % 2)
                    .row());
        }
        rows.add(voice("r-in", "MT", DAY + "T02:00:00", PERSON, NEW_1).device("imsi-1", "RELAY", "cell-1").row());
        rows.add(voice("w1", "MO", DAY + "T02:00:00", PERSON, NEW_1).device("imsi-p", "WIFI", null).row());
        rows.add(voice("w2", "MT", DAY + "T11:00:00", NEW_2, PERSON).device("imsi-p", "WIFI", null).row());
        Dataset<Row> served = ServedRows.toServedRows(table(SparkTestSession.get(), Tables.VOICE_CALLS, rows), noSms);
        Map<String, Row> devices = SourceStatesTest.byKey(WindowMerger.toWindowFeatures(DeviceStates.toDeviceDayState(served, DAY),
                FeatureSets.DEVICE_FEATURES, DAY, List.of(1)));

        Row wifi = devices.get("WIFI");
        assertNull(wifi.getAs(windowed(CELLS, 1)), "no cell id: unknown, not one cell");
        assertEquals(0L, (Long) wifi.getAs(windowed(CELL_RECORDS, 1)));
        assertEquals(0.0, (Double) wifi.getAs(windowed(CELL_KNOWN_SHARE, 1)), 1e-9);
        assertEquals(1L, (Long) wifi.getAs(windowed(CALLS_OUT_NIGHT, 1)));
        assertEquals(1.0, (Double) wifi.getAs(windowed(NIGHT_SHARE, 1)), 1e-9);

        Row relay = devices.get("RELAY");
        assertEquals(41L, (Long) relay.getAs(windowed(RECORDS, 1)));
        assertEquals(2L, (Long) relay.getAs(windowed(CELLS, 1)));
        assertEquals(31L, (Long) relay.getAs(windowed(CELL_RECORDS, 1)), "30 of the 40 calls and the incoming one had a cell id");
        assertEquals(31.0 / 41, (Double) relay.getAs(windowed(CELL_KNOWN_SHARE, 1)), 1e-9);
        assertEquals(10L, (Long) relay.getAs(windowed(CALLS_OUT_NIGHT, 1)), "05:59:59 is night, 06:00:00 is not, nor the incoming call at 02:00");
        assertEquals(0.25, (Double) relay.getAs(windowed(NIGHT_SHARE, 1)), 1e-9);
    }

    /** The feature row: joined onto the merged device state; a device without stored pairs reads 0, not missing. */
    @Test
    void deviceFeatureRowsCarryNewSims() {
        Dataset<Row> windowed = WindowMerger.toWindowFeatures(DeviceStates.toDeviceDayState(served(DAY), DAY), FeatureSets.DEVICE_FEATURES,
                DAY, List.of(1));
        Map<String, Row> rows = SourceStatesTest.byKey(FeatureRows.toDeviceFeatures(windowed,
                DeviceStates.toWindowNewSims(storedPairs().filter(col(ENTITY_ID).notEqual("PHONE")), subscribers, DAY, List.of(1)), List.of(1)));
        assertEquals(2L, (Long) rows.get("BOX").getAs(windowed(NEW_SIMS, 1)));
        assertEquals(0L, (Long) rows.get("PHONE").getAs(windowed(NEW_SIMS, 1)));
    }
}
