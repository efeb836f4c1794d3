package com.zhifang.features.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A landing file that cannot be ingested as a whole: missing, unreadable, truncated, or without the
 * header columns the contract requires. Fails the run; the message names the file.
 */
public final class LandingFileException extends RuntimeException {
    private static final String PREFIX = "landing file ";
    private static final Pattern IN_TEXT = Pattern.compile(PREFIX + "(\\S+): ([^\\n]*)");

    private final String file;
    private final String problem;

    public LandingFileException(String file, String problem, Throwable cause) {
        super(PREFIX + file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public LandingFileException(String file, String problem) {
        this(file, problem, null);
    }

    public String file() {
        return file;
    }

    public String problem() {
        return problem;
    }

    /**
     * Finds the file failure behind a failed Spark action: the exception itself when the task's
     * exception travelled back as a cause, else its message inside the driver's stage-failure text.
     * Returns null when the failure was something else.
     */
    public static LandingFileException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LandingFileException found) {
                return new LandingFileException(found.file, found.problem, failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : IN_TEXT.matcher(t.getMessage());
            if (m != null && m.find()) {
                return new LandingFileException(m.group(1), m.group(2), failure);
            }
        }
        return null;
    }
}
