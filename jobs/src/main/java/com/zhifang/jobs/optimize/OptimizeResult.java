package com.zhifang.jobs.optimize;

import java.util.List;

/** Files of day D's partition rewritten per table (removed: the small files; added: what replaced them). */
public record OptimizeResult(List<TableFiles> tables) {
    public OptimizeResult {
        tables = List.copyOf(tables);
    }

    public record TableFiles(String table, long removed, long added) {}

    public long filesRemoved() {
        return tables.stream().mapToLong(TableFiles::removed).sum();
    }

    public long filesAdded() {
        return tables.stream().mapToLong(TableFiles::added).sum();
    }
}
