package com.zhifang.models.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhifang.features.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The versioned rules file: every detector's thresholds, the listing settings, and the version
 * that each suspect row and run report carries. JSON with comments, read once per run; an analyst
 * edits it and passes {@code --rules FILE}, no recompiling. The built-in default is
 * {@code rules/zhifang-rules.json} on the classpath (also in {@code conf/rules/}).
 *
 * <p>A bad file fails at load time with the JSON path of the offending entry, never mid-run.
 *
 * @param version          the file's own version string (bump it with every change)
 * @param contentHash      first 12 hex digits of the file's SHA-256: two files with one version
 *                         string but different content are told apart in the run report
 * @param listing          who gets listed and who stays off
 * @param detectors        one per (pattern, entity type)
 */
public record RuleBook(String version, String contentHash, Listing listing, List<Detector> detectors) {
    public static final String DEFAULT_RESOURCE = "rules/zhifang-rules.json";

    /**
     * @param minScore               an entity is listed when its combined score reaches this
     * @param appealSuppressionDays  days after a RESTORED_ON_APPEAL (or FALSE_POSITIVE) decision during
     *                               which the entity stays off the list ...
     * @param appealOverrideMargin   ... unless its score beats the score it was last listed with by this much
     * @param modelWeight            share of the trained model's probability in a number's combined score
     *                               (0 = rules only); only numbers some detector fired on are listed
     * @param uncorroboratedMax      the highest score a rule reaches on its required conditions alone:
     *                               only holding support conditions (young SIM, complaints, call-backs, ...)
     *                               lift an entity above it, so one strong signal never outranks corroborated fraud
     */
    public record Listing(double minScore, int appealSuppressionDays, double appealOverrideMargin, double modelWeight,
                          double uncorroboratedMax) {
        public Listing {
            if (minScore <= 0 || minScore > 1) {
                throw new IllegalArgumentException("listing.min_score must be in (0, 1], got " + minScore);
            }
            if (appealSuppressionDays < 0) {
                throw new IllegalArgumentException("listing.appeal_suppression_days must be >= 0, got " + appealSuppressionDays);
            }
            if (appealOverrideMargin < 0) {
                throw new IllegalArgumentException("listing.appeal_override_margin must be >= 0, got " + appealOverrideMargin);
            }
            if (modelWeight < 0 || modelWeight > 1) {
                throw new IllegalArgumentException("listing.model_weight must be in [0, 1], got " + modelWeight);
            }
            if (uncorroboratedMax <= 0.5 || uncorroboratedMax > 1) {
                throw new IllegalArgumentException("listing.uncorroborated_max must be in (0.5, 1], got " + uncorroboratedMax);
            }
        }
    }

    public RuleBook {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(listing, "listing");
        detectors = List.copyOf(detectors);
    }

    /** The detectors of one entity type, in file order. */
    public List<Detector> detectorsFor(String entityType) {
        return detectors.stream().filter(d -> d.entityType().equals(entityType)).toList();
    }

    /** "version (content hash)": what run reports and suspect rows record. */
    public String versionLabel() {
        return version + "+" + contentHash;
    }

    /** The built-in rules. */
    public static RuleBook defaults() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in rules " + DEFAULT_RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in rules " + DEFAULT_RESOURCE, e);
        }
    }

    /** The rules in {@code file}, or the built-in ones when {@code file} is null. */
    public static RuleBook load(Path file) {
        if (file == null) {
            return defaults();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rules file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses rules text; {@code source} names it in error messages. */
    public static RuleBook parse(String json, String source) {
        ObjectMapper mapper = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rules " + source + ": not valid JSON: " + e.getOriginalMessage()
                    + " at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()), e);
        }
        try {
            JsonNode listing = required(root, "listing", "$");
            Listing l = new Listing(
                    required(listing, "min_score", "$.listing").asDouble(),
                    required(listing, "appeal_suppression_days", "$.listing").asInt(),
                    required(listing, "appeal_override_margin", "$.listing").asDouble(),
                    listing.path("model_weight").asDouble(0.0),
                    listing.path("uncorroborated_max").asDouble(1.0));
            List<Detector> detectors = new ArrayList<>();
            JsonNode ds = required(root, "detectors", "$");
            for (int i = 0; i < ds.size(); i++) {
                detectors.add(detector(ds.get(i), "$.detectors[" + i + "]"));
            }
            return new RuleBook(required(root, "version", "$").asText(), Sha256.hex(json).substring(0, 12), l, detectors);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("rules " + source + ": " + e.getMessage(), e);
        }
    }

    private static Detector detector(JsonNode node, String path) {
        List<Rule> rules = new ArrayList<>();
        JsonNode rs = required(node, "rules", path);
        for (int i = 0; i < rs.size(); i++) {
            String rulePath = path + ".rules[" + i + "]";
            JsonNode r = rs.get(i);
            String name = required(r, "name", rulePath).asText();
            List<Condition> require = conditions(required(r, "require", rulePath), rulePath + ".require", false);
            List<Condition> support = conditions(r.path("support"), rulePath + ".support", true);
            try {
                rules.add(new Rule(name, require, support));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(rulePath + ": " + e.getMessage(), e);
            }
        }
        return new Detector(required(node, "pattern", path).asText(), required(node, "entity", path).asText(), rules);
    }

    private static List<Condition> conditions(JsonNode array, String path, boolean support) {
        List<Condition> out = new ArrayList<>();
        if (array.isMissingNode()) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode c = array.get(i);
            String at = path + "[" + i + "]";
            JsonNode value = required(c, "value", at);
            Object v = value.isNumber() ? (Object) value.asDouble() : value.isBoolean() ? (Object) value.asBoolean() : value.asText();
            JsonNode strong = c.path("strong");
            if (support && !c.has("weight")) {
                throw new IllegalArgumentException(at + ": a support condition needs a weight");
            }
            if (!support && value.isNumber() && !strong.isNumber()) {
                throw new IllegalArgumentException(at + ": a required numeric condition needs 'strong' (where its evidence counts in full)");
            }
            try {
                out.add(new Condition(required(c, "feature", at).asText(), required(c, "op", at).asText(), v,
                        strong.isNumber() ? strong.asDouble() : null, required(c, "reason", at).asText(),
                        support ? c.get("weight").asDouble() : 0.0));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            List<String> present = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                present.add(it.next());
            }
            throw new IllegalArgumentException(path + "." + field + " is missing (has " + present + ")");
        }
        return v;
    }
}
