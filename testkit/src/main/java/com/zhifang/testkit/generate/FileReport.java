package com.zhifang.testkit.generate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What was written to one file.
 *
 * @param path           path relative to the landing root, '/'-separated, e.g. {@code 2026-11-01/voice/part-0000.csv.gz}
 * @param dataset        dataset of the file
 * @param landingDay     the day folder the file sits in
 * @param rows           data rows (header excluded), malformed rows included
 * @param duplicateRows  well-formed rows whose record_id was already written earlier in generation order
 *                       (day ascending, then file name ascending, then row order)
 * @param malformedRows  malformed rows by kind (every kind present, zero when none)
 * @param lateRows       well-formed, non-duplicate rows whose event time falls on a day before the landing day
 * @param redeliveryOf   for a re-delivered file, the path of the file it repeats; otherwise {@code null}
 */
public record FileReport(
        String path,
        GeneratedDataset dataset,
        LocalDate landingDay,
        long rows,
        long duplicateRows,
        Map<MalformedKind, Long> malformedRows,
        long lateRows,
        String redeliveryOf) {

    public FileReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(landingDay, "landingDay");
        malformedRows = MalformedKind.complete(malformedRows);
    }

    /** Malformed rows of every kind. */
    public long malformedTotal() {
        return MalformedKind.total(malformedRows);
    }
}
