package com.zhifang.jobs.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command-line wiring only; the benchmark itself is tested in the models module. */
class BenchmarkCommandTest {
    @Test
    void sichuanIsASubcommandWithDefaults() {
        CommandLine cli = new CommandLine(new ZhifangCli());
        CommandLine.ParseResult parsed = cli.parseArgs("benchmark", "sichuan", "--data", "bench/sichuan");
        BenchmarkCommand.Sichuan sichuan = (BenchmarkCommand.Sichuan) parsed.subcommand().subcommand().commandSpec().userObject();
        assertEquals(Path.of("bench/sichuan"), sichuan.data);
        assertEquals(5, sichuan.folds);
        assertEquals(42L, sichuan.seed);
        assertNull(sichuan.out);
    }

    @Test
    void dataFolderIsRequired() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ZhifangCli()).setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("benchmark", "sichuan"));
        assertTrue(err.toString().contains("--data"), err.toString());
    }
}
