package com.zhifang.jobs.cli;

import com.zhifang.jobs.graph.GraphSettings;
import com.zhifang.jobs.nightly.NightlyStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.EnumSet;

/** {@code zhifang graph --warehouse W --date D [--window-days 7]}: the graph stage alone, over ingested tables. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Call-graph analytics for a day (or a range): per-number graph features, rings, devices.",
        footer = {"%nExample:%n  zhifang graph --warehouse /data/zhifang --date 2026-11-07 --window-days 14", CliText.EXIT_CODES})
public final class GraphCommand extends NightlyCommand {
    @Option(names = "--window-days", defaultValue = "7", description = "Days of traffic ending on the date (default: ${DEFAULT-VALUE}).")
    int windowDays;

    public GraphCommand() {
        super("graph", EnumSet.of(NightlyStage.GRAPH));
    }

    @Override
    GraphSettings graphSettings() {
        return GraphSettings.defaults().withWindowDays(windowDays);
    }
}
