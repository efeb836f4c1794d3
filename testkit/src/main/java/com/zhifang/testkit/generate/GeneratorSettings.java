package com.zhifang.testkit.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Validated settings of the synthetic landing-zone generator.
 *
 * @param out              landing-zone root directory (created if missing)
 * @param subscribers      number of our subscribers (SIMs) to simulate, at least 200
 * @param days             number of traffic days, at least 1
 * @param seed             random seed; the same settings and seed give byte-identical output
 * @param startDate        first traffic day (carrier local date)
 * @param zone             carrier time zone, decides the traffic day of each timestamp
 * @param malformedRate    share of extra malformed rows injected into voice and sms files
 * @param lateRate         share of voice/sms records held back and delivered in the next day's folder
 * @param redeliveryRate   probability that a voice/sms file of day d is re-delivered in day d+1's folder
 * @param duplicateRate    share of voice/sms records repeated (same record_id, identical row) in another file of the same day
 * @param gzip             write voice and sms files as {@code .csv.gz} (other datasets are always plain {@code .csv})
 * @param maxRowsPerFile   target upper bound of rows per voice/sms file (the number of files per day is sized from it)
 * @param realism          the mess of real carrier traffic on top of the actors ({@link Realism}; all on by default,
 *                         {@link Realism#none()} turns it off): number portability ({@code reference/ported.csv}),
 *                         garbled caller numbers on interconnect trunks, Wi-Fi calling, dual-SIM salespeople,
 *                         telemarketers rotating SIMs, notification ports, a police notice naming a spoofing victim,
 *                         two switch vendors' ring times, and fraud kept under a per-SIM daily cap
 *
 * <p><b>Per-SIM daily caps.</b> Real fraud keeps just under the limits operators are known to apply (299 calls
 * against a limit of 300). With {@link Realism#simDailyCallCap()} (default 300 calls) and
 * {@link Realism#simDailySmsCap()} (default 200 SMS) set, every bulk caller, number scanner, SIM-box SIM and wangiri
 * number stays under the call cap and every spam SIM under the SMS cap on every day, each at a figure just under it
 * (the cap minus 1 to 6 for 300) when it would otherwise exceed it; SIM boxes and spam rooms move the excess to
 * their other SIMs, wangiri operators to sibling numbers of the same range. Legitimate heavy users are not capped.
 * Set either cap to 0 to turn it off.
 */
public record GeneratorSettings(
        Path out,
        int subscribers,
        int days,
        long seed,
        LocalDate startDate,
        ZoneId zone,
        double malformedRate,
        double lateRate,
        double redeliveryRate,
        double duplicateRate,
        boolean gzip,
        int maxRowsPerFile,
        Realism realism) {

    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2026, 11, 1);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final double DEFAULT_MALFORMED_RATE = 0.002;
    public static final double DEFAULT_LATE_RATE = 0.01;
    public static final double DEFAULT_REDELIVERY_RATE = 0.1;
    public static final double DEFAULT_DUPLICATE_RATE = 0.001;
    public static final int DEFAULT_MAX_ROWS_PER_FILE = 200_000;

    public GeneratorSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(realism, "realism");
        if (subscribers < 200) {
            throw new IllegalArgumentException("subscribers must be at least 200, got " + subscribers);
        }
        if (subscribers > 20_000_000) {
            throw new IllegalArgumentException("subscribers must be at most 20,000,000, got " + subscribers);
        }
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366, got " + days);
        }
        checkRate("malformedRate", malformedRate, 0.2);
        checkRate("lateRate", lateRate, 0.5);
        checkRate("redeliveryRate", redeliveryRate, 1.0);
        checkRate("duplicateRate", duplicateRate, 0.2);
        if (maxRowsPerFile < 1_000) {
            throw new IllegalArgumentException("maxRowsPerFile must be at least 1000, got " + maxRowsPerFile);
        }
    }

    private static void checkRate(String name, double value, double max) {
        if (!(value >= 0.0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be within [0, " + max + "], got " + value);
        }
    }

    /** Settings with every default: start 2026-11-01, Asia/Shanghai, ~0.2 % malformed, ~1 % late, gzip on, realism on. */
    public static GeneratorSettings of(Path out, int subscribers, int days, long seed) {
        return builder(out).subscribers(subscribers).days(days).seed(seed).build();
    }

    public static Builder builder(Path out) {
        return new Builder(out);
    }

    public Builder toBuilder() {
        return new Builder(out).subscribers(subscribers).days(days).seed(seed).startDate(startDate).zone(zone)
                .malformedRate(malformedRate).lateRate(lateRate).redeliveryRate(redeliveryRate)
                .duplicateRate(duplicateRate).gzip(gzip).maxRowsPerFile(maxRowsPerFile).realism(realism);
    }

    /** Fluent builder; {@link #build()} validates. */
    public static final class Builder {
        private Path out;
        private int subscribers = 2_000;
        private int days = 7;
        private long seed = 1L;
        private LocalDate startDate = DEFAULT_START_DATE;
        private ZoneId zone = DEFAULT_ZONE;
        private double malformedRate = DEFAULT_MALFORMED_RATE;
        private double lateRate = DEFAULT_LATE_RATE;
        private double redeliveryRate = DEFAULT_REDELIVERY_RATE;
        private double duplicateRate = DEFAULT_DUPLICATE_RATE;
        private boolean gzip = true;
        private int maxRowsPerFile = DEFAULT_MAX_ROWS_PER_FILE;
        private Realism realism = Realism.defaults();

        private Builder(Path out) {
            this.out = out;
        }

        public Builder out(Path value) { this.out = value; return this; }
        public Builder subscribers(int value) { this.subscribers = value; return this; }
        public Builder days(int value) { this.days = value; return this; }
        public Builder seed(long value) { this.seed = value; return this; }
        public Builder startDate(LocalDate value) { this.startDate = value; return this; }
        public Builder zone(ZoneId value) { this.zone = value; return this; }
        public Builder malformedRate(double value) { this.malformedRate = value; return this; }
        public Builder lateRate(double value) { this.lateRate = value; return this; }
        public Builder redeliveryRate(double value) { this.redeliveryRate = value; return this; }
        public Builder duplicateRate(double value) { this.duplicateRate = value; return this; }
        public Builder gzip(boolean value) { this.gzip = value; return this; }
        public Builder maxRowsPerFile(int value) { this.maxRowsPerFile = value; return this; }
        public Builder realism(Realism value) { this.realism = value; return this; }

        public GeneratorSettings build() {
            return new GeneratorSettings(out, subscribers, days, seed, startDate, zone, malformedRate, lateRate,
                    redeliveryRate, duplicateRate, gzip, maxRowsPerFile, realism);
        }
    }
}
