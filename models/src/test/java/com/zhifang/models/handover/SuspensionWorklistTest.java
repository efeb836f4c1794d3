package com.zhifang.models.handover;

import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.features.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.HandoverColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The suspension worklist on small named cases: a notified line that keeps calling, one that went quiet, one suspended
 * the next day, an allowlisted one, declined with and without a reason, restored, suspended in the snapshot only, and
 * the lines linked to them by identity and handset.
 */
class SuspensionWorklistTest {
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    private static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    private static final LocalDate NOV_6 = LocalDate.of(2026, 11, 6);
    private static final LocalDate NOV_7 = LocalDate.of(2026, 11, 7);

    private static final String STILL_CALLING = "+8613800000001";
    private static final String QUIET = "+8613800000002";
    private static final String SUSPENDED_NEXT_DAY = "+8613800000003";
    private static final String ALLOWLISTED = "+8613800000005";
    private static final String DECLINED = "+8613800000006";
    private static final String DECLINED_WITHOUT_REASON = "+8613800000007";
    private static final String SNAPSHOT_SUSPENDED = "+8613800000008";
    private static final String RESTORED = "+8613800000009";
    private static final String SAME_IDENTITY = "+8613900000010";
    private static final String SAME_HANDSET = "+8613900000011";
    private static final String SAME_IDENTITY_CLOSED = "+8613900000012";
    private static final String SUSPENDED_STILL_CALLING = "+8613800000004";
    private static final String DECLINED_RELATIVE = "+8613900000013";
    private static final String STRANGER = "+8613700000099";

