package com.zhifang.models.rules;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.domain.PatternCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RuleBookTest {
    private static final String MINIMAL = """
            // comments are allowed: analysts annotate their changes
            {"version": "test-1",
             "listing": {"min_score": 0.6, "appeal_suppression_days": 30, "appeal_override_margin": 0.2},
             "detectors": [{"pattern": "WANGIRI", "entity": "NUMBER", "rules": [{"name": "r",
               "require": [{"feature": "one_ring_share_7d", "op": ">=", "value": 0.5, "strong": 0.9, "reason": "{pct} one-ring"}]}]}]}
            """;

    @Test
    void theBuiltInRulesCoverEveryPatternCode() {
        RuleBook rules = RuleBook.defaults();
        assertEquals(java.util.EnumSet.allOf(PatternCode.class), rules.detectors().stream().map(Detector::pattern).collect(java.util.stream.Collectors.toSet()));
        assertTrue(rules.versionLabel().startsWith(rules.version() + "+"));
        assertFalse(rules.detectorsFor(EntityType.TRUNK).isEmpty());
    }

    @Test
    void aMinimalFileParsesAndItsHashTellsEditsApart() {
        RuleBook a = RuleBook.parse(MINIMAL, "a");
        RuleBook b = RuleBook.parse(MINIMAL.replace("0.9", "0.95"), "b");
        assertEquals("test-1", a.version());
        assertEquals(1, a.detectorsFor(EntityType.NUMBER).size());
        assertNotEquals(a.versionLabel(), b.versionLabel(), "same version string, different content");
        assertEquals(0.0, a.listing().modelWeight(), "model weight defaults to rules only");
        assertEquals(ListCategory.FRAUD, a.detectors().get(0).uncorroboratedCategory(), "a detector finds fraud unless it says otherwise");
        RuleBook marketing = RuleBook.parse(MINIMAL.replace("\"entity\": \"NUMBER\",",
                "\"entity\": \"NUMBER\", \"uncorroborated_category\": \"COMPLIANCE\","), "c");
        assertEquals(ListCategory.COMPLIANCE, marketing.detectors().get(0).uncorroboratedCategory());
    }

    @Test
    void mistakesAreReportedWithTheirPlaceInTheFile() {
        assertMessage(MINIMAL.replace("\">=\"", "\"=>\""), "$.detectors[0].rules[0].require[0]", "unknown op '=>'");
        assertMessage(MINIMAL.replace(", \"strong\": 0.9", ""), "$.detectors[0].rules[0].require[0]", "strong");
        assertMessage(MINIMAL.replace("\"strong\": 0.9", "\"strong\": 0.1"), "require[0]", "beyond the threshold");
        assertMessage(MINIMAL.replace("WANGIRI", "ROBOCALL"), "$.detectors[0].pattern: unknown pattern code 'ROBOCALL'", "WANGIRI");
        assertMessage(MINIMAL.replace("\"NUMBER\"", "\"PHONE\""), "$.detectors[0].entity: unknown entity type 'PHONE'", "PORT_CUSTOMER");
        assertMessage(MINIMAL.replace("\"entity\": \"NUMBER\",", "\"entity\": \"NUMBER\", \"uncorroborated_category\": \"MARKETING\","),
                "$.detectors[0].uncorroborated_category: unknown category 'MARKETING'", "COMPLIANCE");
        assertMessage(MINIMAL.replace("{pct} one-ring", "{pct} one-ring {int}"), "require[0]", "may hold one of");
        assertMessage(MINIMAL.replace("\"min_score\": 0.6", "\"min_score\": 1.5"), "min_score", "(0.5, 1]");
        assertMessage(MINIMAL.replace("\"min_score\": 0.6", "\"min_score\": 0.5"), "min_score", "bare thresholds");
        assertMessage(MINIMAL.replace("\"version\": \"test-1\",", ""), "$.version is missing", "");
        assertMessage(MINIMAL.replace(", \"reason\": \"{pct} one-ring\"", ""), "$.detectors[0].rules[0].require[0].reason is missing", "");
        assertMessage(MINIMAL.replace("}]}]}", "}]}]"), "not valid JSON", "line");
        assertMessage(MINIMAL.replace("\"strong\": 0.9,", "\"strong\": 0.9, \"weight\": 0.2,"), "require[0]", "takes no weight");
    }

    @Test
    void aMisspelledKeyFailsNamingItsPathInsteadOfDefaultingToZero() {
        String misspelled = MINIMAL.replace("\"appeal_override_margin\": 0.2}", "\"appeal_override_margin\": 0.2, \"modle_weight\": 0.3}");
        assertMessage(misspelled, "$.listing: unknown key 'modle_weight' (line 3)", "model_weight");
        // A misspelled required key is reported as the required key missing, at the same path.
        assertMessage(MINIMAL.replace("\"reason\"", "\"reasons\""), "$.detectors[0].rules[0].require[0].reason is missing", "");
        assertMessage(MINIMAL.replace("\"name\": \"r\",", "\"name\": \"r\", \"supprot\": [],"), "$.detectors[0].rules[0]: unknown key 'supprot'",
                "support");
    }

    private static void assertMessage(String json, String part1, String part2) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleBook.parse(json, "edited.json"));
        assertTrue(e.getMessage().startsWith("rules edited.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(part1) && e.getMessage().contains(part2), e.getMessage());
    }
}
