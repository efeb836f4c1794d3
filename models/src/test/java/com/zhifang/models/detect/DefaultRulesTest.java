package com.zhifang.models.detect;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The built-in rules file on hand-built entities: each pattern fires on a textbook case with the
 * evidence in its reasons, and stays silent on the legitimate look-alike the domain notes name.
 */
class DefaultRulesTest {
    private static SparkSession spark;
    private static RuleBook rules;
    /** Detections of every hand-built number below, computed in one Spark job (the number rules compile to one wide projection). */
    private static Map<String, Row> numberDetections;

    @BeforeAll
    static void setUp() {
        spark = SparkTestSession.get();
        rules = RuleBook.defaults();
        numberDetections = numbers(
                number("+8617100000001", Map.of("distinct_callees_7d", 400L, "reciprocity_7d", 0.01, "answer_rate_out_7d", 0.25,
                        "duration_mean_s_7d", 40.0, "short_call_share_7d", 0.5, SIM_AGE_DAYS, 5, "calls_in_7d", 1L)),
                // Courier: as many new callees, but customers answer and some call back; moves across cells; old SIM.
                number("+8613800000002", Map.of("distinct_callees_7d", 250L, "reciprocity_7d", 0.25, "answer_rate_out_7d", 0.85,
                        "cells_7d", 40L, SIM_AGE_DAYS, 900)),
                // Telemarketer: high volume, one-way, but an old account: fires, with a lower score than fresh fraud SIMs.
                number("+8613800000003", Map.of("distinct_callees_7d", 400L, "reciprocity_7d", 0.01, "answer_rate_out_7d", 0.4,
                        "duration_mean_s_7d", 45.0, SIM_AGE_DAYS, 2000, "calls_in_7d", 30L)),
                // A salesperson's work SIM: as many callees and as few call-backs, but half answered, conversations of minutes.
                number("+8613800000004", Map.of("distinct_callees_7d", 630L, "reciprocity_7d", 0.07, "answer_rate_out_7d", 0.52,
                        "duration_mean_s_7d", 170.0, SIM_AGE_DAYS, 1500, "calls_in_7d", 60L)),
                number("+22222045275", Map.of("one_ring_callees_7d", 500L, "one_ring_share_7d", 0.95, "answer_rate_out_7d", 0.0,
                        "callbacks_after_one_ring_7d", 12L)),
                number("+8617000000010", Map.of("sequential_share_7d", 0.7, "distinct_callees_7d", 300L, "unallocated_share_7d", 0.3)),
                number("+8617000000011", Map.of("sms_recipients_7d", 800L, "template_share_7d", 0.98, "url_share_7d", 0.9)),
                number("+8617000000012", Map.of("device_sims_7d", 2L, "device_outgoing_share_7d", 1.0, "device_cells_7d", 1L,
                        "device_cell_known_share_7d", 1.0, "device_night_share_7d", 0.12,
                        "device_calls_out_7d", 2650L, "device_imei", "867339042269674", "calls_in_7d", 0L)),
                // Courier: templated pickup-code messages to hundreds of customers, no links, no complaints, old SIM.
                number("+8613611798858", Map.of("sms_recipients_7d", 340L, "template_share_7d", 0.95, "url_share_7d", 0.0,
                        "complaints_spam_sms_7d", 0L, SIM_AGE_DAYS, 900, "distinct_callees_7d", 300L, "reciprocity_7d", 0.3,
                        "answer_rate_out_7d", 0.85)),
                // A subscriber who missed a call and rang back: one one-ring call received, nothing sent.
                number("+8613900000013", Map.of("one_ring_calls_in_7d", 1L, "distinct_callees_7d", 12L, "reciprocity_7d", 0.7)),
                number("+8615258652540", Map.of("graph_seeds_sharing_device", 2L)),
                number("+8613611794182", Map.of(POLICE_NOTIFIED, true)),
                number("+8618894633786", Map.of("graph_covictim_max_similarity_to_seed", 0.6, "graph_hops_to_seed", 2)),
                // A victim: called by a fraud number (one hop), nothing else in common with it.
                number("+8613900000099", Map.of("graph_hops_to_seed", 1, "graph_covictim_max_similarity_to_seed", 0.0)),
                // One SIM of a campaign split over 40: 35 recipients in the week, under every per-number volume rule.
                number("+8617000000021", Map.of("link_senders_7d", 40L, "url_share_7d", 0.95, "sms_recipients_7d", 35L,
                        SIM_AGE_DAYS, 4, "template_share_7d", 0.9, "calls_out_7d", 0L)),
                // An old number sending a campaign's link, reported for it.
                number("+8613900000023", Map.of("link_senders_7d", 12L, "url_share_7d", 0.7, "sms_recipients_7d", 20L,
                        SIM_AGE_DAYS, 400, "complaints_spam_sms_7d", 2L)),
                // Someone forwarding a vote link that 200 others forwarded too: an old SIM, no complaints.
                number("+8613900000022", Map.of("link_senders_7d", 200L, "url_share_7d", 0.8, "sms_recipients_7d", 25L,
                        SIM_AGE_DAYS, 2000, "complaints_spam_sms_7d", 0L, "calls_out_7d", 40L)),
                // A small campaign split over ten SIMs bought this month (nine of its link's senders are new), and a
                // new subscriber forwarding a link ten old SIMs forwarded too: otherwise the same.
                number("+8617000000024", Map.of("link_senders_7d", 10L, "link_new_senders_7d", 9L, "url_share_7d", 0.9,
                        "sms_recipients_7d", 30L, SIM_AGE_DAYS, 8, "template_share_7d", 0.9, "calls_out_7d", 0L)),
                number("+8617000000025", Map.of("link_senders_7d", 10L, "link_new_senders_7d", 1L, "url_share_7d", 0.9,
                        "sms_recipients_7d", 30L, SIM_AGE_DAYS, 8, "template_share_7d", 0.9, "calls_out_7d", 0L)));
    }

