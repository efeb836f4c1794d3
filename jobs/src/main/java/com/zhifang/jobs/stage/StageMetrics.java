package com.zhifang.jobs.stage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stage's counts by name, in the order they were added. Names are snake_case ({@code numbers},
 * {@code rings_with_seeds}); the run report groups them under the stage ({@code graph.rings}). The
 * headline metrics are those the progress log line shows ({@code 4,521 numbers, 1,959 devices}).
 */
public final class StageMetrics {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final Map<String, Long> values;
    private final Map<String, Long> headline;

    private StageMetrics(Map<String, Long> values, Map<String, Long> headline) {
        this.values = Collections.unmodifiableMap(values);
        this.headline = Collections.unmodifiableMap(headline);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every metric, in order. */
    public Map<String, Long> asMap() {
        return values;
    }

    /** The value of {@code name}. @throws IllegalArgumentException when the stage has no such metric */
    public long get(String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no metric " + name + "; have " + values.keySet());
        }
        return value;
    }

    /** The headline metrics for a log line: {@code "4,521 numbers, 1,959 devices"}. */
    public String headline() {
        return headline.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey().replace('_', ' ')))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Adds metrics in report order; a name may be added once. */
    public static final class Builder {
        private final Map<String, Long> values = new LinkedHashMap<>();
        private final Map<String, Long> headline = new LinkedHashMap<>();

        private Builder() {}

        /** A metric the progress line shows. */
        public Builder headline(String name, long value) {
            add(name, value);
            headline.put(name, value);
            return this;
        }

        /** A metric for the report only. */
        public Builder add(String name, long value) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("metric name '" + name + "' is not snake_case");
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("metric " + name + " added twice");
            }
            return this;
        }

        public StageMetrics build() {
            return new StageMetrics(new LinkedHashMap<>(values), new LinkedHashMap<>(headline));
        }
    }
}
