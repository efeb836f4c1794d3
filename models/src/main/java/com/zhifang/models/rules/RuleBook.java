package com.zhifang.models.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zhifang.features.Sha256;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.ListCategory;
import com.zhifang.features.domain.PatternCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versioned rules file: every detector's thresholds, the listing settings, and the version
 * that each suspect row and run report carries. JSON with comments, read once per run; an analyst
 * edits it and passes {@code --rules FILE}, no recompiling. The built-in default is
 * {@code rules/zhifang-rules.json} on the classpath (also in {@code conf/rules/}).
 *
 * <p>A bad file fails at load time with the JSON path of the offending entry (for a condition, also
 * its detector and rule), never mid-run: a condition without its Chinese sentence ({@code reason_zh})
 * included, so that no list goes out with evidence only some of its readers can read.
 *
 * @param version          the file's own version string (bump it with every change)
 * @param contentHash      first 12 hex digits of the file's SHA-256: two files with one version
 *                         string but different content are told apart in the run report
 * @param listing          who gets listed and who stays off
 * @param detectors        one per (pattern, entity type)
 */
public record RuleBook(String version, String contentHash, Listing listing, List<Detector> detectors) {
    public static final String DEFAULT_RESOURCE = "rules/zhifang-rules.json";
    /** The score of a rule whose required conditions all sit exactly at their thresholds (strength 0.5 each). */
    public static final double FIRING_SCORE = 0.5;

    /**
     * @param minScore               an entity is listed when its combined score reaches this; it must lie above
     *                               {@link #FIRING_SCORE}, the score of a rule whose required conditions sit exactly
     *                               at their thresholds, so that "a rule fired" and "listed" are apart by a margin:
     *                               an entity is listed only beyond its thresholds or with corroboration
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
            if (minScore <= FIRING_SCORE || minScore > 1) {
                throw new IllegalArgumentException("listing.min_score must be in (" + FIRING_SCORE + ", 1], got " + minScore
                        + ": at " + FIRING_SCORE + " every rule that fires at its bare thresholds would list its entity");
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
    public List<Detector> detectorsFor(EntityType entityType) {
        return detectors.stream().filter(d -> d.entityType() == entityType).toList();
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

    /** Reads the rules file's JSON: comments allowed, keys snake_case, an unknown key an error. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /**
     * Parses rules text; {@code source} names it in error messages, which give the JSON path of
     * the offending entry ({@code $.detectors[2].rules[0].require[1]}) and, for JSON errors, its line.
     */
    public static RuleBook parse(String json, String source) {
        RulesFile file;
        try {
            file = MAPPER.readValue(json, RulesFile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rules " + source + ": " + describe(e), e);
        }
        try {
            RulesFile.ListingJson l = file.listing();
            Listing listing = new Listing(l.minScore(), l.appealSuppressionDays(), l.appealOverrideMargin(),
                    l.modelWeight() == null ? 0.0 : l.modelWeight(),
                    l.uncorroboratedMax() == null ? 1.0 : l.uncorroboratedMax());
            List<Detector> detectors = new ArrayList<>();
            for (int i = 0; i < file.detectors().size(); i++) {
                detectors.add(detector(file.detectors().get(i), "$.detectors[" + i + "]"));
            }
            return new RuleBook(file.version(), Sha256.hex(json).substring(0, 12), listing, detectors);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("rules " + source + ": " + e.getMessage(), e);
        }
    }

    private static Detector detector(RulesFile.DetectorJson d, String path) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < d.rules().size(); i++) {
            String rulePath = path + ".rules[" + i + "]";
            RulesFile.RuleJson r = d.rules().get(i);
            // Conditions repeat across rules (SIM age, complaints): the detector and rule name which one is meant.
            String owner = " (" + d.pattern() + " on " + d.entity() + ", rule '" + r.name() + "')";
            List<Condition> require = conditions(r.require(), rulePath + ".require", owner, false);
            List<Condition> support = conditions(r.support() == null ? List.of() : r.support(), rulePath + ".support", owner, true);
            try {
                rules.add(new Rule(r.name(), require, support));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(rulePath + ": " + e.getMessage(), e);
            }
        }
        return new Detector(d.pattern(), d.entity(), d.uncorroboratedCategory(), rules);
    }

    /**
     * @param owner the detector and rule the conditions belong to, for error messages
     */
    private static List<Condition> conditions(List<RulesFile.ConditionJson> conditions, String path, String owner, boolean support) {
        List<Condition> out = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            RulesFile.ConditionJson c = conditions.get(i);
            String at = path + "[" + i + "]" + owner;
            JsonNode value = c.value();
            if (!value.isNumber() && !value.isBoolean() && !value.isTextual()) {
                throw new IllegalArgumentException(at + ".value: must be a number, a boolean or text, got " + value);
            }
            Object v = value.isNumber() ? (Object) value.asDouble() : value.isBoolean() ? (Object) value.asBoolean() : value.asText();
            if (support && c.weight() == null) {
                throw new IllegalArgumentException(at + ": a support condition needs a weight");
            }
            if (!support && c.weight() != null) {
                throw new IllegalArgumentException(at + ": a required condition takes no weight (only support conditions do)");
            }
            if (!support && value.isNumber() && c.strong() == null) {
                throw new IllegalArgumentException(at + ": a required numeric condition needs 'strong' (where its evidence counts in full)");
            }
            try {
                out.add(new Condition(c.feature(), c.op(), v, c.strong(), c.reason(), c.reasonZh(), support ? c.weight() : 0.0));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Jackson's word for a required key that is absent (the key as written in the file). */
    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");

    /** Jackson's error as the JSON path of the entry, what is wrong with it, and its line. */
    private static String describe(JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        StreamReadException syntax = e instanceof StreamReadException direct ? direct
                : e.getCause() instanceof StreamReadException wrapped ? wrapped : null;
        if (syntax != null || !(e instanceof JsonMappingException mapping)) {
            JsonProcessingException cause = syntax != null ? syntax : e;
            String at = cause.getLocation() == null ? line : " (line " + cause.getLocation().getLineNr() + ")";
            return "not valid JSON: " + cause.getOriginalMessage() + at;
        }
        List<JsonMappingException.Reference> references = mapping.getPath();
        String path = jsonPath(references);
        if (e instanceof UnrecognizedPropertyException unknown) {
            // Jackson's path ends with the unknown key itself: name the object that holds it.
            return jsonPath(references.subList(0, Math.max(0, references.size() - 1))) + ": unknown key '"
                    + unknown.getPropertyName() + "'" + line + "; known keys here: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return path + ": unknown " + codeName(invalid.getTargetType()) + " '" + invalid.getValue() + "'" + line + "; known: "
                    + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf).toList();
        }
        String message = String.valueOf(e.getOriginalMessage());
        Matcher missing = MISSING_PROPERTY.matcher(message);
        if (missing.find()) {
            // The path ends with the missing key when Jackson got that far; otherwise add it.
            boolean named = !references.isEmpty() && missing.group(1).equals(references.get(references.size() - 1).getFieldName());
            return (named ? path : path + "." + missing.group(1)) + " is missing" + line;
        }
        return path + ": " + message + line;
    }

    private static String codeName(Class<?> type) {
        return type == PatternCode.class ? "pattern code" : type == EntityType.class ? "entity type"
                : type == ListCategory.class ? "category" : type.getSimpleName();
    }

    /** {@code $.detectors[0].rules[1].name} from Jackson's reference path. */
    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
