package com.zhifang.features.ingest;

import com.zhifang.features.schema.RowValues;
import java.io.Serializable;

/**
 * Reads one landing record into its table's data columns, set by name on {@code row} (the parser
 * sets the lineage columns). Columns it leaves unset are null.
 */
@FunctionalInterface
public interface RecordParser extends Serializable {
    void parse(FieldReader record, RowValues row) throws RejectedRecordException;
}
