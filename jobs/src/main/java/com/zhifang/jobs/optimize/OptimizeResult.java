package com.zhifang.jobs.optimize;

import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;
import java.util.List;

/** Files of day D's partition rewritten per table (removed: the small files; added: what replaced them). */
public record OptimizeResult(List<TableFiles> tables) implements StageResult {
    @Override
    public StageMetrics metrics() {
        StageMetrics.Builder metrics = StageMetrics.builder()
                .headline("files_rewritten", filesRemoved())
                .headline("files_written", filesAdded());
        tables.forEach(t -> metrics.add(t.table() + "_files_rewritten", t.removed()));
        return metrics.build();
    }

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
