package com.zhifang.models.rank;

import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.models.detect.Detections;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.junit.jupiter.api.Assertions.*;

class SuspectRankingTest {
    private static final LocalDate D = LocalDate.of(2026, 11, 7);
    private static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
    }

    @Test
    void patternsCombineAsIndependentEvidenceStrongestFirst() {
        Dataset<Row> detections = detections(
                detection("NUMBER", "+8617100000001", "BULK_CALLING", 0.8, "400 distinct callees in 7 days"),
                detection("NUMBER", "+8617100000001", "FRAUD_RING", 0.6, "shares a device with 1 confirmed fraud number(s)"),
                detection("TRUNK", "ITG-SZX-10", "SPOOFED_CLI", 0.7, "400 calls from abroad"));
        Map<String, Row> scores = byId(SuspectRanking.toEntityScores(detections, 0.8));
        Row n = scores.get("+8617100000001");
        assertEquals(1 - 0.2 * 0.4, n.<Double>getAs(RULE_SCORE), 1e-6);
        assertEquals(List.of("BULK_CALLING", "FRAUD_RING"), n.getList(n.fieldIndex(PATTERNS)));
        assertEquals(List.of("400 distinct callees in 7 days", "FRAUD_RING: shares a device with 1 confirmed fraud number(s)"),
                n.getList(n.fieldIndex(REASONS)));
        assertEquals(0.7, scores.get("ITG-SZX-10").<Double>getAs(RULE_SCORE), 1e-9);
    }

    /**
     * The Chinese evidence is assembled like the English: the same patterns in the same order by their Chinese names,
     * the strongest pattern's sentences first, each further pattern's prefixed with its Chinese name and a full-width
     * colon, and the model's probability last in both.
     */
    @Test
    void chineseReasonsAndPatternsFollowTheEnglishOnesInTheSameOrder() {
        Dataset<Row> detections = detections(
                detection("NUMBER", "+8617100000001", "FRAUD_RING", 0.6, List.of("shares a device with 1 police-notified or confirmed fraud number(s)"),
                        List.of("与1个公安通报或已确认的诈骗号码共用终端")),
                detection("NUMBER", "+8617100000001", "BULK_CALLING", 0.8, List.of("400 distinct callees in 7 days", "SIM active 5 days"),
                        List.of("7天内呼叫400个不同号码", "SIM卡开通5天")),
                detection("NUMBER", "+8617100000001", "SIMBOX", 0.7, List.of("served in a device that used 5 SIMs in 7 days"),
                        List.of("所在终端7天内使用过5张SIM卡")),
                detection("TRUNK", "ITG-SZX-10", "SPOOFED_CLI", 0.7, List.of("40.0% of the trunk's calls"), List.of("占该中继呼叫的40.0%")));
        Dataset<Row> scores = SuspectRanking.toEntityScores(detections, 0.8);
        Row n = byId(scores).get("+8617100000001");
        assertEquals(List.of("BULK_CALLING", "SIMBOX", "FRAUD_RING"), n.getList(n.fieldIndex(PATTERNS)));
        assertEquals(List.of("批量外呼", "猫池", "诈骗团伙"), n.getList(n.fieldIndex(PATTERNS_ZH)));
        assertEquals(List.of("400 distinct callees in 7 days", "SIM active 5 days", "SIMBOX: served in a device that used 5 SIMs in 7 days",
                "FRAUD_RING: shares a device with 1 police-notified or confirmed fraud number(s)"), n.getList(n.fieldIndex(REASONS)));
        assertEquals(List.of("7天内呼叫400个不同号码", "SIM卡开通5天", "猫池：所在终端7天内使用过5张SIM卡", "诈骗团伙：与1个公安通报或已确认的诈骗号码共用终端"),
                n.getList(n.fieldIndex(REASONS_ZH)));

        Dataset<Row> model = spark.createDataFrame(List.of(RowFactory.create("+8617100000001", 0.873)),
                new StructType().add(NUMBER, "string").add(MODEL_SCORE, "double"));
        Map<String, Row> blended = byId(SuspectRanking.withModelScores(scores, model, 0.3));
        Row b = blended.get("+8617100000001");
        assertEquals("model: fraud probability 87.3%", b.getList(b.fieldIndex(REASONS)).get(4));
        assertEquals(List.of("7天内呼叫400个不同号码", "SIM卡开通5天", "猫池：所在终端7天内使用过5张SIM卡", "诈骗团伙：与1个公安通报或已确认的诈骗号码共用终端",
                "模型：诈骗概率87.3%"), b.getList(b.fieldIndex(REASONS_ZH)));
        Row trunk = blended.get("ITG-SZX-10");
        assertEquals(List.of("改号/虚假主叫"), trunk.getList(trunk.fieldIndex(PATTERNS_ZH)));
        assertEquals(List.of("占该中继呼叫的40.0%"), trunk.getList(trunk.fieldIndex(REASONS_ZH)), "no model sentence without a model score");
    }

    @Test
    void patternsReadOffTheSameUncorroboratedTrafficDoNotAddUpAboveTheCap() {
        // A telemarketer rotating SIMs in one handset: its volume fires bulk calling and its handset a SIM box, each at
        // the uncorroborated cap; a fraud SIM with one corroborated pattern must still rank above it.
        Dataset<Row> detections = detections(
                uncorroborated("NUMBER", "+8613800000003", "BULK_CALLING", 0.8, "400 distinct callees in 7 days"),
                uncorroborated("NUMBER", "+8613800000003", "SIMBOX", 0.75, "served in a device that used 3 SIMs in 7 days"),
                detection("NUMBER", "+8617100000001", "BULK_CALLING", 0.82, "SIM active 5 days"),
                uncorroborated("NUMBER", "+8617100000002", "BULK_CALLING", 0.7, "r"),
                detection("NUMBER", "+8617100000002", "FRAUD_RING", 0.6, "shares a device"));
        Map<String, Row> scores = byId(SuspectRanking.toEntityScores(detections, 0.8));
        assertEquals(0.8, scores.get("+8613800000003").<Double>getAs(RULE_SCORE), 1e-9);
        assertEquals(List.of("BULK_CALLING", "SIMBOX"), scores.get("+8613800000003").getList(scores.get("+8613800000003").fieldIndex(PATTERNS)));
        assertTrue(scores.get("+8617100000001").<Double>getAs(RULE_SCORE) > scores.get("+8613800000003").<Double>getAs(RULE_SCORE));
        assertEquals(1 - 0.3 * 0.4, scores.get("+8617100000002").<Double>getAs(RULE_SCORE), 1e-6,
                "one corroborated pattern lets the others add up");
    }

    @Test
    void theModelBlendsIntoNumbersOnlyAndShowsInTheReasons() {
        Dataset<Row> scores = SuspectRanking.toEntityScores(detections(
                detection("NUMBER", "+8617100000001", "BULK_CALLING", 0.6, "r"),
                detection("TRUNK", "ITG-SZX-10", "SPOOFED_CLI", 0.7, "t")), 0.8);
        Dataset<Row> model = spark.createDataFrame(List.of(RowFactory.create("+8617100000001", 1.0), RowFactory.create("ITG-SZX-10", 1.0)),
                new StructType().add(NUMBER, "string").add(MODEL_SCORE, "double"));
        Map<String, Row> blended = byId(SuspectRanking.withModelScores(scores, model, 0.5));
        assertEquals(0.8, blended.get("+8617100000001").<Double>getAs(SCORE), 1e-9);
        assertTrue(blended.get("+8617100000001").getList(blended.get("+8617100000001").fieldIndex(REASONS))
                .contains("model: fraud probability 100.0%"));
        assertEquals(0.7, blended.get("ITG-SZX-10").<Double>getAs(SCORE), 1e-9, "a trunk id is not a number");
        assertEquals(0.6, byId(SuspectRanking.withModelScores(scores, null, 0.5)).get("+8617100000001").<Double>getAs(SCORE), 1e-9);
    }

    @Test
    void allowlistedNumbersAndPrefixesStayOffWhileValid() {
        Dataset<Row> scores = scores(Map.of("+8695588", 0.9, "+8640088001234", 0.9, "+8617100000001", 0.9, "+8613800000009", 0.9));
        Dataset<Row> allowlist = spark.createDataFrame(List.of(
                        RowFactory.create("+8695588", false, null),                      // a bank's service number
                        RowFactory.create("+864008800", true, null),                     // a courier platform's block
                        RowFactory.create("+8613800000009", false, D.minusDays(1))),     // expired yesterday
                new StructType().add(NUMBER, "string").add(IS_PREFIX, "boolean").add(VALID_UNTIL, "date"));
        assertEquals(List.of("+8613800000009", "+8617100000001"),
                ids(SuspectRanking.withoutAllowlisted(scores, allowlist, noPortCodes(), D)));
        assertEquals(List.of("+8640088001234", "+8695588"), ids(SuspectRanking.toAllowlisted(scores, allowlist, noPortCodes(), D)));
    }

    @Test
    void aPortCustomerStaysOffOnlyWhenTheAllowlistCoversEveryPortCodeItSentFrom() {
        List<Row> rows = List.of(RowFactory.create("PORT_CUSTOMER", "PC-BANK", 0.9), RowFactory.create("PORT_CUSTOMER", "PC-MIXED", 0.9),
                RowFactory.create("NUMBER", "PC-BANK", 0.9));                    // a number never matches a port customer's entry
        Dataset<Row> scores = spark.createDataFrame(rows, new StructType().add(ENTITY_TYPE, "string").add(ENTITY_ID, "string")
                .add(SCORE, "double"));
        Dataset<Row> allowlist = spark.createDataFrame(List.of(RowFactory.create("+86106955880", true, null)),
                new StructType().add(NUMBER, "string").add(IS_PREFIX, "boolean").add(VALID_UNTIL, "date"));
        Dataset<Row> codes = spark.createDataFrame(List.of(
                        RowFactory.create("PC-BANK", "+861069558801"), RowFactory.create("PC-BANK", "+861069558802"),
                        RowFactory.create("PC-MIXED", "+861069558803"), RowFactory.create("PC-MIXED", "+8610690000001")),
                new StructType().add(ENTITY_ID, "string").add(NUMBER, "string"));
        List<Row> kept = SuspectRanking.withoutAllowlisted(scores, allowlist, codes, D).orderBy(ENTITY_TYPE).collectAsList();
        assertEquals(List.of("NUMBER/PC-BANK", "PORT_CUSTOMER/PC-MIXED"),
                kept.stream().map(r -> r.getString(0) + "/" + r.getString(1)).toList());
        assertEquals(1, SuspectRanking.toAllowlisted(scores, allowlist, codes, D).count());
    }

    private static Dataset<Row> noPortCodes() {
        return spark.createDataFrame(List.of(), new StructType().add(ENTITY_ID, "string").add(NUMBER, "string"));
    }

    @Test
    void anAppealKeepsTheEntityOffUnlessTheEvidenceIsMuchStronger() {
        Dataset<Row> feedback = spark.createDataFrame(List.of(
                        RowFactory.create("NUMBER", "+8613800000001", D.minusDays(10), "RESTORED_ON_APPEAL"),
                        RowFactory.create("NUMBER", "+8613800000002", D.minusDays(10), "RESTORED_ON_APPEAL"),
                        RowFactory.create("NUMBER", "+8613800000003", D.minusDays(200), "RESTORED_ON_APPEAL"),
                        RowFactory.create("NUMBER", "+8613800000004", D.minusDays(20), "RESTORED_ON_APPEAL"),
                        RowFactory.create("NUMBER", "+8613800000004", D.minusDays(5), "CONFIRMED_FRAUD")),
                new StructType().add(ENTITY_TYPE, "string").add(ENTITY_ID, "string").add(DECIDED_ON, "date").add(OUTCOME, "string"));
        Dataset<Row> previous = spark.createDataFrame(List.of(
                        RowFactory.create("NUMBER", "+8613800000001", D.minusDays(12), 0.6),
                        RowFactory.create("NUMBER", "+8613800000002", D.minusDays(12), 0.6)),
                new StructType().add(ENTITY_TYPE, "string").add(ENTITY_ID, "string").add(LIST_DATE, "date").add(SCORE, "double"));
        Dataset<Row> scores = scores(Map.of("+8613800000001", 0.7, "+8613800000002", 0.85, "+8613800000003", 0.6,
                "+8613800000004", 0.6));
        // 1: restored, now 0.7 < 0.6 + 0.2: off. 2: 0.85 >= 0.8: back on. 3: restored long ago. 4: later confirmed.
        assertEquals(List.of("+8613800000002", "+8613800000003", "+8613800000004"),
                ids(SuspectRanking.withoutAppealed(scores, feedback, previous, D, 90, 0.2, 0.5)));
    }

    @Test
    void anEntityIsAComplianceCaseOnlyWhenEveryDetectionIs() {
        Map<String, Row> scored = byId(SuspectRanking.toEntityScores(detections(
                compliance("NUMBER", "+8613800000001", "BULK_CALLING", 0.78, "900 distinct callees in 7 days"),
                compliance("NUMBER", "+8613800000002", "BULK_CALLING", 0.78, "900 distinct callees in 7 days"),
                uncorroborated("NUMBER", "+8613800000002", "SIMBOX", 0.7, "5 SIMs used in its device"),
                detection("NUMBER", "+8613800000003", "BULK_CALLING", 0.9, "SIM active 3 days")), 0.8));
        assertEquals("COMPLIANCE", scored.get("+8613800000001").getAs(LIST_CATEGORY), "a telemarketer's volume alone");
        assertEquals("FRAUD", scored.get("+8613800000002").getAs(LIST_CATEGORY), "plus a pattern that is fraud in itself");
        assertEquals("FRAUD", scored.get("+8613800000003").getAs(LIST_CATEGORY), "bulk calling corroborated by a young SIM");
    }

    @Test
    void everyFraudCaseRanksAboveEveryComplianceCaseWhateverTheScores() {
        Dataset<Row> scores = scores(Map.of("+8613800000001", 0.79, "+8613800000002", 0.65, "+8613800000003", 0.95),
                Map.of("+8613800000001", "COMPLIANCE"));
        Dataset<Row> none = spark.createDataFrame(List.of(),
                new StructType().add(ENTITY_TYPE, "string").add(ENTITY_ID, "string").add(LIST_DATE, "date"));
        Map<String, Row> ranked = byId(SuspectRanking.toRanked(scores, none, D));
        assertEquals(1, ranked.get("+8613800000003").<Integer>getAs(RANK));
        assertEquals(2, ranked.get("+8613800000002").<Integer>getAs(RANK), "a weakly evidenced fraud case");
        assertEquals(3, ranked.get("+8613800000001").<Integer>getAs(RANK), "a telemarketer, though it scores higher");
    }

    @Test
    void ranksAreDeterministicAndCarryPoliceFlagAndListingHistory() {
        Dataset<Row> scores = scores(Map.of("+8613800000001", 0.9, "+8613800000002", 0.9, "+8613800000003", 0.95));
        Dataset<Row> police = spark.createDataFrame(List.of(RowFactory.create("+8613800000002", D.minusDays(3)),
                        RowFactory.create("+8613800000003", D.plusDays(1))),
                new StructType().add(NUMBER, "string").add(NOTIFIED_ON, "date"));
        Dataset<Row> previous = spark.createDataFrame(List.of(
                        RowFactory.create("NUMBER", "+8613800000001", D.minusDays(2)),
                        RowFactory.create("NUMBER", "+8613800000001", D.minusDays(1)),
                        RowFactory.create("NUMBER", "+8613800000001", D)),          // an earlier run of the same day
                new StructType().add(ENTITY_TYPE, "string").add(ENTITY_ID, "string").add(LIST_DATE, "date"));
        Map<String, Row> ranked = byId(SuspectRanking.toRanked(SuspectRanking.withPoliceFlag(scores, police, D), previous, D));
        assertEquals(1, ranked.get("+8613800000003").<Integer>getAs(RANK));
        assertEquals(2, ranked.get("+8613800000001").<Integer>getAs(RANK), "ties broken by id");
        assertEquals(3, ranked.get("+8613800000002").<Integer>getAs(RANK));
        assertTrue(ranked.get("+8613800000002").<Boolean>getAs(POLICE_NOTIFIED));
        assertFalse(ranked.get("+8613800000003").<Boolean>getAs(POLICE_NOTIFIED), "notified after the day");
        assertEquals(D.minusDays(2), ranked.get("+8613800000001").getAs(FIRST_LISTED_ON));
        assertEquals(3L, ranked.get("+8613800000001").<Long>getAs(DAYS_LISTED));
        assertEquals(D, ranked.get("+8613800000002").getAs(FIRST_LISTED_ON));
        assertEquals(1L, ranked.get("+8613800000002").<Long>getAs(DAYS_LISTED));
    }

    /** Fraud cases' scores. */
    private static Dataset<Row> scores(Map<String, Double> numbers) {
        return scores(numbers, Map.of());
    }

    /** Scores, each a fraud case unless {@code categories} names another category. */
    private static Dataset<Row> scores(Map<String, Double> numbers, Map<String, String> categories) {
        List<Row> rows = numbers.entrySet().stream().map(e -> RowFactory.create("NUMBER", e.getKey(), e.getValue(),
                categories.getOrDefault(e.getKey(), "FRAUD"))).toList();
        return spark.createDataFrame(rows, new StructType().add(ENTITY_TYPE, "string").add(ENTITY_ID, "string").add(SCORE, "double")
                .add(LIST_CATEGORY, "string"));
    }

    /** A corroborated detection whose Chinese reasons are not under test (they repeat the English one). */
    private static Row detection(String type, String id, String pattern, double score, String reason) {
        return detection(type, id, pattern, score, List.of(reason), List.of(reason));
    }

    private static Row detection(String type, String id, String pattern, double score, List<String> reasons, List<String> reasonsZh) {
        return RowFactory.create(type, id, pattern, score, "rule", reasons, reasonsZh, true, "FRAUD");
    }

    private static Row uncorroborated(String type, String id, String pattern, double score, String reason) {
        return RowFactory.create(type, id, pattern, score, "rule", List.of(reason), List.of(reason), false, "FRAUD");
    }

    /** An uncorroborated detection of a pattern lawful marketing also shows. */
    private static Row compliance(String type, String id, String pattern, double score, String reason) {
        return RowFactory.create(type, id, pattern, score, "rule", List.of(reason), List.of(reason), false, "COMPLIANCE");
    }

    private static Dataset<Row> detections(Row... rows) {
        return spark.createDataFrame(List.of(rows), Detections.DETECTION_SCHEMA);
    }

    private static Map<String, Row> byId(Dataset<Row> frame) {
        return frame.collectAsList().stream().collect(Collectors.toMap(r -> r.<String>getAs(ENTITY_ID), r -> r));
    }

    private static List<String> ids(Dataset<Row> frame) {
        return frame.collectAsList().stream().map(r -> r.<String>getAs(ENTITY_ID)).sorted().toList();
    }
}
