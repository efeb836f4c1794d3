package com.zhifang.benchmarks.cli;

import com.zhifang.testkit.generate.Realism;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command-line wiring only; the benchmark itself is tested in the models module. */
class BenchmarkCommandTest {
    @Test
    void sichuanIsASubcommandWithDefaults() {
        CommandLine cli = new CommandLine(new BenchmarksCli());
        CommandLine.ParseResult parsed = cli.parseArgs("benchmark", "sichuan", "--data", "bench/sichuan");
        BenchmarkCommand.Sichuan sichuan = (BenchmarkCommand.Sichuan) parsed.subcommand().subcommand().commandSpec().userObject();
        assertEquals(Path.of("bench/sichuan"), sichuan.data);
        assertEquals(5, sichuan.folds);
        assertEquals(42L, sichuan.seed);
        assertNull(sichuan.results.out);
        assertFalse(sichuan.refit);

        CommandLine.ParseResult withRefit = new CommandLine(new BenchmarksCli())
                .parseArgs("benchmark", "sichuan", "--data", "bench/sichuan", "--refit");
        assertTrue(((BenchmarkCommand.Sichuan) withRefit.subcommand().subcommand().commandSpec().userObject()).refit);
    }

    @Test
    void ingestAndGraphShareTheGeneratedWeekOptions() {
        CommandLine.ParseResult graph = new CommandLine(new BenchmarksCli())
                .parseArgs("benchmark", "graph", "--work", "w", "--subscribers", "200000", "--skip-ingest");
        BenchmarkCommand.Graph g = (BenchmarkCommand.Graph) graph.subcommand().subcommand().commandSpec().userObject();
        assertEquals(Path.of("w"), g.week.work);
        assertEquals(200000, g.week.subscribers);
        assertEquals(7, g.week.days);
        assertEquals(20261128L, g.week.seed);
        assertTrue(g.skipIngest);
        CommandLine.ParseResult ingest = new CommandLine(new BenchmarksCli())
                .parseArgs("benchmark", "ingest", "--work", "w", "--days", "3", "--seed", "5");
        BenchmarkCommand.Ingest i = (BenchmarkCommand.Ingest) ingest.subcommand().subcommand().commandSpec().userObject();
        assertEquals(3, i.week.days);
        assertEquals(5L, i.week.seed);
        assertEquals(20000, i.week.subscribers);
    }

    @Test
    void nightlyDefaultsToAWeekOfHistoryAndATenMillionVoiceDay() {
        CommandLine.ParseResult parsed = new CommandLine(new BenchmarksCli()).parseArgs("benchmark", "nightly", "--work", "w");
        BenchmarkCommand.Nightly n = (BenchmarkCommand.Nightly) parsed.subcommand().subcommand().commandSpec().userObject();
        assertEquals(Path.of("w"), n.work);
        assertEquals(7, n.historyDays);
        assertEquals(930000, n.subscribers);
    }

    @Test
    void nightlyRefusesAUsedWorkFolderBeforeStartingSpark(@TempDir Path work) throws IOException {
        Files.writeString(work.resolve("left-over.txt"), "x");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchmarksCli()).setErr(new PrintWriter(err));
        assertEquals(1, cli.execute("benchmark", "nightly", "--work", work.toString(), "--subscribers", "200"));
        assertTrue(err.toString().contains("is not empty"), err.toString());
    }

    @Test
    void generateHasEveryRealismItemOnByDefaultAndOptionsToSetOrTurnThemOff() {
        GenerateCommand defaults = (GenerateCommand) new CommandLine(new BenchmarksCli())
                .parseArgs("generate", "--out", "o", "--subscribers", "2000", "--days", "7", "--seed", "1")
                .subcommand().commandSpec().userObject();
        assertEquals(Realism.defaults(), defaults.realism());

        GenerateCommand some = (GenerateCommand) new CommandLine(new BenchmarksCli())
                .parseArgs("generate", "--out", "o", "--subscribers", "2000", "--days", "7", "--seed", "1",
                        "--ported-out-share", "0", "--wifi-calling-share", "0.1", "--sim-daily-call-cap", "250",
                        "--police-names-spoof-victim", "false", "--dual-sim-phones-per", "0")
                .subcommand().commandSpec().userObject();
        assertEquals(Realism.defaults().toBuilder().portedOutShare(0).wifiCallingShare(0.1).simDailyCallCap(250)
                .policeNamesSpoofVictim(false).dualSimPhonesPer(0).build(), some.realism());

        GenerateCommand none = (GenerateCommand) new CommandLine(new BenchmarksCli())
                .parseArgs("generate", "--out", "o", "--subscribers", "2000", "--days", "7", "--seed", "1",
                        "--no-realism", "--vendor-b-share", "0.5")
                .subcommand().commandSpec().userObject();
        assertEquals(Realism.none().toBuilder().vendorBShare(0.5).build(), none.realism());
    }

    @Test
    void dataFolderIsRequired() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchmarksCli()).setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("benchmark", "sichuan"));
        assertTrue(err.toString().contains("--data"), err.toString());
    }
}
