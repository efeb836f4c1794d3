package com.zhifang.models.detect;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.models.rules.Condition;
import com.zhifang.models.rules.Detector;
import com.zhifang.models.rules.Rule;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every rule of the built-in rules file at its boundary, each rule on its own: a hand-built case of
 * the behaviour it is meant to find fires, and a look-alike that differs in one required figure,
 * placed just on the other side of that threshold, does not. The look-alikes are who the domain
 * notes say looks like the abuse (a courier, a salesperson's dual-SIM phone, a notification port,
 * an interconnect trunk carrying ported-out numbers, ...), at the figure where they come closest.
 * A rule added to the file without a case here fails {@link #everyRuleHasABoundaryCase}.
 *
 * <p>Also the margin between "a rule fired" and "listed": an entity whose required figures sit
 * exactly at a rule's thresholds, with no support, scores below the file's {@code min_score}
 * (which lies above {@link RuleBook#FIRING_SCORE}), except for the decisive facts named in
 * {@link #DECISIVE}.
 */
class RuleBoundaryTest {
    private static SparkSession spark;
    private static RuleBook rules;

    /** One rule's case: who fires, and who stays off with one figure moved across one threshold. */
    private record Boundary(String rule, String who, Map<String, Object> fires, String lookalike, String feature, Object across) {}

    private static final List<Boundary> CASES = new ArrayList<>();

    private static void boundary(String rule, String who, Map<String, Object> fires, String lookalike, String feature, Object across) {
        CASES.add(new Boundary(rule, who, fires, lookalike, feature, across));
    }

    static {
        // BULK_CALLING
        Map<String, Object> bulk = Map.of("distinct_callees_7d", 1400L, "reciprocity_7d", 0.01, "answer_rate_out_7d", 0.22,
                "duration_mean_s_7d", 45.0);
        boundary("one-way calling to many strangers over the week", "bulk caller kept under 300 calls a day", bulk,
                "courier whose customers call back a little more than one in ten", "reciprocity_7d", 0.11);
        boundary("one-way calling to many strangers over the week", "bulk caller kept under 300 calls a day", bulk,
                "salesperson calling a customer list: conversations of over two minutes", "duration_mean_s_7d", 121.0);
        boundary("burst of one-way calling in a day", "burner SIM worked for one day", Map.of("distinct_callees_1d", 290L,
                        "reciprocity_7d", 0.0, "answer_rate_out_1d", 0.2, "duration_mean_s_1d", 30.0),
                "a busy shop owner's day of 99 calls", "distinct_callees_1d", 99L);
        // WANGIRI
        boundary("one-ring calls to many numbers", "one-ring caller from abroad", Map.of("one_ring_callees_7d", 280L,
                        "one_ring_share_7d", 0.93, "answer_rate_out_7d", 0.0),
                "someone whose short calls are answered one time in ten and a bit", "answer_rate_out_7d", 0.11);
        Map<String, Object> sibling = Map.of("range_one_ring_callees_7d", 240L, "range_one_ring_numbers_7d", 6L,
                "one_ring_callees_7d", 4L, "one_ring_share_7d", 1.0, "answer_rate_out_7d", 0.0);
        boundary("one-ring calls from a foreign range that rings many numbers once", "number of a leased premium range, kept under its cap",
                sibling, "relative abroad whose missed calls share a range with one other missed caller", "range_one_ring_numbers_7d", 1L);
        boundary("one-ring calls from a foreign range that rings many numbers once", "number of a leased premium range, kept under its cap",
                sibling, "foreign office range whose people missed 19 callees between them in a week", "range_one_ring_callees_7d", 19L);
        // NUMBER_SCANNING
        boundary("sequential dialling through number blocks", "war dialler", Map.of("sequential_share_7d", 0.7,
                        "distinct_callees_7d", 350L),
                "a call-centre agent working a sorted customer list, 29 % consecutive", "sequential_share_7d", 0.29);
        boundary("dialling numbers that do not exist", "scanner probing unallocated ranges", Map.of("unallocated_share_7d", 0.45,
                        "distinct_callees_7d", 300L),
                "a heavy caller whose old contact list holds many dead numbers", "unallocated_share_7d", 0.19);
        // SIMBOX on devices
        Map<String, Object> bank = Map.of("sims_7d", 12L, "outgoing_share_7d", 1.0, "cells_7d", 1L, "cell_known_share_7d", 1.0,
                "new_sims_7d", 10L, "calls_out_7d", 4000L, "night_share_7d", 0.14);
        boundary("many SIMs cycled through one parked device, outgoing only", "SIM-box module cycling twelve SIMs", bank,
                "phone with a dual SIM and a travel SIM", "sims_7d", 3L);
        boundary("multi-SIM device parked at one cell relaying outgoing calls on new SIMs", "two-SIM module on SIMs bought this month",
                Map.of("sims_7d", 2L, "new_sims_7d", 2L, "cells_7d", 1L, "cell_known_share_7d", 1.0, "outgoing_share_7d", 0.99,
                        "calls_out_7d", 1800L),
                "salesperson's dual-SIM phone, both SIMs years old", "new_sims_7d", 0L);
        boundary("multi-SIM device parked at one cell relaying outgoing calls around the clock", "two-SIM module working all night",
                Map.of("sims_7d", 2L, "night_share_7d", 0.13, "cells_7d", 1L, "cell_known_share_7d", 1.0, "outgoing_share_7d", 1.0,
                        "calls_out_7d", 2600L),
                "salesperson's dual-SIM phone, a few late calls", "night_share_7d", 0.04);
        // SIMBOX on numbers: the same, read on the serving device
        boundary("SIM cycled through a parked device with many SIMs", "SIM of a twelve-SIM module", Map.of("device_sims_7d", 12L,
                        "device_outgoing_share_7d", 1.0, "device_cells_7d", 1L, "device_cell_known_share_7d", 1.0),
                "SIM of a phone on Wi-Fi calling most of the week", "device_cell_known_share_7d", 0.79);
        boundary("SIM in a parked multi-SIM device relaying outgoing calls on new SIMs", "SIM of a two-SIM module on new SIMs",
                Map.of("device_sims_7d", 2L, "device_new_sims_7d", 2L, "device_cells_7d", 1L, "device_cell_known_share_7d", 1.0,
                        "device_outgoing_share_7d", 1.0, "device_calls_out_7d", 2000L),
                "work SIM of a salesperson's dual-SIM phone, some calls from customers", "device_outgoing_share_7d", 0.94);
        boundary("SIM in a parked multi-SIM device relaying outgoing calls around the clock", "SIM of a two-SIM module working all night",
                Map.of("device_sims_7d", 2L, "device_night_share_7d", 0.13, "device_cells_7d", 1L, "device_cell_known_share_7d", 1.0,
                        "device_outgoing_share_7d", 1.0, "device_calls_out_7d", 2600L),
                "SIM of a night-shift dispatcher's two-SIM phone, 999 calls", "device_calls_out_7d", 999L);
        // SPOOFED_CLI
        boundary("+86 numbers arriving from abroad", "international trunk injecting domestic numbers", Map.of(TRUNK_TYPE, "INTERNATIONAL",
                        "cli_plus86_international_7d", 400L, "cli_plus86_international_share_7d", 0.4),
                "international trunk with nine such calls from a partner's misconfigured switch", "cli_plus86_international_7d", 9L);
        boundary("private line presenting numbers it may not use", "private line presenting strangers' numbers",
                Map.of(TRUNK_TYPE, "PRIVATE_LINE", "cli_unauthorized_7d", 150L, "cli_unauthorized_share_7d", 0.25),
                "bank call centre with a few calls from a branch not yet in its authorised prefixes", "cli_unauthorized_share_7d", 0.019);
        boundary("private line hiding or inventing caller numbers", "private line hiding its callers", Map.of(TRUNK_TYPE, "PRIVATE_LINE",
                        "cli_hidden_7d", 120L, "cli_hidden_share_7d", 0.3),
                "interconnect trunk carrying other operators' subscribers who hide their number", TRUNK_TYPE, "INTERCONNECT");
        boundary("unallocated caller numbers", "trunk presenting numbers of our blocks no one holds", Map.of(TRUNK_TYPE, "INTERCONNECT",
                        "cli_unallocated_7d", 80L, "cli_unallocated_share_7d", 0.2),
                "interconnect trunk carrying ported-out numbers, a few really unallocated", "cli_unallocated_share_7d", 0.049);
        boundary("private line presenting invalid caller numbers", "private line inventing malformed numbers",
                Map.of(TRUNK_TYPE, "PRIVATE_LINE", "cli_invalid_7d", 60L, "cli_invalid_share_7d", 0.2),
                "interconnect trunk whose upstream switches garble numbers", TRUNK_TYPE, "INTERCONNECT");
        // SPAM_SMS on numbers
        boundary("one template with links to many recipients", "spam SIM sending a phishing link", Map.of("sms_recipients_7d", 900L,
                        "template_share_7d", 0.97, "url_share_7d", 0.95),
                "courier sending pickup codes with the odd tracking link", "url_share_7d", 0.29);
        boundary("one template to many recipients, reported as spam", "spam SIM without links, reported", Map.of("sms_recipients_7d", 700L,
                        "template_share_7d", 0.9, "complaints_spam_sms_7d", 4L),
                "courier sending pickup codes, never reported", "complaints_spam_sms_7d", 0L);
        boundary("a link many numbers sent, from a new SIM", "SIM of a campaign split over many new SIMs", Map.of("link_senders_7d", 12L,
                        "url_share_7d", 0.95, "sms_recipients_7d", 35L, SIM_AGE_DAYS, 6),
                "new subscriber forwarding a vote link, and four friends", "link_senders_7d", 4L);
        boundary("a link many numbers sent, reported as spam", "old SIM sending a campaign's link, reported", Map.of("link_senders_7d", 12L,
                        "url_share_7d", 0.7, "sms_recipients_7d", 20L, "complaints_spam_sms_7d", 2L),
                "person forwarding a coupon link many forward, never reported", "complaints_spam_sms_7d", 0L);
        boundary("one template to many recipients from a new SIM", "new SIM texting one template to hundreds", Map.of(
                        "sms_recipients_7d", 600L, "template_share_7d", 0.9, SIM_AGE_DAYS, 4),
                "shop owner's new SIM announcing the opening, a month and a day old", SIM_AGE_DAYS, 31);
        // SPAM_SMS on port customers
        boundary("port sending templated links that draw complaints", "spam port", Map.of("sms_recipients_7d", 3000L,
                        "template_share_7d", 0.97, "url_share_7d", 0.95, "complaints_on_carried_numbers_7d", 14L),
                "bank's notification port sending statement links to its customers", "complaints_on_carried_numbers_7d", 0L);
        boundary("port whose templated traffic draws complaints", "spam port without links", Map.of("sms_recipients_7d", 3000L,
                        "template_share_7d", 0.97, "complaints_on_carried_numbers_7d", 9L),
                "utility's port with two complaints from customers who forgot they subscribed", "complaints_on_carried_numbers_7d", 2L);
        // FRAUD_RING
        boundary("notified by police", "number police notified", Map.of(POLICE_NOTIFIED, true),
                "number never notified", POLICE_NOTIFIED, false);
        boundary("shares a device with confirmed fraud", "SIM in a handset a notified number used", Map.of("graph_seeds_sharing_device", 1L),
                "SIM whose handset no fraud number used", "graph_seeds_sharing_device", 0L);
        boundary("shares an identity with confirmed fraud", "card on a bought identity holding fraud cards",
                Map.of("graph_seeds_sharing_identity", 2L),
                "card on an identity with no fraud card", "graph_seeds_sharing_identity", 0L);
        boundary("works the same victims as confirmed fraud", "team member calling the seed's victims",
                Map.of("graph_covictim_max_similarity_to_seed", 0.6),
                "courier who happened to call some of the same people", "graph_covictim_max_similarity_to_seed", 0.29);
        boundary("member of a ring holding confirmed fraud", "member of a six-number ring with a notified number",
                Map.of("ring_seed_count", 1L, "ring_size", 6L),
                "member of a 31-number community around a notified number", "ring_size", 31L);
    }

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        rules = RuleBook.defaults();
    }

    @Test
    void everyRuleHasABoundaryCase() {
        Set<String> inFile = new TreeSet<>();
        rules.detectors().forEach(d -> d.rules().forEach(r -> inFile.add(r.name())));
        Set<String> covered = CASES.stream().map(Boundary::rule).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(inFile, covered);
    }

    @Test
    void eachRuleFiresOnItsCaseAndNotOnTheLookalikeJustAcrossOneThreshold() {
        Map<String, String> failures = new LinkedHashMap<>();
        for (EntityType type : EntityType.values()) {
            List<Detector> oneRuleEach = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Integer> cases = new ArrayList<>();
            for (Detector d : rules.detectorsFor(type)) {
                for (Rule r : d.rules()) {
                    oneRuleEach.add(new Detector(d.pattern(), type, List.of(r)));
                    for (int k = 0; k < CASES.size(); k++) {
                        Boundary b = CASES.get(k);
                        if (!b.rule().equals(r.name())) {
                            continue;
                        }
                        assertTrue(r.require().stream().anyMatch(c -> c.feature().equals(b.feature())),
                                r.name() + ": the look-alike must differ in a required figure, not " + b.feature());
                        rows.add(row(type, "fires|" + k + "|" + r.name(), b.fires()));
                        Map<String, Object> lookalike = new HashMap<>(b.fires());
                        lookalike.put(b.feature(), b.across());
                        rows.add(row(type, "off|" + k + "|" + r.name(), lookalike));
                        cases.add(k);
                    }
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            Set<String> fired = new HashSet<>();     // "fires|k" or "off|k" whose own rule fired
            for (Row d : Detections.toDetections(frame(type, rows), type, type.keyColumn(), oneRuleEach, rules.listing().uncorroboratedMax())
                    .collectAsList()) {
                String[] id = d.<String>getAs(ENTITY_ID).split("\\|", 3);
                if (id[2].equals(d.getAs(RULE))) {
                    fired.add(id[0] + "|" + id[1]);
                }
            }
            for (int k : cases) {
                Boundary b = CASES.get(k);
                if (!fired.contains("fires|" + k)) {
                    failures.put(b.rule() + " #" + k, "did not fire on " + b.who());
                } else if (fired.contains("off|" + k)) {
                    failures.put(b.rule() + " #" + k, "fired on the look-alike: " + b.lookalike() + " (" + b.feature() + " = " + b.across() + ")");
                }
            }
        }
        assertEquals(Map.of(), failures);
    }

    /**
     * Decisive facts: rules whose required conditions already count in full at the first value that
     * holds (an equality, or "more than none" of something a person cannot explain away). Named here
     * so that a rule does not become decisive unnoticed.
     */
    private static final Set<String> DECISIVE = Set.of("notified by police", "shares a device with confirmed fraud");

    @Test
    void aRuleAtItsBareThresholdsScoresBelowTheListingScore() {
        double min = rules.listing().minScore();
        assertTrue(min > RuleBook.FIRING_SCORE, "min_score " + min);
        Set<String> decisive = new TreeSet<>();
        for (EntityType type : EntityType.values()) {
            List<Detector> detectors = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Detector d : rules.detectorsFor(type)) {
                for (Rule r : d.rules()) {
                    Map<String, Object> atThresholds = new HashMap<>();
                    for (Condition c : r.require()) {
                        atThresholds.put(c.feature(), c.numeric() ? firstHolding(c) : c.value());
                    }
                    detectors.add(new Detector(d.pattern(), type, List.of(r)));
                    rows.add(row(type, r.name(), atThresholds));
                }
            }
            if (detectors.isEmpty()) {
                continue;
            }
            List<Row> own = Detections.toDetections(frame(type, rows), type, type.keyColumn(), detectors,
                    rules.listing().uncorroboratedMax()).collectAsList().stream()
                    .filter(d -> d.<String>getAs(ENTITY_ID).equals(d.getAs(RULE))).toList();
            assertEquals(rows.size(), own.size(), type + ": every rule fires at its bare thresholds");
            for (Row d : own) {
                if (d.<Double>getAs(SCORE) >= min) {
                    decisive.add(d.getAs(RULE));
                }
            }
        }
        assertEquals(new TreeSet<>(DECISIVE), decisive, "rules that list an entity at their bare thresholds, with no support");
    }

    /** The first value at which a numeric test holds: the threshold, or one step inside it for {@code >} and {@code <}. */
    private static Object firstHolding(Condition c) {
        double t = c.threshold();
        boolean integral = t == Math.rint(t) && (c.strong() == null || c.strong() == Math.rint(c.strong()));
        double step = integral ? 1 : 1e-6;
        double v = switch (c.op()) {
            case ">" -> t + step;
            case "<" -> t - step;
            default -> t;
        };
        return integral ? (Object) (long) v : (Object) v;
    }

    private static Map<String, Object> row(EntityType type, String id, Map<String, Object> values) {
        Map<String, Object> m = new HashMap<>(values);
        m.put(type.keyColumn(), id);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> frame(EntityType type, List<Map<String, Object>> rows) {
        StructType schema = type == EntityType.NUMBER ? EntityRows.numberInputSchema(spark) : Schemas.schemaOf(type.featuresTable());
        return EntityRows.rows(spark, schema, rows.toArray(new Map[0]));
    }
}