    /** The patterns found for the numbers of a test. */
    private static Map<String, String> patternsOf(String... numbers) {
        List<String> wanted = List.of(numbers);
        return numberDetections.keySet().stream().filter(k -> wanted.contains(k.split("/")[0]))
                .collect(Collectors.toMap(k -> k.split("/")[0], k -> k.split("/")[1]));
    }

    @Test
    void bulkCallerFiresWithItsEvidenceAndTheCourierDoesNot() {
        Map<String, Row> found = numberDetections;
        Row bulk = found.get("+8617100000001/BULK_CALLING");
        assertNotNull(bulk, found.keySet().toString());
        assertTrue(bulk.<Double>getAs(SCORE) > 0.85, bulk.toString());
        List<String> reasons = bulk.getList(bulk.fieldIndex(REASONS));
        assertTrue(reasons.contains("400 distinct callees in 7 days"), reasons.toString());
        assertTrue(reasons.contains("1.0% of callees called back"), reasons.toString());
        assertTrue(reasons.contains("SIM active 5 days"), reasons.toString());
        assertFalse(found.keySet().stream().anyMatch(k -> k.startsWith("+8613800000002/")), found.keySet().toString());
        assertFalse(found.keySet().stream().anyMatch(k -> k.startsWith("+8613800000004/")), "the salesperson: " + found.keySet());
        Row telemarketer = found.get("+8613800000003/BULK_CALLING");
        assertNotNull(telemarketer);
        assertTrue(telemarketer.<Double>getAs(SCORE) < bulk.<Double>getAs(SCORE));
        assertEquals("FRAUD", bulk.getAs(LIST_CATEGORY), "bulk calling on a five-day-old SIM");
        assertEquals("COMPLIANCE", telemarketer.getAs(LIST_CATEGORY), "the telemarketer's volume alone: " + telemarketer);
    }

