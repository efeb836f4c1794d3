package com.zhifang.jobs.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a command hands over a results table (picocli mixin): on its standard output, and also to
 * {@code --out} when given.
 */
public final class ResultsOutput {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsOutput.class);

    @Option(names = "--out", description = "Also write the results (markdown) to this file.")
    public Path out;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    public void print(String text) throws IOException {
        command.commandLine().getOut().print(text);
        command.commandLine().getOut().flush();
        if (out != null) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            LOG.info("results written to {}", out);
        }
    }
}
