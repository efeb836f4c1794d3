package com.zhifang.jobs.nightly;

import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.behaviour.WindowMerger;
import com.zhifang.jobs.io.Warehouse;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a nightly (or single-stage) run works on.
 *
 * @param landingRoot  root of the landing zone ({@code <landing>/<YYYY-MM-DD>/...})
 * @param warehouse    warehouse the tables, reports and exports go to
 * @param days         traffic days to process, in order
 * @param carrierZone  zone that decides the traffic day
 * @param windows      feature window lengths in days (default 1 and 7)
 */
public record NightlySettings(String landingRoot, Warehouse warehouse, List<LocalDate> days, ZoneId carrierZone,
                              List<Integer> windows) {
    public NightlySettings {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(carrierZone, "carrierZone");
        windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
        WindowMerger.checkWindows(windows);
        days = List.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no day to process");
        }
        for (int i = 1; i < days.size(); i++) {
            if (!days.get(i).isAfter(days.get(i - 1))) {
                throw new IllegalArgumentException("days must be strictly increasing: " + days);
            }
        }
    }

    /** Settings with the default feature windows. */
    public NightlySettings(String landingRoot, Warehouse warehouse, List<LocalDate> days, ZoneId carrierZone) {
        this(landingRoot, warehouse, days, carrierZone, FeatureSets.DEFAULT_WINDOWS);
    }

    /** Every day from {@code from} to {@code to}, both included. */
    public static List<LocalDate> range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