    /** Each holding condition writes its Chinese sentence beside its English one: same order, same figures, same formats. */
    @Test
    void chineseReasonsParallelTheEnglishOnesWithTheSameFigures() {
        Row bulk = numberDetections.get("+8617100000001/BULK_CALLING");
        assertEquals(List.of("400 distinct callees in 7 days", "1.0% of callees called back", "25.0% of calls answered",
                "answered calls last 40 s on average", "50.0% of answered calls under 6 s", "SIM active 5 days", "1 incoming calls in 7 days"),
                bulk.getList(bulk.fieldIndex(REASONS)));
        assertEquals(List.of("7天内呼叫400个不同号码", "1.0%的被叫回拨", "外呼接通率25.0%", "接通呼叫平均通话40秒", "50.0%的接通呼叫不足6秒",
                "SIM卡开通5天", "7天内呼入1次"), bulk.getList(bulk.fieldIndex(REASONS_ZH)));
        Row sim = numberDetections.get("+8617000000012/SIMBOX");
        assertTrue(sim.getList(sim.fieldIndex(REASONS_ZH)).contains("终端IMEI为867339042269674"), sim.toString());
        assertTrue(sim.getList(sim.fieldIndex(REASONS_ZH)).contains("该终端12.0%的呼叫发生在0点至6点"), sim.toString());
        assertEquals(List.of("已被公安机关通报"), numberDetections.get("+8613611794182/FRAUD_RING").getList(
                numberDetections.get("+8613611794182/FRAUD_RING").fieldIndex(REASONS_ZH)));
        for (Map.Entry<String, Row> e : numberDetections.entrySet()) {
            Row r = e.getValue();
            assertEquals(r.getList(r.fieldIndex(REASONS)).size(), r.getList(r.fieldIndex(REASONS_ZH)).size(), e.getKey() + ": " + r);
        }
    }

    @Test
    void wangiriScanningSpamAndSimBoxSimsFireOnTheirSignaturesAndTheCourierSmsDoesNot() {
        Map<String, Row> found = numberDetections;
        assertEquals(Map.of("+22222045275", "WANGIRI", "+8617000000010", "NUMBER_SCANNING", "+8617000000011", "SPAM_SMS",
                        "+8617000000012", "SIMBOX"),
                patternsOf("+22222045275", "+8617000000010", "+8617000000011", "+8617000000012", "+8613900000013",
                        "+8613611798858"));
        List<String> wangiri = found.get("+22222045275/WANGIRI").getList(found.get("+22222045275/WANGIRI").fieldIndex(REASONS));
        assertTrue(wangiri.contains("12 of them called back"), wangiri.toString());
        List<String> sim = found.get("+8617000000012/SIMBOX").getList(found.get("+8617000000012/SIMBOX").fieldIndex(REASONS));
        assertTrue(sim.contains("device IMEI 867339042269674"), sim.toString());
    }

    @Test
    void aSplitCampaignsSimsFireOnTheirSharedLinkAndAForwarderDoesNot() {
        assertEquals(Map.of("+8617000000021", "SPAM_SMS", "+8613900000023", "SPAM_SMS"),
                patternsOf("+8617000000021", "+8613900000023", "+8613900000022"));
        Row sim = numberDetections.get("+8617000000021/SPAM_SMS");
        List<String> reasons = sim.getList(sim.fieldIndex(REASONS));
        assertTrue(reasons.contains("40 numbers sent the same link in 7 days"), reasons.toString());
        assertTrue(reasons.contains("35 distinct SMS recipients in 7 days"), reasons.toString());
        assertTrue(reasons.contains("SIM active 4 days"), reasons.toString());
        assertTrue(sim.<Double>getAs(SCORE) > numberDetections.get("+8613900000023/SPAM_SMS").<Double>getAs(SCORE),
                "a new SIM with corroboration outranks an old one with two complaints");
    }

