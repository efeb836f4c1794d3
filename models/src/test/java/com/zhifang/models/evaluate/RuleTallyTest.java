package com.zhifang.models.evaluate;

import com.zhifang.models.rules.RuleBook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Each rule's reach, told apart by what the truth says of each entity it fired on; rules in file order, silent ones too. */
class RuleTallyTest {
    private static final RuleBook RULES = RuleBook.parse("""
            {"version": "t", "listing": {"min_score": 0.6, "appeal_suppression_days": 30, "appeal_override_margin": 0.2},
             "detectors": [{"pattern": "BULK_CALLING", "entity": "NUMBER", "rules": [
               {"name": "week", "require": [{"feature": "distinct_callees_7d", "op": ">=", "value": 100, "strong": 600, "reason": "{int}", "reason_zh": "{int}"}]},
               {"name": "day", "require": [{"feature": "distinct_callees_1d", "op": ">=", "value": 100, "strong": 300, "reason": "{int}", "reason_zh": "{int}"}]},
               {"name": "silent", "require": [{"feature": "peak_hour_calls_1d", "op": ">=", "value": 60, "strong": 300, "reason": "{int}", "reason_zh": "{int}"}]}]}]}
            """, "test");
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
        List<RuleTally.Row> rows = RuleTally.tally(RULES, List.of(
                fired("day", "+8617100000002", 0.95),
                fired("week", "+8617100000001", 0.9), fired("week", "+8617100000003", 0.7),
                fired("week", "+8613800000004", 0.76), fired("week", "+8613800000005", 0.55),
                fired("week", "+8613800000006", 0.58), fired("week", "+8619900000007", 0.61)), TRUTH);

        assertEquals(List.of("week", "day", "silent"), rows.stream().map(RuleTally.Row::rule).toList(), "file order, silent rules too");
        RuleTally.Row week = rows.get(0);
        assertEquals(1, week.truePattern());
        assertEquals(2, week.patternSize(), "the number-level BULK_CALLING fraud, police-notified included; not the device");
        assertEquals(1, week.otherFraud(), "a ring member");
        assertEquals(1, week.compliance());
        assertEquals(Map.of("COURIER", 2), week.lookalikes());
        assertEquals(1, week.unknown());
        assertEquals(6, week.fired());
        assertEquals(4, week.listable(), "0.9, 0.7, 0.76 and 0.61; the couriers' 0.55 and 0.58 stay under min_score 0.6");
        assertEquals(1, rows.get(1).truePattern());
        assertEquals(0, rows.get(2).fired());
        String table = RuleTally.toMarkdown(rows);
        assertTrue(table.contains("| week (BULK_CALLING) | NUMBER | 6 | 4 | 1 of 2 | 1 | 1 | COURIER 2 | 1 |"), table);
        assertTrue(table.contains("| silent (BULK_CALLING) | NUMBER | 0 | 0 | 0 of 2 | 0 | 0 | 0 | 0 |"), table);
    }

    private static RuleTally.Fired fired(String rule, String number, double score) {
        return new RuleTally.Fired(rule, "BULK_CALLING", "NUMBER", number, score);
    }
}
