package com.zhifang.features.behaviour;

import com.zhifang.features.reference.ReferenceSnapshots;
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
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Number portability on an interconnect trunk: which caller numbers are unallocated depends on the
 * ported-number snapshot of the day. Our block {@code +861380000} holds subscriber SUB; a number of
 * it ported out to another operator, and another of it nobody holds. Subscriber PORTED_IN holds a
 * number ported in from another operator's block {@code +861590000}, in which a further number
 * calls. Two garbled caller IDs (an unassigned range, text that is no number) and a hidden one
 * complete the trunk's calls.
 */
class TrunkStatesTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    static final String SUB = "+8613800000001";
    static final String PORTED_OUT = "+8613800005555";
    static final String NOBODYS = "+8613800006666";
    static final String PORTED_IN = "+8615900001234";
    static final String PORTED_IN_NEIGHBOUR = "+8615900009999";
    static final String TRUNK = "IC-1";
    static SparkSession spark;
    static Dataset<Row> voice;
    static Dataset<Row> trunks;
    static Dataset<Row> roaming;
    static Dataset<Row> subscribers;

    @BeforeAll
    static void records() {
        spark = SparkTestSession.get();
        voice = table(spark, Tables.VOICE_CALLS,
                voice("g1", "GW", "2026-11-03T09:00:00", PORTED_OUT, SUB).trunk(TRUNK).row(),
                voice("g2", "GW", "2026-11-03T09:01:00", NOBODYS, SUB).trunk(TRUNK).row(),
                voice("g3", "GW", "2026-11-03T09:02:00", PORTED_IN_NEIGHBOUR, SUB).trunk(TRUNK).row(),
                voice("g4", "GW", "2026-11-03T09:03:00", "+86130", SUB).trunk(TRUNK).callingClass("INVALID").row(),
                voice("g5", "GW", "2026-11-03T09:04:00", null, SUB).trunk(TRUNK).callingClass("INVALID").row(),
                voice("g6", "GW", "2026-11-03T09:05:00", null, SUB).trunk(TRUNK).restricted().row(),
                voice("g7", "GW", "2026-11-03T09:06:00", PORTED_IN, SUB).trunk(TRUNK).row(),
                voice("g8", "GW", "2026-11-03T09:07:00", SUB, PORTED_IN).trunk(TRUNK).row(),
                voice("m1", "MO", "2026-11-03T09:08:00", SUB, NOBODYS).device("imsi-s", "PHONE", "cell-1").row());
        trunks = table(spark, Tables.REF_TRUNKS, trunk(TRUNK, "INTERCONNECT", DAY));
        roaming = table(spark, Tables.REF_ROAMING);
        subscribers = table(spark, Tables.REF_SUBSCRIBERS,
                subscriber(SUB, "imsi-s", LocalDate.of(2020, 1, 1), "POSTPAID", "id-1", DAY),
                subscriber(PORTED_IN, "imsi-p", LocalDate.of(2024, 6, 1), "POSTPAID", "id-2", DAY));
    }

    static Dataset<Row> portedSnapshot(LocalDate snapshot, String... numbers) {
        return table(spark, Tables.REF_PORTED, java.util.Arrays.stream(numbers)
                .map(n -> ported(n, n.equals(PORTED_IN) ? "CMCC" : "CUCC", LocalDate.of(2025, 3, 1), snapshot)).toList());
    }

    /** The trunk's one-day window row given the day's ported snapshot. */
    static Row trunkDay(Dataset<Row> ported) {
        List<Row> rows = WindowMerger.toWindowFeatures(TrunkStates.toTrunkDayState(voice, trunks, roaming, subscribers, ported, DAY),
                FeatureSets.TRUNK_FEATURES, DAY, List.of(1)).collectAsList();
        assertEquals(1, rows.size(), "GW rows only, one trunk");
        return rows.get(0);
    }

    static long count(Row trunkRow, String feature) {
        return trunkRow.<Long>getAs(windowed(feature, 1));
    }

    @Test
    void aPortedOutNumberOfOurBlockIsNotUnallocatedWhenTheSnapshotListsIt() {
        Row row = trunkDay(portedSnapshot(DAY, PORTED_OUT, PORTED_IN));
        assertEquals(8L, count(row, CALLS));
        assertEquals(1L, count(row, CLI_UNALLOCATED), "only the number of our block that nobody holds and that did not port out");
        assertEquals(1.0 / 8, row.<Double>getAs(windowed(CLI_UNALLOCATED_SHARE, 1)), 1e-9);
    }

    @Test
    void theSameNumberIsUnallocatedWhenASnapshotExistsWithoutIt() {
        Row row = trunkDay(portedSnapshot(DAY, PORTED_IN));
        assertEquals(2L, count(row, CLI_UNALLOCATED), "the ported-out number as well");
    }

    @Test
    void withoutAPortedSnapshotNothingIsUnallocated() {
        Row row = trunkDay(table(spark, Tables.REF_PORTED));
        assertEquals(0L, count(row, CLI_UNALLOCATED), "a number of our blocks that no subscriber holds may have ported out");
        assertEquals(2L, count(row, CLI_INVALID), "invalid numbers do not need the ported snapshot");
    }

    @Test
    void aPortedInSubscribersForeignBlockDoesNotBecomeOurs() {
        assertEquals(1L, count(trunkDay(portedSnapshot(DAY, PORTED_OUT, PORTED_IN)), CLI_UNALLOCATED),
                "the neighbour in the ported-in number's block is another operator's");
        assertEquals(2L, count(trunkDay(portedSnapshot(DAY, PORTED_OUT)), CLI_UNALLOCATED),
                "had the subscriber's number not been ported in, its block would be ours and the neighbour unallocated");
    }

    @Test
    void garbledNumbersCountAsInvalidNotUnallocatedNorHidden() {
        Row row = trunkDay(portedSnapshot(DAY, PORTED_OUT, PORTED_IN));
        assertEquals(2L, count(row, CLI_INVALID), "an unassigned range and text that is no number");
        assertEquals(0.25, row.<Double>getAs(windowed(CLI_INVALID_SHARE, 1)), 1e-9);
        assertEquals(1L, count(row, CLI_HIDDEN), "only the restricted call");
        assertEquals(0L, count(row, CLI_UNAUTHORIZED), "authorised ranges apply to private lines only");

        Map<String, List<Boolean>> flags = Presentations.classified(voice.filter("record_type = 'GW'"), trunks, roaming, subscribers,
                        portedSnapshot(DAY, PORTED_OUT, PORTED_IN))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.<String>getAs(RECORD_ID), r -> List.of(
                        r.<Boolean>getAs(Presentations.UNALLOCATED), r.<Boolean>getAs(Presentations.INVALID),
                        r.<Boolean>getAs(Presentations.HIDDEN))));
        assertEquals(List.of(false, true, false), flags.get("g4"));
        assertEquals(List.of(false, true, false), flags.get("g5"));
        assertEquals(List.of(false, false, true), flags.get("g6"));
        assertEquals(List.of(true, false, false), flags.get("g2"));
        assertEquals(List.of(false, false, false), flags.get("g1"));
        assertEquals(List.of(false, false, false), flags.get("g7"), "a ported-in subscriber's own number");
    }

    /** The newest ported snapshot dated on or before the day applies, like every reference snapshot. */
    @Test
    void theSnapshotOfTheDayApplies() {
        Dataset<Row> history = portedSnapshot(DAY.minusDays(2), PORTED_OUT, PORTED_IN)
                .unionByName(portedSnapshot(DAY.plusDays(1), PORTED_IN));
        assertEquals(1L, count(trunkDay(ReferenceSnapshots.asOf(history, DAY)), CLI_UNALLOCATED),
                "the later snapshot without the ported-out number does not apply yet");
        assertEquals(2L, count(trunkDay(ReferenceSnapshots.asOf(history, DAY.plusDays(1))), CLI_UNALLOCATED));
    }

    @Test
    void theTrunkFeaturesTableHasBothCountersOverEveryWindow() {
        List<String> columns = List.of(com.zhifang.features.catalog.Schemas.schemaOf(Tables.FEATURES_TRUNK).fieldNames());
        for (String feature : List.of(CLI_UNALLOCATED, CLI_UNALLOCATED_SHARE, CLI_INVALID, CLI_INVALID_SHARE)) {
            assertTrue(columns.contains(windowed(feature, 7)), feature + " in " + columns);
            assertTrue(columns.contains(windowed(feature, 1)), feature + " in " + columns);
        }
        assertTrue(columns.stream().noneMatch(c -> c.startsWith("cli_unallocated_invalid")), columns.toString());
    }
}