    /**
     * A campaign of ten fresh SIMs: each SIM's own figures are modest, the batch of new SIMs behind
     * one link is what corroborates it, enough to rank above a telemarketer's volume alone.
     */
    @Test
    void newSimsAmongALinksSendersCorroborateACampaign() {
        Row campaignSim = numberDetections.get("+8617000000024/SPAM_SMS");
        Row forwarder = numberDetections.get("+8617000000025/SPAM_SMS");
        List<String> reasons = campaignSim.getList(campaignSim.fieldIndex(REASONS));
        assertTrue(reasons.contains("9 SIMs under 30 days old sent the same link in 7 days"), reasons.toString());
        assertFalse(forwarder.getList(forwarder.fieldIndex(REASONS)).stream().anyMatch(r -> r.toString().contains("under 30 days old")),
                forwarder.toString());
        assertTrue(campaignSim.<Double>getAs(SCORE) > forwarder.<Double>getAs(SCORE), campaignSim + " vs " + forwarder);
        assertTrue(campaignSim.<Double>getAs(SCORE) > numberDetections.get("+8613800000003/BULK_CALLING").<Double>getAs(SCORE),
                "a corroborated campaign SIM outranks a telemarketer");
    }

    @Test
    void ringEvidenceNeedsConfirmedFraudNotJustHavingBeenCalledByIt() {
        Map<String, Row> found = numberDetections;
        assertEquals(Map.of("+8613611794182", "FRAUD_RING", "+8615258652540", "FRAUD_RING", "+8618894633786", "FRAUD_RING"),
                patternsOf("+8613611794182", "+8615258652540", "+8618894633786", "+8613900000099"));
        assertEquals(List.of("notified by police"), found.get("+8613611794182/FRAUD_RING").getList(
                found.get("+8613611794182/FRAUD_RING").fieldIndex(REASONS)));
    }

    @Test
    void simBoxDevicesFireAndADualSimPhoneDoesNot() {
        StructType schema = Schemas.schemaOf(Tables.FEATURES_DEVICE);
        Dataset<Row> devices = EntityRows.rows(spark, schema,
                with(IMEI, "867339042269674", "sims_7d", 14L, "outgoing_share_7d", 1.0, "cells_7d", 1L, "cell_known_share_7d", 1.0,
                        "sim_swap_rate_7d", 0.8),
                with(IMEI, "354664040709706", "sims_7d", 2L, "outgoing_share_7d", 0.5, "cells_7d", 12L, "cell_known_share_7d", 1.0,
                        "sim_swap_rate_7d", 0.01, "calls_out_7d", 1200L),
                // Two SIMs parked at one cell streaming outgoing calls around the clock: a small SIM box.
                with(IMEI, "867339044733719", "sims_7d", 2L, "outgoing_share_7d", 1.0, "cells_7d", 1L, "cell_known_share_7d", 1.0,
                        "calls_out_7d", 2666L, "night_share_7d", 0.13, "sms_records_7d", 0L),
                // A salesperson's dual-SIM phone: two SIMs years old at one office cell, busy, office hours only.
                with(IMEI, "356938035643809", "sims_7d", 2L, "new_sims_7d", 0L, "outgoing_share_7d", 0.97, "cells_7d", 1L,
                        "cell_known_share_7d", 1.0, "calls_out_7d", 1800L, "night_share_7d", 0.0, "sms_records_7d", 40L),
                // Twelve SIMs on a phone that calls over Wi-Fi: no cell id on any record, so "parked" is unknown.
                with(IMEI, "356938035643817", "sims_7d", 12L, "outgoing_share_7d", 1.0, "cell_known_share_7d", 0.0,
                        "calls_out_7d", 3000L, "night_share_7d", 0.2));
        List<Row> found = detect(devices, EntityType.DEVICE, IMEI, rules.detectorsFor(EntityType.DEVICE)).collectAsList();
        assertEquals(List.of("867339042269674", "867339044733719"), found.stream().map(r -> r.<String>getAs(ENTITY_ID)).sorted().toList());
        Row big = found.stream().filter(r -> r.getAs(ENTITY_ID).equals("867339042269674")).findFirst().orElseThrow();
        assertTrue(big.getList(big.fieldIndex(REASONS)).contains("14 SIMs used in this device in 7 days"));
    }

