package com.zhifang.jobs.cli;

import com.zhifang.jobs.io.Warehouse;
import picocli.CommandLine.Option;

/** {@code --warehouse W}: the warehouse folder every command but {@code generate} works on. */
public final class WarehouseOption {
    @Option(names = "--warehouse", required = true, paramLabel = "DIR",
            description = "Warehouse folder or Hadoop URI (tables/, runs/, exports/, models/).")
    String warehouse;

    public Warehouse warehouse() {
        return new Warehouse(warehouse);
    }
}
