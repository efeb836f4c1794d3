package com.zhifang.jobs.features;

import com.zhifang.jobs.stage.StageMetrics;
import com.zhifang.jobs.stage.StageResult;

import java.time.LocalDate;
import java.util.List;

/**
 * What one features run did.
 *
 * @param stateDays      traffic days whose day states were (re)computed, oldest first
 * @param numbers        rows written to features_number for the day
 * @param devices        rows written to features_device
 * @param trunks         rows written to features_trunk
 * @param portCustomers  rows written to features_port_customer
 */
public record FeaturesResult(List<LocalDate> stateDays, long numbers, long devices, long trunks, long portCustomers)
        implements StageResult {
    public FeaturesResult {
        stateDays = List.copyOf(stateDays);
    }

    public long rows() {
        return numbers + devices + trunks + portCustomers;
    }

    @Override
    public StageMetrics metrics() {
        return StageMetrics.builder()
                .headline("numbers", numbers)
                .headline("devices", devices)
                .headline("trunks", trunks)
                .headline("port_customers", portCustomers)
                .add("state_days_computed", stateDays.size())
                .build();
    }
}
