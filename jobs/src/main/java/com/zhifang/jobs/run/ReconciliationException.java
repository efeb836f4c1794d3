package com.zhifang.jobs.run;

/** Counts of a run do not add up: records were lost or double counted. Fails the run. */
public final class ReconciliationException extends RuntimeException {
    public ReconciliationException(String message) {
        super(message);
    }
}
