package com.zhifang.jobs.cli;

import com.zhifang.features.ZhifangVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The single entry point: {@code zhifang <command> ...}, embedded through {@code scripts/zhifang}
 * or on a cluster through {@code spark-submit --class com.zhifang.jobs.cli.ZhifangCli <jar> <command> ...}.
 */
@Command(name = "zhifang", mixinStandardHelpOptions = true, versionProvider = ZhifangCli.Version.class,
        description = "Nightly telecom fraud and abuse detection over call and SMS detail records.",
        subcommands = {NightlyCommand.Nightly.class, NightlyCommand.Ingest.class, NightlyCommand.Features.class, GraphCommand.class,
                NightlyCommand.Score.class, NightlyCommand.Export.class, NightlyCommand.Optimize.class, EvaluateCommand.class, TrainCommand.class,
                SqlCommand.class})
public final class ZhifangCli implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ZhifangCli.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 bad usage. */
    public static int execute(String... args) {
        return execute(new ZhifangCli(), args);
    }

    /** Runs {@code args} against a root command (this one, or the benchmarks' tool) with Zhifang's exit codes. */
    public static int execute(Object rootCommand, String... args) {
        return new CommandLine(rootCommand)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    LOG.error("zhifang {} failed: {}", cmd.getCommandName(), e.getMessage(), e);
                    cmd.getErr().println("zhifang " + cmd.getCommandName() + " failed: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"zhifang " + ZhifangVersion.code()};
        }
    }
}
