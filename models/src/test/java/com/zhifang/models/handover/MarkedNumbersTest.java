package com.zhifang.models.handover;

import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.HandoverColumns.*;
import static com.zhifang.features.schema.RecordColumns.NUMBER;
import static com.zhifang.features.testing.Records.*;
import static org.junit.jupiter.api.Assertions.*;

/** The 12321 feed on small named cases: categories, confidence, never-marked numbers, and withdrawn marks. */
class MarkedNumbersTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 7);

    private static final String WANGIRI = "+8617100000001";
    private static final String BULK_REPORTED = "+8617100000002";
    private static final String BULK_UNREPORTED = "+8617100000003";
    private static final String TELEMARKETER = "+8613800000004";
    private static final String TELEMARKETER_HARASSING = "+8613800000014";
    private static final String SPAMMER = "+8617100000005";
    private static final String SPOOF_VICTIM = "+8613800000006";
    private static final String ALLOWLISTED = "+8613800000007";
    private static final String DECLINED = "+8613800000008";
    private static final String RESTORED_ON_APPEAL = "+8617100000009";
    private static final String STILL_MARKED = "+8617100000010";
    private static final String MARKED_AGAIN = "+8617100000011";
    private static final String CLEARED_BEFORE_MARK = "+8617100000012";
    private static final String CLEARED_ON_MARK_DAY = "+8617100000013";
    private static final String APPEAL_OVERRULED = "+8617100000014";
    private static final String POLICE_BULK = "+8617100000015";

    private static SparkSession spark;
    private static Map<String, Row> feed;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        Dataset<Row> list = list();
        Dataset<Row> spoofed = MarkedNumbers.toSpoofedNumbers(list, table(spark, Tables.VOICE_CALLS,
                voice("g1", "GW", "2026-11-06T10:00:00", SPOOF_VICTIM, "+8613912345678").trunk("ITG-1").row(),
                voice("g2", "GW", "2026-11-06T10:00:00", WANGIRI, "+8613912345678").trunk("ITG-CLEAN").row()));
        Dataset<Row> standing = SuspensionWorklist.toNotifiedStanding(
                table(spark, Tables.POLICE_NOTICES, police(DECLINED, D.minusDays(2), "GA-1"), police(SPOOF_VICTIM, D.minusDays(2), "GA-2")),
                table(spark, Tables.SUSPENSION_ACTIONS,
                        suspension(DECLINED, "NOT_SUSPENDED", "2026-11-06T10:00:00", "number re-assigned to a new owner", "OPS-1")),
                table(spark, Tables.REF_SUBSCRIBERS), D);
        Dataset<Row> feedback = table(spark, Tables.FEEDBACK,
                feedback(RESTORED_ON_APPEAL, D.minusDays(1), "RESTORED_ON_APPEAL", "owner verified in store"),
                feedback(ALLOWLISTED, D.minusDays(1), "FALSE_POSITIVE", "bank hotline"),
                feedback(CLEARED_BEFORE_MARK, D.minusDays(3), "FALSE_POSITIVE", "old decision"),
                feedback(CLEARED_ON_MARK_DAY, D.minusDays(1), "FALSE_POSITIVE", "decided after that day's feed"),
                feedback(APPEAL_OVERRULED, D.minusDays(2), "RESTORED_ON_APPEAL", "appeal"),
                feedback(APPEAL_OVERRULED, D.minusDays(1), "CONFIRMED_FRAUD", "new evidence"));
        Dataset<Row> allowlist = table(spark, Tables.REF_ALLOWLIST, allowed(ALLOWLISTED, false, "Bank", "BANK", null, D.minusDays(6)));
        Dataset<Row> history = spark.createDataFrame(List.of(
                mark(D.minusDays(4), "MARK", WANGIRI), mark(D.minusDays(1), "MARK", WANGIRI),
                mark(D.minusDays(2), "MARK", RESTORED_ON_APPEAL),
                mark(D.minusDays(2), "MARK", STILL_MARKED),
                mark(D.minusDays(5), "MARK", MARKED_AGAIN), mark(D.minusDays(3), "UNMARK", MARKED_AGAIN),
                mark(D.minusDays(1), "MARK", MARKED_AGAIN),
                mark(D.minusDays(2), "MARK", SPOOF_VICTIM),
                mark(D.minusDays(2), "MARK", ALLOWLISTED),
                mark(D.minusDays(1), "MARK", CLEARED_BEFORE_MARK),
                mark(D.minusDays(1), "MARK", CLEARED_ON_MARK_DAY),
                mark(D.minusDays(3), "MARK", APPEAL_OVERRULED),
                mark(D, "MARK", "+8619999999999")),   // an earlier export of D itself: ignored
                com.zhifang.features.catalog.Schemas.schemaOf(Tables.MARKED_NUMBERS));
        feed = MarkedNumbers.toFeed(list, features(), spoofed, standing, feedback, allowlist, history, D)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(MARK_ACTION) + " " + r.getAs(NUMBER), r -> r));
    }

    @Test
    void everyListedNumberIsMarkedInTheCentresVocabulary() {
        assertEquals(List.of("FRAUD", "诈骗", "HIGH"), fields(feed.get("MARK " + WANGIRI), MARK_CATEGORY, MARK_CATEGORY_ZH, CONFIDENCE));
        assertEquals(List.of("FRAUD", "MEDIUM"), fields(feed.get("MARK " + BULK_REPORTED), MARK_CATEGORY, CONFIDENCE),
                "bulk calling the public reported as fraud");
        assertEquals(List.of("HARASSMENT", "骚扰", "LOW"),
                fields(feed.get("MARK " + BULK_UNREPORTED), MARK_CATEGORY, MARK_CATEGORY_ZH, CONFIDENCE),
                "volume without a fraud report is not marked fraud");
        assertEquals(List.of("FRAUD", "HIGH"), fields(feed.get("MARK " + POLICE_BULK), MARK_CATEGORY, CONFIDENCE),
                "police-notified bulk calling: fraud, high confidence, whatever its score");
        assertEquals("ADVERTISING", feed.get("MARK " + TELEMARKETER).getAs(MARK_CATEGORY));
        assertEquals("广告推销", feed.get("MARK " + TELEMARKETER).getAs(MARK_CATEGORY_ZH));
        assertEquals("HARASSMENT", feed.get("MARK " + TELEMARKETER_HARASSING).getAs(MARK_CATEGORY));
        assertEquals(List.of("SPAM_SMS", "垃圾短信"), fields(feed.get("MARK " + SPAMMER), MARK_CATEGORY, MARK_CATEGORY_ZH));
        assertEquals("7天内呼叫412个不同号码；SIM卡开通3天", feed.get("MARK " + BULK_UNREPORTED).getAs(MARK_EVIDENCE),
                "the first two Chinese reasons");
        assertEquals("300 one-ring calls; 0.0% answered", feed.get("MARK " + WANGIRI).getAs(MARK_EVIDENCE),
                "English where the list has no Chinese reasons");
        assertFalse(feed.keySet().stream().anyMatch(k -> k.endsWith("ITG-1")), "a trunk is not a number");
    }

    @Test
    void spoofingVictimsDeclinedAndAllowlistedNumbersAreNeverMarked() {
        assertFalse(feed.containsKey("MARK " + SPOOF_VICTIM));
        assertFalse(feed.containsKey("MARK " + DECLINED));
        assertFalse(feed.containsKey("MARK " + ALLOWLISTED));
        assertFalse(feed.containsKey("UNMARK " + ALLOWLISTED), "allowlisted numbers never appear, not even unmarked");
    }

    @Test
    void firstMarkedOnCountsTheCurrentRunOfMarks() {
        assertEquals(D.minusDays(4), feed.get("MARK " + WANGIRI).<LocalDate>getAs(FIRST_MARKED_ON));
        assertEquals(D, feed.get("MARK " + WANGIRI).<LocalDate>getAs(LAST_MARKED_ON));
        assertEquals(D.minusDays(1), feed.get("MARK " + MARKED_AGAIN).<LocalDate>getAs(FIRST_MARKED_ON), "after its unmark");
        assertEquals(D, feed.get("MARK " + BULK_REPORTED).<LocalDate>getAs(FIRST_MARKED_ON), "new today");
    }

    @Test
    void marksAreWithdrawnOnAppealOrWhenTheNumberTurnsOutAVictim() {
        Row appeal = feed.get("UNMARK " + RESTORED_ON_APPEAL);
        assertNotNull(appeal);
        assertEquals("RESTORED_ON_APPEAL 2026-11-06 owner verified in store", appeal.getAs(UNMARK_REASON));
        assertEquals(D.minusDays(2), appeal.<LocalDate>getAs(LAST_MARKED_ON));
        assertNull(appeal.getAs(MARK_CATEGORY));
        assertNotNull(feed.get("UNMARK " + SPOOF_VICTIM), "marked before it was known to be impersonated");
        assertFalse(feed.containsKey("UNMARK " + STILL_MARKED), "no decision: the mark stands");
        assertFalse(feed.containsKey("UNMARK " + CLEARED_BEFORE_MARK), "a decision older than the mark does not withdraw it");
        assertNotNull(feed.get("UNMARK " + CLEARED_ON_MARK_DAY), "a decision of the mark's own day withdraws it");
        assertFalse(feed.containsKey("UNMARK " + APPEAL_OVERRULED), "a later confirmation overrules the appeal");
        assertEquals(11, feed.size(), feed.keySet().toString());
    }

    private static List<Object> fields(Row row, String... columns) {
        assertNotNull(row);
        return java.util.Arrays.stream(columns).map(c -> (Object) row.getAs(c)).toList();
    }

    private static Row mark(LocalDate on, String action, String number) {
        return RowFactory.create(on, action, number, null, null, null, null, null, null, null, "run");
    }

    private static Row feedback(String number, LocalDate on, String outcome, String note) {
        return RowFactory.create("f-" + number, "NUMBER", number, number, on, on, outcome, note, LANDING, "f.csv", 2L, "run", null);
    }

    private static Dataset<Row> list() {
        StructType schema = new StructType().add("entity_type", "string").add("entity_id", "string").add("score", "double")
                .add("patterns", DataTypes.createArrayType(DataTypes.StringType))
                .add("reasons", DataTypes.createArrayType(DataTypes.StringType))
                .add("reasons_zh", DataTypes.createArrayType(DataTypes.StringType))
                .add("category", "string").add("police_notified", "boolean");
        return spark.createDataFrame(List.of(
                listed("NUMBER", WANGIRI, 0.95, List.of("WANGIRI"), List.of("300 one-ring calls", "0.0% answered", "x"), null, "FRAUD", false),
                listed("NUMBER", BULK_REPORTED, 0.8, List.of("BULK_CALLING"), List.of("r"), List.of("z"), "FRAUD", false),
                listed("NUMBER", BULK_UNREPORTED, 0.65, List.of("BULK_CALLING"), List.of("412 distinct callees in 7 days"),
                        List.of("7天内呼叫412个不同号码", "SIM卡开通3天", "第三条"), "FRAUD", false),
                listed("NUMBER", TELEMARKETER, 0.7, List.of("BULK_CALLING"), List.of("r"), List.of("z"), "COMPLIANCE", false),
                listed("NUMBER", TELEMARKETER_HARASSING, 0.7, List.of("BULK_CALLING"), List.of("r"), List.of("z"), "COMPLIANCE", false),
                listed("NUMBER", SPAMMER, 0.7, List.of("SPAM_SMS"), List.of("r"), List.of("z"), "FRAUD", false),
                listed("NUMBER", SPOOF_VICTIM, 0.9, List.of("FRAUD_RING"), List.of("notified by police"), List.of("z"), "FRAUD", true),
                listed("NUMBER", ALLOWLISTED, 0.9, List.of("BULK_CALLING"), List.of("r"), List.of("z"), "FRAUD", false),
                listed("NUMBER", DECLINED, 0.9, List.of("FRAUD_RING"), List.of("r"), List.of("z"), "FRAUD", true),
                listed("NUMBER", POLICE_BULK, 0.65, List.of("BULK_CALLING"), List.of("r"), List.of("z"), "FRAUD", true),
                listed("NUMBER", MARKED_AGAIN, 0.7, List.of("SIMBOX"), List.of("r"), List.of("z"), "FRAUD", false),
                listed("TRUNK", "ITG-1", 0.9, List.of("SPOOFED_CLI"), List.of("r"), List.of("z"), "FRAUD", false)), schema);
    }

    private static Row listed(String type, String id, double score, List<String> patterns, List<String> reasons,
                              List<String> reasonsZh, String category, boolean police) {
        return RowFactory.create(type, id, score, patterns.toArray(), reasons.toArray(),
                reasonsZh == null ? null : reasonsZh.toArray(), category, police);
    }

    private static Dataset<Row> features() {
        StructType schema = new StructType().add(NUMBER, "string").add("complaints_fraud_7d", "long")
                .add("complaints_harassment_7d", "long").add("complaints_advert_7d", "long");
        return spark.createDataFrame(List.of(
                RowFactory.create(BULK_REPORTED, 2L, 0L, 0L),
                RowFactory.create(BULK_UNREPORTED, 0L, 1L, 0L),
                RowFactory.create(TELEMARKETER, 0L, 1L, 3L),
                RowFactory.create(TELEMARKETER_HARASSING, 0L, 2L, 0L)), schema);
    }
}
