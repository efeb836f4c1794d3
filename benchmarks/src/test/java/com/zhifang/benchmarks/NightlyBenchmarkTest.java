package com.zhifang.benchmarks;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's arithmetic; the measurement itself is a benchmark (scripts/bench), not a test. */
class NightlyBenchmarkTest {
    private static final NightlyBenchmark.Settings SETTINGS = new NightlyBenchmark.Settings(Path.of("w"), 1000, 7, 1L);

    @Test
    void nightlyIsTheSumOfItsStagesAndTheRatioIsToTheFloor() {
        NightlyBenchmark.Result result = new NightlyBenchmark.Result(SETTINGS, LocalDate.of(2026, 11, 8), 12_000, 9_000, 3_000,
                100.0, 4.0, 2.0, List.of(
                new NightlyBenchmark.StageMeasure("ingest", 6.0, 10.0, 11_900L, 512L << 20, 900L << 20),
                new NightlyBenchmark.StageMeasure("features", 3.0, 5.0, 2_000L, 256L << 20, -1),
                new NightlyBenchmark.StageMeasure("export", 1.0, 0.0, 20L, 64L << 20, 700L << 20)));
        assertEquals(10.0, result.nightlySeconds(), 1e-9);
        assertEquals(15.0, result.nightlyTaskCpuSeconds(), 1e-9);
        String table = result.toMarkdown();
        assertTrue(table.contains("| ingest | 6.0 | 2,000 | 10.0 | 11,900 | 512 | 900 |"), table);
        assertTrue(table.contains("| features | 3.0 | 4,000 | 5.0 | 2,000 | 256 | n/a |"), table);
        assertTrue(table.contains("| **nightly** | **10.0** | 1,200 | 15.0 |"), table);
        assertTrue(table.contains("| I/O floor (raw CSV -> Delta) | 4.0 | 3,000 | 2.0 |"), table);
        assertTrue(table.contains("nightly / I/O floor = 2.5x wall (target: 3x), 7.5x task CPU"), table);
    }

    @Test
    void settingsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new NightlyBenchmark.Settings(Path.of("w"), 10, 7, 1L));
        assertThrows(IllegalArgumentException.class, () -> new NightlyBenchmark.Settings(Path.of("w"), 1000, -1, 1L));
    }

    @Test
    void taskCpuCountsOnlyTheStagesSinceItsReset() {
        SparkSession spark = SparkTestSession.get();
        TaskCpu cpu = TaskCpu.register(spark.sparkContext());
        try {
            spark.range(0, 2_000_000, 1, 2).selectExpr("sum(sqrt(id))").collect();
            assertTrue(cpu.seconds() > 0, "a job ran");
            cpu.reset();
            assertEquals(0.0, cpu.seconds(), 1e-9);
        } finally {
            spark.sparkContext().removeSparkListener(cpu);
        }
    }

    @Test
    void peaksAreMeasuredOnThisJvm() {
        JvmPeaks.reset();
        assertTrue(JvmPeaks.heapBytes() > 0);
        long resident = JvmPeaks.residentBytes();
        assertTrue(resident == -1 || resident > 0, "resident " + resident);
    }
}
