package com.zhifang.jobs.cli;

import picocli.CommandLine.ArgGroup;

import java.time.LocalDate;
import java.util.List;

/** {@code --date D} or {@code --from D1 --to D2}, as a mixin: the run date is always explicit, never "today". */
public final class DaysOption {
    @ArgGroup(exclusive = true, multiplicity = "1")
    DaySelection selection;

    public List<LocalDate> days() {
        return selection.days();
    }
}
