package com.zhifang.jobs.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhifang.features.domain.PatternCode;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.export.ExportAction;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.testing.GeneratedWarehouse;
import com.zhifang.jobs.score.ScoreAction;
import com.zhifang.models.evaluate.ListEvaluation;
import com.zhifang.models.evaluate.RuleTally;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import com.zhifang.jobs.run.RunStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code nightly} (every stage) over a generated landing zone (300 subscribers, 2 days, the shared
 * {@link GeneratedWarehouse}), then the known fraud from truth.csv must stand out on the features
 * that describe it and lead the suspect list, against the legitimate look-alikes (couriers,
 * ride-hail drivers, OTP ports, licit trunks, link forwarders); the export must match the table
 * and its manifest.
 */
class NightlyEndToEndTest {
    static final LocalDate NOV_2 = GeneratedWarehouse.LAST_DAY;

    static SparkSession spark;
    static RunReport nightly;
    /** truth.csv: entity id -> pattern (fraud) or kind (legitimate). */
    static Map<String, String> truth;
    static Map<String, Row> numbers;
    static Map<String, Row> devices;
    static Map<String, Row> trunks;
    static Map<String, Row> ports;
    static Warehouse warehouse;
    static Path landing;

    @BeforeAll
    static void runNightly() throws Exception {
        spark = SparkTestSession.get();
        GeneratedWarehouse generated = GeneratedWarehouse.get();
        landing = generated.landing();
        truth = Files.readAllLines(generated.truth()).stream().skip(1).map(l -> l.split(",", -1))
                .collect(Collectors.toMap(f -> f[1], f -> f[3].isEmpty() ? f[4] : f[3], (a, b) -> a));
        warehouse = generated.warehouse();
        nightly = generated.withNightly();
        numbers = rows(warehouse.read(spark, Tables.FEATURES_NUMBER), NUMBER);
        devices = rows(warehouse.read(spark, Tables.FEATURES_DEVICE), IMEI);
        trunks = rows(warehouse.read(spark, Tables.FEATURES_TRUNK), TRUNK_ID);
        ports = rows(warehouse.read(spark, Tables.FEATURES_PORT_CUSTOMER), PORT_CUSTOMER);
    }

