package com.zhifang.jobs.stage;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StageMetricsTest {
    @Test
    void metricsKeepTheirOrderAndTheHeadlineReadsAsALogLine() {
        StageMetrics metrics = StageMetrics.builder()
                .headline("numbers", 4521)
                .headline("port_customers", 3)
                .add("state_days_computed", 2)
                .build();
        assertEquals(List.of("numbers", "port_customers", "state_days_computed"), List.copyOf(metrics.asMap().keySet()));
        assertEquals("4,521 numbers, 3 port customers", metrics.headline());
        assertEquals(2, metrics.get("state_days_computed"));
        assertThrows(IllegalArgumentException.class, () -> metrics.get("rows"));
    }

    @Test
    void namesAreSnakeCaseAndAddedOnce() {
        for (String bad : List.of("number rows", "Numbers", "rings-with-seeds", "_rows", "rows_", "")) {
            assertThrows(IllegalArgumentException.class, () -> StageMetrics.builder().add(bad, 1), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> StageMetrics.builder().add("rows", 1).headline("rows", 2));
    }
}
