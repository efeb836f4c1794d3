package com.zhifang.features.ingest;

import java.io.Serializable;

/** Reads one landing record into the values of its table's data columns (lineage columns excluded). */
@FunctionalInterface
public interface RecordParser extends Serializable {
    Object[] parse(FieldReader record) throws RejectedRecordException;
}
