package com.zhifang.jobs.run;

/** Wall time of one named stage of a run, and the rows it produced where that is meaningful. */
public record StageTiming(String stage, long wallMillis, Long rows) {}