    static Map<String, Row> rows(Dataset<Row> table, String key) {
        return table.filter(col(FEATURE_DATE).equalTo(lit(NOV_2))).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(key), Function.identity()));
    }

    static List<Row> of(Map<String, Row> rows, String label) {
        List<Row> found = rows.entrySet().stream().filter(e -> label.equals(truth.get(e.getKey()))).map(Map.Entry::getValue).toList();
        assertFalse(found.isEmpty(), "the generated population has " + label);
        return found;
    }

    static double weekly(Row r, String feature) {
        Object v = r.getAs(windowed(feature, 7));
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    static double max(List<Row> rows, String feature) {
        return rows.stream().mapToDouble(r -> weekly(r, feature)).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    }

    static double min(List<Row> rows, String feature) {
        return rows.stream().mapToDouble(r -> weekly(r, feature)).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN);
    }

    /**
     * An analyst reading the Spark UI or an event log must see which stage, and within a stage which
     * step, a job belongs to: the graph stage's algorithms once ran unlabelled after its edge states
     * cleared the label.
     */
    @Test
    void everySparkJobOfTheNightlyIsLabelledWithItsStageAndDay() {
        List<String> descriptions = GeneratedWarehouse.get().nightlyJobDescriptions();
        assertTrue(descriptions.size() > 100, "jobs recorded: " + descriptions.size());
        Pattern label = Pattern.compile("(Delta: )*zhifang (ingest|features|graph|score|export|nightly) " + NOV_2 + "[ :].*");
        List<String> unlabelled = new ArrayList<>();
        for (int i = 0; i < descriptions.size(); i++) {
            if (descriptions.get(i) == null || !label.matcher(descriptions.get(i)).matches()) {
                unlabelled.add(descriptions.get(i) + " (job " + i + ", after " + (i == 0 ? "none" : descriptions.get(i - 1)) + ")");
            }
        }
        assertEquals(List.of(), unlabelled, unlabelled.size() + " of " + descriptions.size() + " jobs without a stage label");
        for (String step : List.of("zhifang graph " + NOV_2 + ": PageRank", "zhifang graph " + NOV_2 + ": triangles",
                "zhifang features " + NOV_2 + ": features_number " + NOV_2, "zhifang score " + NOV_2 + ": detectors")) {
            assertTrue(descriptions.contains(step), "no job labelled " + step);
        }
    }

    @Test
    void nightlyRunsEveryStageInOrderAndReportsCounts() {
        assertEquals(RunStatus.SUCCEEDED, nightly.status());
        assertEquals(List.of("ingest", "features", "graph", "score", "export"), nightly.stages().stream().map(s -> s.stage()).toList());
        assertTrue(nightly.metric("features.numbers") > 300, nightly.stages().toString());
        assertEquals(2L, nightly.metric("features.state_days_computed"), "no day had a state yet");
        assertEquals(2L, nightly.metric("graph.edge_state_days_computed"), "no day had edges stored yet");
        assertEquals(nightly.metric("score.listed"), nightly.metric("export.rows"));
        assertNotNull(nightly.versions().get("rules"));
        assertEquals("none (rules only)", nightly.versions().get("model"));
    }

    @Test
    void theExportIsTheTablesListWithAChecksummedManifest() throws Exception {
        Path dir = Path.of(warehouse.exportDir(NOV_2));
        byte[] csv = Files.readAllBytes(dir.resolve(ExportAction.CSV_FILE));
        List<String> lines = Files.readAllLines(dir.resolve(ExportAction.CSV_FILE));
        assertTrue(lines.get(0).startsWith("rank,entity_type,entity_id,score,patterns,reasons,"), lines.get(0));
        long tableRows = warehouse.read(spark, Tables.SUSPECTS).where(col(LIST_DATE).equalTo(lit(NOV_2))).count();
        assertTrue(tableRows > 0, "the generated fraud is listed");
        assertEquals(tableRows, lines.size() - 1);
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve(ExportAction.MANIFEST_FILE).toFile());
        assertEquals(tableRows, manifest.get("rows").asLong());
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        assertEquals(java.util.HexFormat.of().formatHex(sha.digest(csv)), manifest.get("sha256").asText());
        assertEquals(nightly.versions().get("rules"), manifest.get("versions").get("rules").asText());
        assertEquals("1", lines.get(1).split(",")[0]);
    }

    @Test
    void knownFraudLeadsTheListAndLookalikesStayOff() {
        List<ListEvaluation.Listed> list = ListEvaluation.listed(
                warehouse.read(spark, Tables.SUSPECTS).where(col(LIST_DATE).equalTo(lit(NOV_2))), RuleBook.defaults());
        ListEvaluation.Result result = ListEvaluation.evaluate(list, ListEvaluation.readTruth(landing.resolve("truth.csv")));
        // Two days of traffic: 7-day volume rules (SIM boxes' weekly call counts) have not had the time to
        // fire, so the bar is lower than on a full week; look-alikes must stay off regardless.
        assertTrue(result.precisionAtK() >= 0.6, result.toMarkdown());
        assertTrue(result.lookalikesIn2K().isEmpty(), result.toMarkdown());
        assertEquals(1.0, result.recallWithin2K().get("SPOOFED_CLI"), result.toMarkdown());
        assertEquals(1.0, result.recallWithin2K().get("WANGIRI"), result.toMarkdown());
        assertEquals(1.0, result.recallWithin2K().get("NUMBER_SCANNING"), result.toMarkdown());
    }

    /**
     * Every listed row has a category; compliance cases (bulk calling and nothing else, uncorroborated) come after
     * every fraud case, whatever their scores.
     */
    @Test
    void complianceCasesAreBulkCallingAloneAndRankBelowEveryFraudCase() {
        List<Row> list = warehouse.read(spark, Tables.SUSPECTS).where(col(LIST_DATE).equalTo(lit(NOV_2))).orderBy(RANK).collectAsList();
        int lastFraud = 0;
        int firstCompliance = Integer.MAX_VALUE;
        for (Row r : list) {
            String category = r.getAs(LIST_CATEGORY);
            assertNotNull(category, r.toString());
            if (category.equals("FRAUD")) {
                lastFraud = Math.max(lastFraud, r.<Integer>getAs(RANK));
            } else {
                assertEquals("COMPLIANCE", category);
                assertEquals(List.of("BULK_CALLING"), r.getList(r.fieldIndex(PATTERNS)), r.toString());
                firstCompliance = Math.min(firstCompliance, r.<Integer>getAs(RANK));
            }
        }
        assertTrue(lastFraud < firstCompliance, "last fraud case at " + lastFraud + ", first compliance case at " + firstCompliance);
    }

    /** Every listed row carries its evidence in Chinese too: the patterns' Chinese names in order, one Chinese sentence per English one. */
    @Test
    void everyListedRowCarriesItsEvidenceInChineseToo() {
        List<Row> list = warehouse.read(spark, Tables.SUSPECTS).where(col(LIST_DATE).equalTo(lit(NOV_2))).orderBy(RANK).collectAsList();
        assertFalse(list.isEmpty());
        for (Row r : list) {
            List<String> patterns = r.getList(r.fieldIndex(PATTERNS));
            assertEquals(patterns.stream().map(p -> PatternCode.valueOf(p).chineseName()).toList(), r.getList(r.fieldIndex(PATTERNS_ZH)),
                    r.toString());
            assertEquals(r.getList(r.fieldIndex(REASONS)).size(), r.getList(r.fieldIndex(REASONS_ZH)).size(), r.toString());
        }
    }

    /** {@code evaluate --by-rule}'s detections: each rule on its own reaches at least what the list's best rules did. */
    @Test
    void everyRuleOnItsOwnFindsItsPatternsFraud() {
        List<RuleTally.Fired> fired = new ScoreAction(spark, warehouse, NOV_2, RuleBook.defaults(), 7, null, "test")
                .detectionsRuleByRule().select(RULE, PATTERN, ENTITY_TYPE, ENTITY_ID, SCORE).collectAsList().stream()
                .map(r -> new RuleTally.Fired(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4))).toList();
        Map<String, RuleTally.Row> byRule = RuleTally.tally(RuleBook.defaults(), fired, ListEvaluation.readTruth(landing.resolve("truth.csv"))).stream()
                .collect(Collectors.toMap(RuleTally.Row::rule, Function.identity()));
        for (String rule : List.of("one-ring calls to many numbers", "sequential dialling through number blocks", "+86 numbers arriving from abroad")) {
            assertTrue(byRule.get(rule).truePattern() > 0, byRule.get(rule).toString());
            assertEquals(Map.of(), byRule.get(rule).lookalikes(), byRule.get(rule).toString());
        }
    }

    @Test
    void bulkCallersAreOneWayWhereCouriersAndDriversAreCalledBack() {
        List<Row> bulk = of(numbers, "BULK_CALLING");
        double bulkMax = max(bulk, RECIPROCITY);
        assertTrue(bulkMax < min(of(numbers, "COURIER"), RECIPROCITY), "bulk " + bulkMax);
        assertTrue(bulkMax < min(of(numbers, "RIDE_HAIL_DRIVER"), RECIPROCITY), "bulk " + bulkMax);
        assertTrue(min(bulk, CALLEES) > 100, "hundreds of distinct callees");
        assertTrue(max(bulk, ANSWER_RATE_OUT) < min(of(numbers, "COURIER"), ANSWER_RATE_OUT), "strangers rarely answer");
        assertTrue(bulk.stream().allMatch(r -> r.<Integer>getAs(SIM_AGE_DAYS) < 365), "fraud uses new SIMs");
    }

    @Test
    void wangiriRingsOnceAndHarvestsCallBacks() {
        List<Row> wangiri = of(numbers, "WANGIRI");
        assertTrue(min(wangiri, ONE_RING_SHARE) > 0.8);
        assertTrue(wangiri.stream().mapToDouble(r -> weekly(r, CALLBACKS_AFTER_ONE_RING)).sum() > 0);
        List<Row> others = numbers.entrySet().stream().filter(e -> !"WANGIRI".equals(truth.get(e.getKey())))
                .map(Map.Entry::getValue).filter(r -> weekly(r, CALLS_OUT) >= 10).toList();
        assertTrue(max(others, ONE_RING_SHARE) < min(wangiri, ONE_RING_SHARE));
    }

    @Test
    void scannersDialSequentiallyIntoUnallocatedNumbers() {
        List<Row> scanners = of(numbers, "NUMBER_SCANNING");
        assertTrue(min(scanners, UNALLOCATED_SHARE) > 0.5);
        assertTrue(min(scanners, SEQUENTIAL_SHARE) > 0.5);
        List<Row> others = numbers.entrySet().stream().filter(e -> !"NUMBER_SCANNING".equals(truth.get(e.getKey())))
                .map(Map.Entry::getValue).toList();
        assertTrue(max(others, SEQUENTIAL_SHARE) < min(scanners, SEQUENTIAL_SHARE));
    }

    @Test
    void simBoxDevicesCycleSimsAtOneCellOutgoingOnly() {
        for (Row box : of(devices, "SIMBOX")) {
            assertTrue(weekly(box, SIMS) >= 2, box.toString());
            assertEquals(1.0, weekly(box, CELLS));
            // Relay SIMs receive the odd call-back from a called party, so "outgoing only" is nearly all.
            assertTrue(weekly(box, OUTGOING_SHARE) >= 0.95, box.toString());
            assertTrue(weekly(box, NEW_SIMS) >= 2, "a SIM box runs on fresh SIMs: " + box);
        }
        // Labelled devices: SIM-box modules and handsets a bulk-calling room passed between its SIMs (fraud), and the
        // legitimate multi-SIM handsets the generator plants on purpose (dual-SIM salespeople, telemarketers rotating
        // SIMs). Any other device with several SIMs would be a world the detectors were not meant for.
        Set<String> multiSimKinds = Set.of("SIMBOX", "BULK_CALLING", "DUAL_SIM_PHONE", "TELEMARKETER");
        List<Row> unlabelled = devices.entrySet().stream()
                .filter(e -> !multiSimKinds.contains(truth.getOrDefault(e.getKey(), "")))
                .map(Map.Entry::getValue).toList();
        long multiSim = unlabelled.stream().filter(d -> weekly(d, SIMS) >= 2).count();
        assertTrue(multiSim <= devices.size() / 50, multiSim + " devices not labelled with several SIMs");
    }

    @Test
    void spoofingTrunksPresentNumbersTheyMayNot() {
        List<Row> spoofers = of(trunks, "SPOOFED_CLI");
        List<Row> licit = trunks.entrySet().stream().filter(e -> !"SPOOFED_CLI".equals(truth.get(e.getKey())))
                .map(Map.Entry::getValue).toList();
        for (Row t : spoofers) {
            String share = "INTERNATIONAL".equals(t.getAs(TRUNK_TYPE)) ? CLI_PLUS86_INTERNATIONAL_SHARE : CLI_UNAUTHORIZED_SHARE;
            assertTrue(weekly(t, share) > max(licit, share), t.getAs(TRUNK_ID) + " " + share);
        }
    }

    /**
     * A split campaign's SIMs each send little but share the campaign's link; people forwarding a
     * bargain link share theirs too, from old lines, which is what keeps them off the list.
     */
    @Test
    void splitCampaignSimsAndForwardersShareLinksButOnlyTheCampaignSimsAreNew() {
        List<Row> campaignSims = of(numbers, "SPAM_SMS").stream().filter(r -> weekly(r, LINK_SENDERS) >= 5).toList();
        assertTrue(campaignSims.size() >= 5, campaignSims.size() + " spam SIMs sharing a link with 5+ numbers");
        assertTrue(campaignSims.stream().allMatch(r -> r.<Integer>getAs(SIM_AGE_DAYS) <= 30), "campaign SIMs are new");
        assertTrue(campaignSims.stream().allMatch(r -> weekly(r, LINK_NEW_SENDERS) >= 5), "and so are their link's other senders");
        List<Row> forwarders = of(numbers, "LINK_FORWARDER");
        assertTrue(max(forwarders, LINK_SENDERS) >= 3, "forwarders share a link");
        assertTrue(forwarders.stream().allMatch(r -> r.<Integer>getAs(SIM_AGE_DAYS) > 365), "forwarders are old lines");
        assertTrue(max(forwarders, LINK_NEW_SENDERS) < 5, "with old lines beside them: no batch of new SIMs behind their links");
    }

    @Test
    void spamPortsCarryLinksAndComplaintsWhereOtpPortsDoNot() {
        for (Row spam : of(ports, "SPAM_SMS")) {
            assertTrue(weekly(spam, URL_SHARE) > 0.5);
        }
        assertEquals(0.0, max(of(ports, "OTP_PORT"), URL_SHARE));
        assertEquals(0.0, max(of(ports, "OTP_PORT"), COMPLAINTS_ON_CARRIED));
        assertTrue(min(of(numbers, "SPAM_SMS"), TEMPLATE_SHARE) > 0.5, "spam SIMs repeat one template");
    }
}
