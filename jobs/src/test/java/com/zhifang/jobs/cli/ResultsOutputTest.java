package com.zhifang.jobs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultsOutputTest {
    @Command(name = "table")
    static final class TableCommand implements Callable<Integer> {
        @Mixin
        ResultsOutput results;

        @Override
        public Integer call() throws Exception {
            results.print("| a |\n");
            return 0;
        }
    }

    @Test
    void printsOnTheCommandsOutputAndWritesOutWhenGiven(@TempDir Path tmp) throws Exception {
        StringWriter printed = new StringWriter();
        Path file = tmp.resolve("results.md");
        assertEquals(0, new CommandLine(new TableCommand()).setOut(new PrintWriter(printed)).execute("--out", file.toString()));
        assertEquals("| a |\n", printed.toString());
        assertEquals("| a |\n", Files.readString(file));
    }
}
