package com.zhifang.testkit.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LandingZoneGenerator#execute()} wrote.
 *
 * @param out         landing root
 * @param files       every data file in generation order (day ascending, then folder, then file name)
 * @param totals      totals per dataset (datasets without any file are absent)
 * @param truthRows   rows of {@code truth.csv} (header excluded)
 * @param truthFile   {@code <out>/truth.csv}
 * @param manifestFile {@code <out>/generator-manifest.json}
 */
public record GeneratorResult(
        Path out,
        List<FileReport> files,
        Map<GeneratedDataset, DatasetTotals> totals,
        int truthRows,
        Path truthFile,
        Path manifestFile) {

    public GeneratorResult {
        files = List.copyOf(files);
        totals = Collections.unmodifiableMap(new EnumMap<>(totals));
    }

    /** Data rows written for a dataset (malformed and duplicate rows included). */
    public long rows(GeneratedDataset dataset) {
        DatasetTotals t = totals.get(dataset);
        return t == null ? 0 : t.rows();
    }

    public long totalRows() {
        return totals.values().stream().mapToLong(DatasetTotals::rows).sum();
    }

    public long duplicateRows() {
        return totals.values().stream().mapToLong(DatasetTotals::duplicateRows).sum();
    }

    public long malformedRows() {
        return totals.values().stream().mapToLong(DatasetTotals::malformedTotal).sum();
    }

    public long lateRows() {
        return totals.values().stream().mapToLong(DatasetTotals::lateRows).sum();
    }
}
