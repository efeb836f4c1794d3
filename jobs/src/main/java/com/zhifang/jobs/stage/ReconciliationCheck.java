package com.zhifang.jobs.stage;

/** Two independently measured counts that must agree, e.g. rows MERGE inserted vs rows accepted. */
public record ReconciliationCheck(String name, long expected, long actual) {
    public boolean holds() {
        return expected == actual;
    }
}
