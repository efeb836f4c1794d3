package com.zhifang.jobs.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** How a command hands over a results table: on its standard output, and also to {@code --out} when given. */
final class ResultsOutput {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsOutput.class);

    private ResultsOutput() {
    }

    static void print(CommandLine.Model.CommandSpec spec, String text, Path out) throws IOException {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        if (out != null) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            LOG.info("results written to {}", out);
        }
    }
}
