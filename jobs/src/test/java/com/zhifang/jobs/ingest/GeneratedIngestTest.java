package com.zhifang.jobs.ingest;

import com.zhifang.jobs.run.RunReport;
import com.zhifang.jobs.testing.GeneratedWarehouse;
import com.zhifang.testkit.generate.FileReport;
import com.zhifang.testkit.generate.ManifestReconciliation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end on generated data: every file's counts in the run reports equal what the generator wrote. */
class GeneratedIngestTest {
    @Test
    void runReportsReconcileExactlyWithTheGeneratorsManifest() throws Exception {
        GeneratedWarehouse generated = GeneratedWarehouse.get();
        assertEquals(List.of(), generated.manifestMismatches());
        long read = 0;
        long duplicates = 0;
        long quarantined = 0;
        for (RunReport report : generated.ingestReports()) {
            for (var file : report.files()) {
                read += file.read();
                duplicates += file.duplicates();
                quarantined += file.quarantined();
            }
        }
        // every row of the files ingest reads (the generator also writes reference/ported.csv, an extension it does not)
        long written = generated.generated().files().stream().filter(f -> ManifestReconciliation.ingestReads(f.path()))
                .mapToLong(FileReport::rows).sum();
        assertEquals(written, read);
        assertTrue(duplicates > 0 && quarantined > 0, "the generator injects both duplicates and malformed rows");
    }
}
