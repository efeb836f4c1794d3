package com.zhifang.features.ingest.csv;

import java.io.IOException;

/** The input stops where a complete file cannot stop. Fatal for the file: it is re-delivered, not patched. */
public final class TruncatedCsvException extends IOException {
    public TruncatedCsvException(String message) {
        super(message);
    }
}
