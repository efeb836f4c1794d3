package com.zhifang.jobs.cli;

import com.zhifang.features.ingest.LandingFileException;
import com.zhifang.jobs.io.WarehouseInUseException;
import com.zhifang.jobs.run.ReconciliationException;
import org.apache.spark.SparkThrowable;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One line per failure, naming the table and saying what to do; never a trace. */
class FailureMessageTest {
    /** A Spark or Delta failure as Delta raises it: an error condition and a message of several lines. */
    static final class DeltaFailure extends RuntimeException implements SparkThrowable {
        private final String condition;

        DeltaFailure(String condition, String message) {
            super(message);
            this.condition = condition;
        }

        @Override
        public String getCondition() {
            return condition;
        }

        @Override
        @SuppressWarnings("deprecation")
        public String getErrorClass() {
            return condition;
        }
    }

    @Test
    void aConcurrentWriteNamesTheTableAndWhatToDo() {
        RuntimeException wrapped = new IllegalStateException("stage failed", new DeltaFailure("DELTA_CONCURRENT_APPEND.WITHOUT_HINT",
                "[DELTA_CONCURRENT_APPEND.WITHOUT_HINT] ConcurrentAppendException: Files were added to the root of the table "
                        + "by a concurrent update (table /data/zhifang/tables/voice). Please try the operation again.\n"
                        + "Conflicting commit: {\"timestamp\":1796659428256,...}\nRefer to https://docs.delta.io/... for details."));
        String line = FailureMessage.of("nightly", wrapped, "/var/log/zhifang.log");
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("zhifang nightly failed: table voice: [DELTA_CONCURRENT_APPEND.WITHOUT_HINT]"), line);
        assertTrue(line.contains("warehouse lease"), line);
        assertTrue(line.endsWith("(stack trace in /var/log/zhifang.log)"), line);
    }

    @Test
    void unknownConditionsAdviseARerun() {
        String line = FailureMessage.describe(new DeltaFailure("SOMETHING_NEW", "first\nsecond"));
        assertEquals("first; rerun the command (every stage's writes are idempotent); if it fails again, report it with the log", line);
    }

    @Test
    void ownFailuresKeepTheirMessageOnOneLine() {
        assertEquals("warehouse /w is in use by nightly (lease x) on host h, pid 1, since t; wait",
                FailureMessage.describe(new WarehouseInUseException("/w", "nightly (lease x) on host h, pid 1, since t", "wait")));
        assertEquals("landing file /l/2026-11-01/voice/a.csv: line 3: no header",
                FailureMessage.describe(new LandingFileException("/l/2026-11-01/voice/a.csv", "line 3: no header")));
        assertEquals("run r does not reconcile: a.csv: read 3 != accepted 1 + duplicates 0 + quarantined 1 (and 1 more, in the run report)",
                FailureMessage.describe(new ReconciliationException("run r does not reconcile:\n  a.csv: read 3 != accepted 1 + duplicates 0 "
                        + "+ quarantined 1\n  b.csv: read 1 != accepted 0 + duplicates 0 + quarantined 0")));
    }
}
