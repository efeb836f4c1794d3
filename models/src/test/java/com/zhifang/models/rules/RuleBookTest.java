package com.zhifang.models.rules;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.domain.PatternCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.*;

class RuleBookTest {
    private static final String MINIMAL = """
            // comments are allowed: analysts annotate their changes
            {"version": "test-1",
             "listing": {"min_score": 0.6, "appeal_suppression_days": 30, "appeal_override_margin": 0.2},
             "detectors": [{"pattern": "WANGIRI", "entity": "NUMBER", "rules": [{"name": "r",
               "require": [{"feature": "one_ring_share_7d", "op": ">=", "value": 0.5, "strong": 0.9, "reason": "{pct} one-ring",
                           "reason_zh": "{pct}的呼叫响一声即挂"}]}]}]}
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

    /**
     * Every condition of the built-in rules carries its Chinese sentence with the English one's placeholder. Read from
     * the file itself rather than through the loader, which stops at the first gap: this names every one.
     */
    @Test
    void everyConditionOfTheBuiltInRulesHasItsChineseSentenceWithTheSamePlaceholder() throws IOException {
        JsonNode file = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build().readTree(builtInRulesText());
        List<String> problems = new ArrayList<>();
        int conditions = 0;
        for (JsonNode detector : file.get("detectors")) {
            for (JsonNode rule : detector.get("rules")) {
                for (String kind : List.of("require", "support")) {
                    for (JsonNode c : rule.path(kind)) {
                        conditions++;
                        String where = detector.get("pattern").asText() + " on " + detector.get("entity").asText() + ", rule '"
                                + rule.get("name").asText() + "', " + kind + " " + c.get("feature").asText();
                        String reason = c.get("reason").asText();
                        JsonNode zh = c.get("reason_zh");
                        if (zh == null || zh.asText().isBlank()) {
                            problems.add(where + ": no reason_zh beside '" + reason + "'");
                        } else if (!Objects.equals(Condition.placeholderOf(reason), Condition.placeholderOf(zh.asText()))) {
                            problems.add(where + ": reason_zh '" + zh.asText() + "' quotes another placeholder than '" + reason + "'");
                        } else if (zh.asText().codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                            problems.add(where + ": reason_zh '" + zh.asText() + "' holds no Chinese");
                        }
                    }
                }
            }
        }
        assertTrue(conditions > 100, "the walk reached the conditions: " + conditions);
        assertEquals(List.of(), problems, problems.size() + " condition(s) of " + RuleBook.DEFAULT_RESOURCE + " need a Chinese sentence:\n"
                + String.join("\n", problems));
        assertEquals(file.get("version").asText(), RuleBook.defaults().version(), "and the loader, which checks the same, accepts it");
    }

    @Test
    void aConditionWithoutItsChineseSentenceOrWithAnotherPlaceholderFailsToLoadNamingDetectorRuleAndFeature() {
        String owner = "$.detectors[0].rules[0].require[0] (WANGIRI on NUMBER, rule 'r'): one_ring_share_7d: ";
        assertMessage(MINIMAL.replaceAll(",\\s*\"reason_zh\": \"[^\"]*\"", ""),
                owner + "reason_zh is missing", "beside reason '{pct} one-ring'");
        assertMessage(MINIMAL.replace("\"reason_zh\": \"{pct}", "\"reason_zh\": \"{int}"),
                owner + "reason_zh '{int}的呼叫响一声即挂' holds {int} but reason '{pct} one-ring' holds {pct}", "same figure");
        assertMessage(MINIMAL.replace("\"reason_zh\": \"{pct}", "\"reason_zh\": \""),
                owner + "reason_zh '的呼叫响一声即挂' holds no placeholder but reason '{pct} one-ring' holds {pct}", "");
        assertMessage(MINIMAL.replace("{pct}的呼叫", "{pct}的{pct}呼叫"), owner + "reason_zh", "may hold one of");
        assertMessage(MINIMAL.replace("\"reason_zh\": \"{pct}的呼叫响一声即挂\"", "\"reason_zh\": \" \""), owner + "reason_zh is missing", "");
        String withSupport = MINIMAL.replace("\"reason_zh\": \"{pct}的呼叫响一声即挂\"}]",
                "\"reason_zh\": \"{pct}的呼叫响一声即挂\"}],\n \"support\": [{\"feature\": \"sim_age_days\", \"op\": \"<=\", \"value\": 30,"
                        + " \"weight\": 0.3, \"reason\": \"SIM active {int} days\"}]");
        assertMessage(withSupport, "$.detectors[0].rules[0].support[0] (WANGIRI on NUMBER, rule 'r'): sim_age_days: reason_zh is missing",
                "'SIM active {int} days'");
        assertEquals("SIM卡开通{int}天", RuleBook.parse(withSupport.replace("days\"}]", "days\", \"reason_zh\": \"SIM卡开通{int}天\"}]"), "s")
                .detectors().get(0).rules().get(0).support().get(0).reasonZh());
    }

    private static String builtInRulesText() throws IOException {
        try (InputStream in = RuleBookTest.class.getClassLoader().getResourceAsStream(RuleBook.DEFAULT_RESOURCE)) {
            assertNotNull(in, RuleBook.DEFAULT_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
