package com.zhifang.benchmarks.cli;

import com.zhifang.jobs.cli.ZhifangCli;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The developers' tool beside the product: {@code zhifang generate} and {@code zhifang benchmark},
 * which {@code scripts/zhifang} runs from this module's classpath (or {@code spark-submit --class
 * com.zhifang.benchmarks.cli.BenchmarksCli zhifang-benchmarks-<version>-spark.jar ...} on a cluster).
 * The product's jar does not hold them.
 */
@Command(name = "zhifang", mixinStandardHelpOptions = true, versionProvider = ZhifangCli.Version.class,
        description = "Synthetic landing zones and benchmarks for Zhifang (not part of the product jar).",
        subcommands = {GenerateCommand.class, BenchmarkCommand.class})
public final class BenchmarksCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(ZhifangCli.execute(new BenchmarksCli(), args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
