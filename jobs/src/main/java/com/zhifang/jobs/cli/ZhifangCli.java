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
    /** Failures with their stack traces: conf/log4j2.properties sends this logger to the log file only, not the console. */
    private static final Logger FAILURES = LoggerFactory.getLogger("com.zhifang.failures");
    /** Where {@code scripts/zhifang} sends the full log, stack traces included (conf/log4j2.properties). */
    static final String LOG_FILE_PROPERTY = "zhifang.log.file";

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
        return commandLine(rootCommand).execute(args);
    }

    /** The command line of a root command with Zhifang's handling of usage errors (exit 2, one line) and failures (exit 1, one line). */
    public static CommandLine commandLine(Object rootCommand) {
        return new CommandLine(rootCommand)
                // A usage error is one line: what is wrong and where the help is (picocli would print the whole usage).
                .setParameterExceptionHandler((e, commandLineArgs) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println(e.getMessage() + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
                    cmd.getErr().flush();
                    return 2;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // The trace goes to the log (the log file in embedded runs); the person gets one line.
                    FAILURES.error("zhifang {} failed", cmd.getCommandName(), e);
                    cmd.getErr().println(FailureMessage.of(cmd.getCommandName(), e, System.getProperty(LOG_FILE_PROPERTY)));
                    return 1;
                });
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
