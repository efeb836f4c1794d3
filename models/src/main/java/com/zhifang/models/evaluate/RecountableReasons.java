package com.zhifang.models.evaluate;

import com.zhifang.features.behaviour.EntityFeatures;
import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.domain.EntityType;
import com.zhifang.features.domain.PatternCode;
import com.zhifang.models.rules.Condition;
import com.zhifang.models.rules.RuleBook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells whether a listed entity's reasons can all be recounted exactly from the records: each
 * sentence is traced back to the rules-file condition that wrote it, and that condition's feature
 * must be exact (a count, sum, maximum or ratio of them), not an estimate (a multi-day distinct
 * count merged from sketches, a duration quantile; {@link EntityFeatures#isEstimate}). A model's
 * probability is not recountable; a sentence no condition of the rules writes (rules changed since
 * the list was made) is not either, since nothing says where its figure came from.
 *
 * <p>Number rules also read the serving device's features ({@code device_<feature>}) and graph
 * features ({@code graph_*}, {@code ring_*}), which are counted from the stored call and sharing
 * graph: exact.
 */
public final class RecountableReasons {
    private static final String DEVICE_PREFIX = "device_";

    private final List<Source> sources = new ArrayList<>();

    /** Where one sentence form comes from. */
    private record Source(EntityType entityType, Pattern sentence, String feature) {}

    public RecountableReasons(RuleBook rules) {
        rules.detectors().forEach(d -> d.rules().forEach(r -> {
            r.require().forEach(c -> sources.add(source(d.entityType(), c)));
            r.support().forEach(c -> sources.add(source(d.entityType(), c)));
        }));
    }

    /** True when every sentence of {@code reasons} comes from a condition on an exact feature. */
    public boolean allExact(EntityType entityType, List<String> reasons) {
        return reasons.stream().allMatch(r -> featureOf(entityType, r).map(f -> isExact(entityType, f)).orElse(false));
    }

    /** The feature a reason sentence reports, without a secondary pattern's {@code CODE: } prefix. */
    Optional<String> featureOf(EntityType entityType, String reason) {
        String sentence = withoutPatternPrefix(reason);
        return sources.stream().filter(s -> s.entityType() == entityType && s.sentence().matcher(sentence).matches())
                .map(Source::feature).findFirst();
    }

    private static boolean isExact(EntityType entityType, String feature) {
        if (entityType == EntityType.NUMBER && feature.startsWith(DEVICE_PREFIX)) {
            return !featuresOf(EntityType.DEVICE).isEstimate(feature.substring(DEVICE_PREFIX.length()));
        }
        return !featuresOf(entityType).isEstimate(feature);
    }

    private static EntityFeatures featuresOf(EntityType type) {
        return switch (type) {
            case NUMBER -> FeatureSets.NUMBER_FEATURES;
            case DEVICE -> FeatureSets.DEVICE_FEATURES;
            case TRUNK -> FeatureSets.TRUNK_FEATURES;
            case PORT_CUSTOMER -> FeatureSets.PORT_CUSTOMER_FEATURES;
        };
    }

    private static String withoutPatternPrefix(String reason) {
        for (PatternCode p : PatternCode.values()) {
            String prefix = p.code() + ": ";
            if (reason.startsWith(prefix)) {
                return reason.substring(prefix.length());
            }
        }
        return reason;
    }

    /** The condition's sentence as a pattern: its placeholder matches any figure or text. */
    private static Source source(EntityType type, Condition c) {
        String template = c.reason();
        String placeholder = c.placeholder();
        String regex = placeholder == null ? Pattern.quote(template)
                : Pattern.quote(template.substring(0, template.indexOf(placeholder))) + ".+?"
                        + Pattern.quote(template.substring(template.indexOf(placeholder) + placeholder.length()));
        return new Source(type, Pattern.compile(regex), c.feature());
    }
}