    /** The same two-SIM stream on SIMs bought this month, on old SIMs around the clock, and on old SIMs in office hours. */
    @Test
    void newSimsOrNightWorkTellASmallSimBoxFromADualSimPhone() {
        StructType schema = Schemas.schemaOf(Tables.FEATURES_DEVICE);
        Dataset<Row> devices = EntityRows.rows(spark, schema,
                with(IMEI, "867339044733719", "sims_7d", 2L, "new_sims_7d", 2L, "outgoing_share_7d", 1.0, "cells_7d", 1L,
                        "cell_known_share_7d", 1.0, "calls_out_7d", 2000L, "night_share_7d", 0.0, "sms_records_7d", 0L),
                with(IMEI, "867339044733727", "sims_7d", 2L, "new_sims_7d", 0L, "outgoing_share_7d", 1.0, "cells_7d", 1L,
                        "cell_known_share_7d", 1.0, "calls_out_7d", 2000L, "night_share_7d", 0.12, "sms_records_7d", 0L),
                with(IMEI, "867339044733735", "sims_7d", 2L, "new_sims_7d", 0L, "outgoing_share_7d", 1.0, "cells_7d", 1L,
                        "cell_known_share_7d", 1.0, "calls_out_7d", 2000L, "night_share_7d", 0.0, "sms_records_7d", 0L));
        Map<String, Row> found = detect(devices, EntityType.DEVICE, IMEI, rules.detectorsFor(EntityType.DEVICE)).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs(ENTITY_ID), r -> r));
        Row fresh = found.get("867339044733719");
        Row night = found.get("867339044733727");
        assertTrue(fresh.getList(fresh.fieldIndex(REASONS)).contains("2 of its SIMs activated under 30 days ago"), fresh.toString());
        assertTrue(night.getList(night.fieldIndex(REASONS)).contains("12.0% of its calls placed between midnight and 6 am"),
                night.toString());
        assertFalse(found.containsKey("867339044733735"), "old SIMs in office hours: a dual-SIM phone, not a SIM box");
    }

    @Test
    void spoofingTrunksFireAndTheBankLineAndRoamersDoNot() {
        StructType schema = Schemas.schemaOf(Tables.FEATURES_TRUNK);
        Dataset<Row> trunks = EntityRows.rows(spark, schema,
                with(TRUNK_ID, "ITG-SZX-10", TRUNK_TYPE, "INTERNATIONAL", "calls_7d", 900L, "cli_plus86_international_7d", 400L,
                        "cli_plus86_international_share_7d", 0.44, "complaints_on_carried_numbers_7d", 9L),
                with(TRUNK_ID, "PL-1004", TRUNK_TYPE, "PRIVATE_LINE", "calls_7d", 600L, "cli_unauthorized_7d", 150L,
                        "cli_unauthorized_share_7d", 0.25, "cli_hidden_7d", 20L),
                // Roamers calling home arrive on the international trunk with +86 numbers, which the feature already excludes.
                with(TRUNK_ID, "ITG-PEK-01", TRUNK_TYPE, "INTERNATIONAL", "calls_7d", 300L, "cli_plus86_international_7d", 0L,
                        "cli_plus86_international_share_7d", 0.0),
                // A bank's call centre: huge volume, only its authorised numbers.
                with(TRUNK_ID, "PL-2001", TRUNK_TYPE, "PRIVATE_LINE", "calls_7d", 50000L, "cli_unauthorized_7d", 0L,
                        "cli_unauthorized_share_7d", 0.0, "cli_hidden_7d", 0L, "cli_hidden_share_7d", 0.0));
        List<String> found = detect(trunks, EntityType.TRUNK, TRUNK_ID, rules.detectorsFor(EntityType.TRUNK))
                .collectAsList().stream().map(r -> r.<String>getAs(ENTITY_ID) + "/" + r.getAs(PATTERN)).sorted().toList();
        assertEquals(List.of("ITG-SZX-10/SPOOFED_CLI", "PL-1004/SPOOFED_CLI"), found);
    }

    /**
     * Number portability: unallocated numbers (of our blocks, no subscriber's, not ported out) fire on
     * any trunk; invalid ones only on a private line, since on an interconnect they are mostly an
     * upstream switch's garbling.
     */
    @Test
    void unallocatedNumbersFireOnAnyTrunkInvalidOnesOnlyOnPrivateLines() {
        StructType schema = Schemas.schemaOf(Tables.FEATURES_TRUNK);
        Dataset<Row> trunks = EntityRows.rows(spark, schema,
                with(TRUNK_ID, "IC-7", TRUNK_TYPE, "INTERCONNECT", "calls_7d", 2000L, "cli_unallocated_7d", 300L,
                        "cli_unallocated_share_7d", 0.15),
                // Another operator's switch garbling caller IDs: invalid numbers, none unallocated.
                with(TRUNK_ID, "IC-8", TRUNK_TYPE, "INTERCONNECT", "calls_7d", 2000L, "cli_invalid_7d", 300L,
                        "cli_invalid_share_7d", 0.15, "cli_unallocated_7d", 0L, "cli_unallocated_share_7d", 0.0),
                with(TRUNK_ID, "PL-3001", TRUNK_TYPE, "PRIVATE_LINE", "calls_7d", 600L, "cli_invalid_7d", 120L,
                        "cli_invalid_share_7d", 0.2, "cli_unauthorized_7d", 0L, "cli_unauthorized_share_7d", 0.0));
        Map<String, Row> found = detect(trunks, EntityType.TRUNK, TRUNK_ID, rules.detectorsFor(EntityType.TRUNK))
                .collectAsList().stream().collect(Collectors.toMap(r -> r.<String>getAs(ENTITY_ID) + "/" + r.getAs(PATTERN), r -> r));
        assertEquals(List.of("IC-7/SPOOFED_CLI", "PL-3001/SPOOFED_CLI"), found.keySet().stream().sorted().toList());
        Row line = found.get("PL-3001/SPOOFED_CLI");
        assertTrue(line.getList(line.fieldIndex(REASONS)).contains("120 calls presenting invalid numbers in 7 days"), line.toString());
        Row interconnect = found.get("IC-7/SPOOFED_CLI");
        assertTrue(interconnect.getList(interconnect.fieldIndex(REASONS)).toString().contains("300 calls presenting unallocated numbers"),
                interconnect.toString());
    }

    @Test
    void spamPortFiresAndTheOtpPortDoesNot() {
        StructType schema = Schemas.schemaOf(Tables.FEATURES_PORT_CUSTOMER);
        Dataset<Row> ports = EntityRows.rows(spark, schema,
                with(PORT_CUSTOMER, "EC20317974", "sms_recipients_7d", 3000L, "template_share_7d", 0.97, "url_share_7d", 0.95,
                        "complaints_on_carried_numbers_7d", 14L),
                with(PORT_CUSTOMER, "EC10000001", "sms_recipients_7d", 50000L, "template_share_7d", 0.99, "url_share_7d", 0.0,
                        "complaints_on_carried_numbers_7d", 0L));
        List<String> found = detect(ports, EntityType.PORT_CUSTOMER, PORT_CUSTOMER, rules.detectorsFor(EntityType.PORT_CUSTOMER))
                .collectAsList().stream().map(r -> r.<String>getAs(ENTITY_ID)).toList();
        assertEquals(List.of("EC20317974"), found);
    }

    @SafeVarargs
    private static Map<String, Row> numbers(Map<String, Object>... rows) {
        return detect(EntityRows.rows(spark, EntityRows.numberInputSchema(spark), rows), EntityType.NUMBER, NUMBER, rules.detectorsFor(EntityType.NUMBER))
                .collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs(ENTITY_ID) + "/" + r.getAs(PATTERN), r -> r));
    }

    private static Dataset<Row> detect(Dataset<Row> features, EntityType type, String id, List<com.zhifang.models.rules.Detector> detectors) {
        return Detections.toDetections(features, type, id, detectors, rules.listing().uncorroboratedMax());
    }

    private static Map<String, Object> number(String number, Map<String, Object> features) {
        Map<String, Object> m = new HashMap<>(features);
        m.put(NUMBER, number);
        return m;
    }

    private static Map<String, Object> with(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
