package com.zhifang.models.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.zhifang.features.domain.Code;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.PatternCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published JSON Schema of the rules file validates the shipped file, rejects a misspelled key,
 * and names the keys the loader binds and the codes the domain types define.
 */
class RulesSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedRulesFileIsValidAgainstItsSchema() throws IOException {
        Set<ValidationMessage> errors = schema().validate(shippedRules());
        assertEquals(Set.of(), errors);
    }

    @Test
    void aMisspelledKeyIsInvalidAgainstTheSchemaToo() throws IOException {
        JsonNode rules = shippedRules();
        ((com.fasterxml.jackson.databind.node.ObjectNode) rules.get("listing")).put("model_weigth", 0.3);
        Set<ValidationMessage> errors = schema().validate(rules);
        assertFalse(errors.isEmpty());
        assertTrue(errors.toString().contains("model_weigth"), errors.toString());
    }

    @Test
    void theSchemaNamesExactlyTheKeysTheLoaderBinds() throws IOException {
        JsonNode schema = JSON.readTree(resource("rules/zhifang-rules.schema.json"));
        assertEquals(keysOf(RulesFile.class), names(schema.get("properties")));
        assertEquals(keysOf(RulesFile.ListingJson.class), names(schema.get("properties").get("listing").get("properties")));
        JsonNode defs = schema.get("$defs");
        assertEquals(keysOf(RulesFile.DetectorJson.class), names(defs.get("detector").get("properties")));
        assertEquals(keysOf(RulesFile.RuleJson.class), names(defs.get("rule").get("properties")));
        assertEquals(keysOf(RulesFile.ConditionJson.class), names(defs.get("condition").get("properties")));
    }

    @Test
    void theSchemasCodesAreTheDomainTypes() throws IOException {
        JsonNode detector = JSON.readTree(resource("rules/zhifang-rules.schema.json")).get("$defs").get("detector").get("properties");
        assertEquals(Code.codes(PatternCode.class), texts(detector.get("pattern").get("enum")));
        assertEquals(Code.codes(EntityType.class), texts(detector.get("entity").get("enum")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Set<String> keysOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .map(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE::translate)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(resource("rules/zhifang-rules.schema.json"));
    }

    /** The shipped file with its // comment lines taken out, as a JSON Schema validator needs it. */
    private static JsonNode shippedRules() throws IOException {
        String text = resource(RuleBook.DEFAULT_RESOURCE).lines().filter(line -> !line.strip().startsWith("//"))
                .collect(Collectors.joining("\n"));
        return JSON.readTree(text);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RulesSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            assertTrue(in != null, name + " on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
