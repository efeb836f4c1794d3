package com.zhifang.models.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Each rule's reach, told apart by what the truth says of each entity it fired on. */
class RuleTallyTest {
    private static final List<ListEvaluation.Truth> TRUTH = List.of(
            new ListEvaluation.Truth("NUMBER", "+8617100000001", true, "BULK_CALLING", "", false),
            new ListEvaluation.Truth("NUMBER", "+8617100000002", true, "BULK_CALLING", "", true),
            new ListEvaluation.Truth("NUMBER", "+8617100000003", true, "FRAUD_RING", "", false),
            new ListEvaluation.Truth("NUMBER", "+8613800000004", false, "", "TELEMARKETER", false),
            new ListEvaluation.Truth("NUMBER", "+8613800000005", false, "", "COURIER", false),
            new ListEvaluation.Truth("NUMBER", "+8613800000006", false, "", "COURIER", false),
            new ListEvaluation.Truth("DEVICE", "861206054603288", true, "BULK_CALLING", "", false));

    @Test
    void eachRuleCountsWhomItFiresOnAgainstItsOwnPattern() {
        List<RuleTally.Row> rows = RuleTally.tally(List.of(
                fired("week", "BULK_CALLING", "+8617100000001", 0.9), fired("week", "BULK_CALLING", "+8617100000003", 0.7),
                fired("week", "BULK_CALLING", "+8613800000004", 0.76), fired("week", "BULK_CALLING", "+8613800000005", 0.55),
                fired("week", "BULK_CALLING", "+8613800000006", 0.58), fired("week", "BULK_CALLING", "+8619900000007", 0.61),
                fired("day", "BULK_CALLING", "+8617100000002", 0.95)), TRUTH, 0.6);

        assertEquals(2, rows.size());
        RuleTally.Row week = rows.get(0);
        assertEquals("week", week.rule());
        assertEquals(1, week.truePattern());
        assertEquals(2, week.patternSize(), "the number-level BULK_CALLING fraud, police-notified included; not the device");
        assertEquals(1, week.otherFraud(), "a ring member");
        assertEquals(1, week.compliance());
        assertEquals(Map.of("COURIER", 2), week.lookalikes());
        assertEquals(1, week.unknown());
        assertEquals(6, week.fired());
        assertEquals(4, week.listable(), "0.9, 0.7, 0.76 and 0.61; the couriers' 0.55 and 0.58 stay under 0.6");
        assertEquals(1, rows.get(1).truePattern());
        assertTrue(RuleTally.toMarkdown(rows).contains("| week (BULK_CALLING) | NUMBER | 6 | 4 | 1 of 2 | 1 | 1 | COURIER 2 | 1 |"),
                RuleTally.toMarkdown(rows));
    }

    private static RuleTally.Fired fired(String rule, String pattern, String number, double score) {
        return new RuleTally.Fired(rule, pattern, "NUMBER", number, score);
    }
}
