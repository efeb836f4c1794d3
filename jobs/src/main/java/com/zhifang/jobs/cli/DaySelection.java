package com.zhifang.jobs.cli;

import com.zhifang.jobs.nightly.NightlySettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;

/** {@code --date D} or {@code --from D1 --to D2}: the run date is always explicit, never "today". */
public final class DaySelection {
    @Option(names = "--date", required = true, description = "Traffic day to process (YYYY-MM-DD).")
    LocalDate date;

    @ArgGroup(exclusive = false)
    Range range;

    static final class Range {
        @Option(names = "--from", required = true, description = "First day of a backfill (YYYY-MM-DD).")
        LocalDate from;

        @Option(names = "--to", required = true, description = "Last day of a backfill, included.")
        LocalDate to;
    }

    public List<LocalDate> days() {
        return date != null ? List.of(date) : NightlySettings.range(range.from, range.to);
    }
}
