package com.zhifang.jobs.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each command declares the options its work reads, and no others; every help ends with an example and the exit codes. */
class CommandOptionsTest {
    private static final Set<String> SPARK = Set.of("--master", "--zone", "--conf", "--ui");
    private static final Set<String> HELP = Set.of("--help", "-h", "--version", "-V");
    private static final Set<String> DAYS = Set.of("--date", "--from", "--to");

    private static final Map<String, Set<String>> OWN_OPTIONS = Map.ofEntries(
            Map.entry("nightly", Set.of("--warehouse", "--landing", "--windows", "--rules", "--optimize", "--resume",
                    "--overdue-hours", "--file-mode")),
            Map.entry("ingest", Set.of("--warehouse", "--landing")),
            Map.entry("features", Set.of("--warehouse", "--windows")),
            Map.entry("graph", Set.of("--warehouse", "--window-days")),
            Map.entry("score", Set.of("--warehouse", "--windows", "--rules")),
            Map.entry("export", Set.of("--warehouse", "--overdue-hours", "--file-mode")),
            Map.entry("optimize", Set.of("--warehouse")),
            Map.entry("evaluate", Set.of("--warehouse", "--truth", "--date", "--rules", "--by-rule", "--out")),
            Map.entry("train", Set.of("--warehouse", "--date", "--lookback-days", "--min-positives", "--approve-auc",
                    "--negative-sample-rate", "--lease-stale-after")),
            Map.entry("sql", Set.of("--warehouse", "--file", "--query", "--param", "--rows")));

    private static final Set<String> WITH_DAYS = Set.of("nightly", "ingest", "features", "graph", "score", "export", "optimize");
    /** The commands that write the warehouse take its lease; sql and evaluate only read. */
    private static final Set<String> WITH_LEASE = WITH_DAYS;

    @Test
    void eachCommandListsOnlyItsOwnOptions() {
        Map<String, CommandLine> commands = new CommandLine(new ZhifangCli()).getSubcommands();
        assertEquals(OWN_OPTIONS.keySet(), commands.keySet(), "every command has its expected options stated here");
        commands.forEach((name, command) -> {
            Set<String> expected = new TreeSet<>(OWN_OPTIONS.get(name));
            expected.addAll(SPARK);
            if (WITH_DAYS.contains(name)) {
                expected.addAll(DAYS);
            }
            if (WITH_LEASE.contains(name)) {
                expected.add("--lease-stale-after");
            }
            Set<String> actual = new TreeSet<>();
            for (OptionSpec option : command.getCommandSpec().options()) {
                actual.addAll(Set.of(option.names()));
            }
            actual.removeAll(HELP);
            assertEquals(expected, actual, name + "'s options");
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(help.contains("Example:\n  zhifang " + name + " "), name + "'s help ends with an example:\n" + help);
            assertTrue(help.stripTrailing().endsWith("2 bad usage."), name + "'s help ends with the exit codes:\n" + help);
        });
    }

    @Test
    void theExportHelpNamesNoLandingWindowsOrRules() {
        String help = new CommandLine(new ZhifangCli()).getSubcommands().get("export").getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String foreign : Set.of("--landing", "--windows", "--rules")) {
            assertTrue(!help.contains(foreign), "export --help lists " + foreign + ":\n" + help);
        }
    }
}
