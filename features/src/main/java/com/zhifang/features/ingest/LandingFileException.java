package com.zhifang.features.ingest;

/**
 * A landing file that cannot be ingested as a whole: missing, unreadable, truncated, or without the
 * header columns the contract requires. Fails the run; the message names the file.
 */
public final class LandingFileException extends RuntimeException {
    public LandingFileException(String file, String problem, Throwable cause) {
        super("landing file " + file + ": " + problem, cause);
    }

    public LandingFileException(String file, String problem) {
        this(file, problem, null);
    }
}