    private static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
    }

    private static Dataset<Row> notices() {
        return table(spark, Tables.POLICE_NOTICES,
                police(STILL_CALLING, NOV_5, "GA-2026-1"),
                police(QUIET, NOV_6, "GA-2026-2"),
                police(SUSPENDED_NEXT_DAY, NOV_6, "GA-2026-3"),
                police(ALLOWLISTED, NOV_6, "GA-2026-5"),
                police(DECLINED, NOV_4, "GA-2026-6"),
                police(DECLINED_WITHOUT_REASON, NOV_4, "GA-2026-7"),
                police(SNAPSHOT_SUSPENDED, NOV_4, "GA-2026-8"),
                police(RESTORED, NOV_4, "GA-2026-9"),
                police(STILL_CALLING, NOV_6, "GA-2026-10"),
                police(SUSPENDED_STILL_CALLING, NOV_5, "GA-2026-4"));
    }

    private static Dataset<Row> actions() {
        return table(spark, Tables.SUSPENSION_ACTIONS,
                suspension(SUSPENDED_NEXT_DAY, "SUSPENDED", "2026-11-07T10:00:00", "police notice GA-2026-3", "OPS-001"),
                suspension(DECLINED, "NOT_SUSPENDED", "2026-11-05T09:00:00", "number impersonated (spoofed CLI)", "OPS-002"),
                suspension(DECLINED_WITHOUT_REASON, "NOT_SUSPENDED", "2026-11-05T09:00:00", " ", "OPS-003"),
                suspension(RESTORED, "SUSPENDED", "2026-11-04T12:00:00", "police notice GA-2026-9", "OPS-001"),
                suspension(RESTORED, "RESTORED", "2026-11-06T16:00:00", "appeal", "OPS-004"),
                // taken after the end of the day the list is for: not yet known
                suspension(QUIET, "SUSPENDED", "2026-11-08T08:00:00", "police notice GA-2026-2", "OPS-001"),
                suspension(SUSPENDED_STILL_CALLING, "SUSPENDED", "2026-11-06T10:00:00", "police notice GA-2026-4", "OPS-001"));
    }

    private static Dataset<Row> subscribers() {
        List<Row> rows = new ArrayList<>();
        for (String n : List.of(QUIET, SUSPENDED_NEXT_DAY, ALLOWLISTED, DECLINED, DECLINED_WITHOUT_REASON, RESTORED, SAME_HANDSET,
                SUSPENDED_STILL_CALLING)) {
            rows.add(subscriber(n, "id-" + n, null, "ACTIVE", NOV_4));
        }
        rows.add(subscriber(STILL_CALLING, "id-shared", "MVNO-7", "ACTIVE", NOV_4));
        rows.add(subscriber(SAME_IDENTITY, "id-shared", null, "ACTIVE", NOV_4));
        rows.add(subscriber(SAME_IDENTITY_CLOSED, "id-shared", null, "CLOSED", NOV_4));
        rows.add(subscriber(DECLINED_RELATIVE, "id-" + DECLINED, null, "ACTIVE", NOV_4));
        rows.add(subscriber(SNAPSHOT_SUSPENDED, "id-" + SNAPSHOT_SUSPENDED, null, "SUSPENDED", NOV_4));
        return table(spark, Tables.REF_SUBSCRIBERS, rows);
    }

    private static Dataset<Row> allowlist() {
        return table(spark, Tables.REF_ALLOWLIST,
                allowed("+8613800000005", false, "Big Bank", "BANK", null, NOV_4),
                allowed("+86138000000", true, "Old Courier", "COURIER", NOV_6, NOV_4));   // a block, expired on Nov 6
    }

    private static Dataset<Row> voiceRecords() {
        return table(spark, Tables.VOICE_CALLS,
                // before the notice: does not count as traffic after it, but ties the handset
                voice("v0", "MO", "2026-11-04T09:00:00", STILL_CALLING, STRANGER).device("i1", "imei-A", "c1").row(),
                voice("v1", "MO", "2026-11-06T09:00:00", STILL_CALLING, STRANGER).device("i1", "imei-A", "c1").answered(30).row(),
                voice("v2", "MT", "2026-11-07T09:00:00", STRANGER, STILL_CALLING).device("i1", "imei-A", "c1").row(),
                voice("v3", "MO", "2026-11-06T11:00:00", SAME_HANDSET, STRANGER).device("i2", "imei-A", "c1").row(),
                // five hours after its recorded suspension
                voice("v5", "MO", "2026-11-06T15:00:00", SUSPENDED_STILL_CALLING, STRANGER).row(),
                // after D: not seen yet
                voice("v4", "MO", "2026-11-08T09:00:00", QUIET, STRANGER).row());
    }

    private static Dataset<Row> smsRecords() {
        return table(spark, Tables.SMS_MESSAGES,
                sms("s1", "MO", "2026-11-07T12:00:00", STILL_CALLING, STRANGER).row());
    }

    private static final Map<String, Map<String, Row>> WORKLISTS = new java.util.HashMap<>();

    /** The worklist of a day under a limit, computed once per test class (each costs a dozen small Spark jobs). */
    private static Map<String, Row> worklist(LocalDate day, int overdueHours) {
        String key = day + "/" + overdueHours;
        Map<String, Row> cached = WORKLISTS.get(key);
        if (cached == null) {
            cached = computeWorklist(day, overdueHours);
            WORKLISTS.put(key, cached);
        }
        return cached;
    }

    private static Map<String, Row> computeWorklist(LocalDate day, int overdueHours) {
        Dataset<Row> standing = SuspensionWorklist.toNotifiedStanding(notices(), actions(), subscribers(), day);
        Dataset<Row> rows = SuspensionWorklist.toWorklist(standing, subscribers(), allowlist(), voiceRecords(), smsRecords(), day, overdueHours);
        assertEquals(SuspensionWorklist.COLUMNS, List.of(rows.columns()));
        return rows.collectAsList().stream().collect(Collectors.toMap(
                r -> r.<String>getAs(ENTRY) + " " + r.<String>getAs(NUMBER)
                        + (r.getAs(LINK_TYPE) == null ? "" : " " + r.getAs(LINK_TYPE)), r -> r));
    }

    @Test
    void notifiedNumbersStayUntilSuspendedOrDeclinedWithAReason() {
        Map<String, Row> rows = worklist(NOV_7, 24);
        assertEquals(List.of("NOTIFIED " + ALLOWLISTED, "NOTIFIED " + DECLINED_WITHOUT_REASON, "NOTIFIED " + QUIET,
                        "NOTIFIED " + RESTORED, "NOTIFIED " + STILL_CALLING, "NOTIFIED " + SUSPENDED_STILL_CALLING, "REVIEW " + SAME_HANDSET + " DEVICE",
                        "REVIEW " + SAME_IDENTITY + " IDENTITY").stream().sorted().toList(),
                rows.keySet().stream().sorted().toList());
        assertEquals("NO_ACTION", rows.get("NOTIFIED " + QUIET).getAs(STATE), "a notified line without traffic is listed");
        assertEquals("NOT_SUSPENDED_WITHOUT_REASON", rows.get("NOTIFIED " + DECLINED_WITHOUT_REASON).getAs(STATE));
        assertEquals("RESTORED", rows.get("NOTIFIED " + RESTORED).getAs(STATE));
        assertEquals("appeal", rows.get("NOTIFIED " + RESTORED).getAs(LAST_ACTION_REASON));
        assertEquals("OPS-004", rows.get("NOTIFIED " + RESTORED).getAs(LAST_ACTION_BY));
        assertEquals("SUSPENDED_BUT_LIVE", rows.get("NOTIFIED " + SUSPENDED_STILL_CALLING).getAs(STATE),
                "recorded as suspended, but it called afterwards");
        assertFalse(rows.containsKey("REVIEW " + DECLINED_RELATIVE + " IDENTITY"),
                "a notice declined with a reason (an impersonated number) links nobody");
    }

    @Test
    void rowsComeInTheirStatedOrder() {
        Dataset<Row> standing = SuspensionWorklist.toNotifiedStanding(notices(), actions(), subscribers(), NOV_7);
        List<String> order = SuspensionWorklist.toWorklist(standing, subscribers(), allowlist(), voiceRecords(), smsRecords(),
                        NOV_7, 24).collectAsList().stream()
                .map(r -> r.<String>getAs(ENTRY) + " " + r.<String>getAs(NUMBER)).toList();
        // overdue first, then oldest notice first (Nov 4 before Nov 5 before Nov 6), numbers breaking ties; review last
        assertEquals(List.of("NOTIFIED " + DECLINED_WITHOUT_REASON, "NOTIFIED " + RESTORED, "NOTIFIED " + STILL_CALLING,
                "NOTIFIED " + SUSPENDED_STILL_CALLING, "NOTIFIED " + QUIET, "NOTIFIED " + ALLOWLISTED,
                "REVIEW " + SAME_IDENTITY, "REVIEW " + SAME_HANDSET), order);
    }

    @Test
    void suspendedTheNextDayItLeaves() {
        Row before = worklist(NOV_6, 24).get("NOTIFIED " + SUSPENDED_NEXT_DAY);
        assertNotNull(before, "open on the day of the notice");
        assertEquals("GA-2026-3", before.getAs(CASE_REF));
        assertFalse(worklist(NOV_7, 24).containsKey("NOTIFIED " + SUSPENDED_NEXT_DAY), "suspended on Nov 7: gone");
    }

    @Test
    void aLineStillCallingAfterTheNoticeIsLive() {
        Row row = worklist(NOV_7, 24).get("NOTIFIED " + STILL_CALLING);
        assertEquals(2L, row.<Long>getAs(CALLS_AFTER_NOTICE), "the call before the notice does not count");
        assertEquals(1L, row.<Long>getAs(SMS_AFTER_NOTICE));
        assertTrue(row.<Boolean>getAs(LIVE));
        assertEquals(NOV_5, row.<LocalDate>getAs(NOTIFIED_ON), "the first notice");
        assertEquals("GA-2026-1;GA-2026-10", row.getAs(CASE_REF), "every case reference");
        assertEquals("MVNO-7", row.getAs(RESELLER_ID));
        assertEquals("ACTIVE", row.getAs(STATUS));
        assertFalse(worklist(NOV_7, 24).get("NOTIFIED " + QUIET).<Boolean>getAs(LIVE));
    }

    @Test
    void anAllowlistedNotifiedNumberStaysWithTheConflictNamed() {
        Map<String, Row> rows = worklist(NOV_7, 24);
        assertEquals("ALLOWLISTED: Big Bank (BANK)", rows.get("NOTIFIED " + ALLOWLISTED).getAs(CONFLICT));
        assertNull(rows.get("NOTIFIED " + QUIET).getAs(CONFLICT), "an expired allowlist entry is no conflict");
        assertEquals("ALLOWLISTED: Old Courier (COURIER)", worklist(NOV_6, 24).get("NOTIFIED " + QUIET).getAs(CONFLICT),
                "a block entry still valid on the day covers the number");
    }

    @Test
    void overdueFollowsTheConfiguredLimit() {
        Map<String, Row> day = worklist(NOV_7, 24);
        assertEquals(72L, day.get("NOTIFIED " + STILL_CALLING).<Long>getAs(HOURS_OPEN));
        assertEquals(2, day.get("NOTIFIED " + STILL_CALLING).<Integer>getAs(DAYS_OPEN));
        assertTrue(day.get("NOTIFIED " + STILL_CALLING).<Boolean>getAs(OVERDUE));
        assertTrue(day.get("NOTIFIED " + QUIET).<Boolean>getAs(OVERDUE), "48 h > 24 h");
        Map<String, Row> lenient = worklist(NOV_7, 48);   // the same rows, another limit
        assertFalse(lenient.get("NOTIFIED " + QUIET).<Boolean>getAs(OVERDUE), "48 h is not more than 48 h");
        assertTrue(lenient.get("NOTIFIED " + STILL_CALLING).<Boolean>getAs(OVERDUE));
        assertFalse(worklist(NOV_6, 24).get("NOTIFIED " + QUIET).<Boolean>getAs(OVERDUE), "notified today: 24 h");
        assertNull(day.get("REVIEW " + SAME_IDENTITY + " IDENTITY").getAs(OVERDUE), "review rows are not overdue");
        assertThrows(IllegalArgumentException.class, () -> worklist(NOV_7, -1));
    }

    @Test
    void linesSharingAnIdentityOrAHandsetAreReviewRowsWithTheLinkNamed() {
        Map<String, Row> rows = worklist(NOV_7, 24);
        Row identity = rows.get("REVIEW " + SAME_IDENTITY + " IDENTITY");
        assertEquals(STILL_CALLING, identity.getAs(LINKED_NUMBER));
        assertEquals("id-shared", identity.getAs(LINK_VALUE));
        assertEquals("GA-2026-1;GA-2026-10", identity.getAs(CASE_REF));
        Row handset = rows.get("REVIEW " + SAME_HANDSET + " DEVICE");
        assertEquals(STILL_CALLING, handset.getAs(LINKED_NUMBER));
        assertEquals("imei-A", handset.getAs(LINK_VALUE));
        assertEquals(1L, handset.<Long>getAs(CALLS_AFTER_NOTICE), "its own traffic since the linked notice");
        assertFalse(rows.containsKey("REVIEW " + SAME_IDENTITY_CLOSED + " IDENTITY"), "a closed line needs no review");
    }

    @Test
    void standingShowsWhyClosedItemsAreClosed() {
        Map<String, String> states = SuspensionWorklist.toNotifiedStanding(notices(), actions(), subscribers(), NOV_7)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(NUMBER), r -> r.getAs(STATE)));
        assertEquals("SUSPENDED", states.get(SUSPENDED_NEXT_DAY));
        assertEquals("NOT_SUSPENDED", states.get(DECLINED));
        assertEquals("OUT_OF_SERVICE", states.get(SNAPSHOT_SUSPENDED));
        assertEquals("NO_ACTION", states.get(QUIET), "an action after the end of the day is not known yet");
    }
}
