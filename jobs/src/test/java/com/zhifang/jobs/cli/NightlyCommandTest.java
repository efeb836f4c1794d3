package com.zhifang.jobs.cli;

import com.zhifang.jobs.nightly.NightlyStage;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void optimizeRunsAlone() {
        assertEquals(EnumSet.of(NightlyStage.OPTIMIZE), stagesOf("optimize", "--warehouse", "w", "--from", "2026-11-01", "--to", "2026-11-07"));
    }

    private static EnumSet<NightlyStage> stagesOf(String... args) {
        CommandLine.ParseResult parsed = new CommandLine(new ZhifangCli()).parseArgs(args);
        return ((NightlyCommand) parsed.subcommand().commandSpec().userObject()).stages();
    }
}
