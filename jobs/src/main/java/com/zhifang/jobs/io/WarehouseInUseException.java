package com.zhifang.jobs.io;

/** Another run holds the warehouse's lease: the message names it and says what to do. */
public final class WarehouseInUseException extends RuntimeException {
    public WarehouseInUseException(String warehouse, String holder, String advice) {
        super("warehouse " + warehouse + " is in use by " + holder + (advice == null ? "" : "; " + advice));
    }
}
