package com.zhifang.jobs.cli;

import com.zhifang.jobs.nightly.NightlyStage;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which stages each command runs; the stages themselves are tested with their actions. */
class NightlyCommandTest {
    @Test
    void nightlyRunsEveryStageButOptimizeUnlessAskedTo() {
        assertEquals(EnumSet.of(NightlyStage.INGEST, NightlyStage.FEATURES, NightlyStage.GRAPH, NightlyStage.SCORE, NightlyStage.EXPORT),
                stagesOf("nightly", "--landing", "l", "--warehouse", "w", "--date", "2026-11-07"));
        assertEquals(EnumSet.allOf(NightlyStage.class),
                stagesOf("nightly", "--landing", "l", "--warehouse", "w", "--date", "2026-11-07", "--optimize"));
    }

    @Test
    void aCommandThatIngestsWithoutALandingZoneIsAUsageError() {
        assertEquals(2, ZhifangCli.execute("nightly", "--warehouse", "w", "--date", "2026-11-07"));
        assertEquals(2, ZhifangCli.execute("ingest", "--warehouse", "w", "--date", "2026-11-07"));
        assertEquals(2, ZhifangCli.execute("export", "--warehouse", "w", "--date", "2026-11-07", "--rules", "r.json"),
                "export takes no rules file");
    }

    /** Bad dates and a bad rules file are usage errors: exit 2, one line, and no warehouse folder created. */
    @Test
    void aBackwardsRangeOrAMissingRulesFileExits2BeforeAnyFolderIsCreated(@TempDir Path tmp) {
        Path warehouse = tmp.resolve("w");
        StringWriter err = new StringWriter();
        CommandLine cli = ZhifangCli.commandLine(new ZhifangCli()).setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("nightly", "--landing", tmp.toString(), "--warehouse", warehouse.toString(),
                "--from", "2026-11-07", "--to", "2026-11-01"));
        assertEquals("--to 2026-11-01 is before --from 2026-11-07 (see: zhifang nightly --help)", err.toString().strip());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        assertEquals(2, ZhifangCli.execute("score", "--warehouse", warehouse.toString(), "--date", "2026-11-07",
                "--rules", tmp.resolve("missing.json").toString()));
        assertFalse(Files.exists(warehouse));
    }

    /** A file mode that is not octal, or a negative overdue limit, is a usage error naming the option. */
    @Test
    void badExportSettingsExit2NamingTheOption(@TempDir Path tmp) {
        Path warehouse = tmp.resolve("w");
        StringWriter err = new StringWriter();
        CommandLine cli = ZhifangCli.commandLine(new ZhifangCli()).setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("export", "--warehouse", warehouse.toString(), "--date", "2026-11-07", "--file-mode", "rw-r"));
        assertTrue(err.toString().contains("--file-mode must be three octal digits"), err.toString());
        assertEquals(2, cli.execute("export", "--warehouse", warehouse.toString(), "--date", "2026-11-07", "--overdue-hours", "-1"));
        assertTrue(err.toString().contains("--overdue-hours must be >= 0"), err.toString());
        assertFalse(Files.exists(warehouse));
    }

    @Test
    void optimizeRunsAlone() {
        assertEquals(EnumSet.of(NightlyStage.OPTIMIZE), stagesOf("optimize", "--warehouse", "w", "--from", "2026-11-01", "--to", "2026-11-07"));
    }

    private static EnumSet<NightlyStage> stagesOf(String... args) {
        CommandLine.ParseResult parsed = new CommandLine(new ZhifangCli()).parseArgs(args);
        return ((NightlyCommand) parsed.subcommand().commandSpec().userObject()).stages();
    }
}
