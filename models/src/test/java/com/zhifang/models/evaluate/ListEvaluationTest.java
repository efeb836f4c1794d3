package com.zhifang.models.evaluate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ListEvaluationTest {
    private static final List<ListEvaluation.Truth> TRUTH = List.of(
            fraud("NUMBER", "+861", "BULK_CALLING", false),
            fraud("NUMBER", "+862", "BULK_CALLING", false),
            fraud("TRUNK", "ITG-1", "SPOOFED_CLI", false),
            fraud("NUMBER", "+869", "FRAUD_RING", true),          // police-notified: out of K and out of the list
            legit("NUMBER", "+863", "COURIER"),
            legit("NUMBER", "+864", "TELEMARKETER"),
            legit("TRUNK", "ITG-9", "INTERCONNECT_TRUNK"));

    @Test
    void precisionAtKRecallWithin2KAndLookalikes() {
        List<ListEvaluation.Listed> list = List.of(
                listed(1, "NUMBER", "+869", true), listed(2, "NUMBER", "+861", false), listed(3, "NUMBER", "+863", false),
                listed(4, "NUMBER", "+864", false), listed(5, "TRUNK", "ITG-1", false), listed(6, "NUMBER", "+8699", false),
                listed(7, "NUMBER", "+865", false), listed(8, "NUMBER", "+862", false));
        ListEvaluation.Result r = ListEvaluation.evaluate(list, TRUTH);
        assertEquals(3, r.k());
        assertEquals(1 / 3.0, r.precisionAtK(), 1e-9, "top 3 after the police-notified one: +861, +863, +864");
        assertEquals(Map.of("BULK_CALLING", 0.5, "SPOOFED_CLI", 1.0), r.recallWithin2K(), "+862 is 8th, the 7th kept row: outside 2K = 6");
        assertEquals(List.of("COURIER NUMBER/+863 @3"), r.lookalikesIn2K());
        assertEquals(List.of("TELEMARKETER NUMBER/+864 @4"), r.complianceInK(), "3rd of the kept rows: inside K = 3");
        assertEquals(List.of("TELEMARKETER NUMBER/+864 @4"), r.complianceIn2K());
        assertFalse(r.meets(0.9, 0.9, 2));
        assertEquals(7, r.listedRows());
    }

    @Test
    void complianceCasesInsideKAndNeverListedKindsBreakTheBarAndPatternsGetTheirPrecision() {
        List<ListEvaluation.Listed> list = List.of(
                listed(1, "NUMBER", "+861", false, "BULK_CALLING", true), listed(2, "NUMBER", "+864", false, "BULK_CALLING", true),
                listed(3, "TRUNK", "ITG-1", false, "SPOOFED_CLI", false), listed(4, "NUMBER", "+862", false, "BULK_CALLING", true),
                listed(5, "TRUNK", "ITG-9", false, "SPOOFED_CLI", true));
        ListEvaluation.Result r = ListEvaluation.evaluate(list, TRUTH);
        assertEquals(List.of("TELEMARKETER NUMBER/+864 @2"), r.complianceInK());
        assertEquals(List.of("INTERCONNECT_TRUNK TRUNK/ITG-9 @5"), r.neverListed());
        assertEquals(List.of("INTERCONNECT_TRUNK TRUNK/ITG-9 @5"), r.lookalikesIn2K(), "every legitimate kind but compliance is a look-alike");
        assertEquals(Map.of("BULK_CALLING", 2 / 3.0, "SPOOFED_CLI", 0.5), r.precisionByPattern());
        assertEquals(0.8, r.exactReasonShare(), 1e-9);
        assertEquals(1.0, r.recallWithin2K().get("BULK_CALLING"));
        assertFalse(r.meets(0.5, 0.5, 2), "a telemarketer inside K and a listed interconnect trunk fail whatever the figures");
    }

    @Test
    void aPerfectListMeetsTheBar() {
        ListEvaluation.Result r = ListEvaluation.evaluate(List.of(listed(1, "TRUNK", "ITG-1", false), listed(2, "NUMBER", "+862", false),
                listed(3, "NUMBER", "+861", false), listed(4, "NUMBER", "+863", false)), TRUTH);
        assertEquals(1.0, r.precisionAtK());
        assertTrue(r.meets(0.9, 0.9, 2), r.toMarkdown());
    }

    @Test
    void theTruthFileIsReadByHeaderAndBadLinesNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("truth.csv");
        Files.writeString(file, "entity_type,entity_id,label,pattern,kind,police_notified\nNUMBER,+861,FRAUD,BULK_CALLING,,false\n"
                + "NUMBER,+863,LEGITIMATE,,COURIER,false\n");
        assertEquals(List.of(fraud("NUMBER", "+861", "BULK_CALLING", false), legit("NUMBER", "+863", "COURIER")),
                ListEvaluation.readTruth(file));
        Files.writeString(file, "entity_type,entity_id,label,pattern,kind,police_notified\nNUMBER,+861,FRAUD\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListEvaluation.readTruth(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    private static ListEvaluation.Truth fraud(String type, String id, String pattern, boolean police) {
        return new ListEvaluation.Truth(type, id, true, pattern, "", police);
    }

    private static ListEvaluation.Truth legit(String type, String id, String kind) {
        return new ListEvaluation.Truth(type, id, false, "", kind, false);
    }

    private static ListEvaluation.Listed listed(int rank, String type, String id, boolean police) {
        return new ListEvaluation.Listed(rank, type, id, police, List.of(), true);
    }

    private static ListEvaluation.Listed listed(int rank, String type, String id, boolean police, String pattern, boolean exact) {
        return new ListEvaluation.Listed(rank, type, id, police, List.of(pattern), exact);
    }
}
