package com.zhifang.testkit.generate;

import java.util.Map;

/** Totals of one dataset over all files written. */
public record DatasetTotals(
        GeneratedDataset dataset, int files, long rows, long duplicateRows, Map<MalformedKind, Long> malformedRows, long lateRows) {

    public DatasetTotals {
        malformedRows = MalformedKind.complete(malformedRows);
    }

    public long malformedTotal() {
        return MalformedKind.total(malformedRows);
    }
}
