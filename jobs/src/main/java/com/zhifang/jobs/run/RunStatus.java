package com.zhifang.jobs.run;

/** What became of a run, as its report and the run log say. */
public enum RunStatus {
    /** Under way: the report written before the first write; a killed run's report stays so until the next run finds it. */
    RUNNING,
    SUCCEEDED,
    /** Stopped by an error it reported (bad input, a check that does not add up, a failed write). */
    FAILED,
    /** Killed without finishing (process killed, node lost, out of memory): found and closed by a later run. */
    INTERRUPTED
}
