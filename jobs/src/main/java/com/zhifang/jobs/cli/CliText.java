package com.zhifang.jobs.cli;

/** Text every command's help ends with. */
public final class CliText {
    private CliText() {}

    /** The exit codes, the last lines of every command's help. */
    public static final String EXIT_CODES = "%nExit codes: 0 done; 1 the run failed (the message names the file, line or check); "
            + "2 bad usage.";
}
