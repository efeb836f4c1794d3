package com.zhifang.features.ingest.csv;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line         1-based physical line where the record starts (a quoted field may span lines)
 * @param fields       field values, quotes removed; null when {@link #quotingError} is set
 * @param raw          the record's text as it stood in the file, without the final line break
 *                     (truncated to {@link Rfc4180Reader#MAX_RAW_CHARS})
 * @param terminated   whether a line break followed the record (false only for a file's last record)
 * @param quotingError description of a quoting fault (text after a closing quote), or null
 */
public record CsvRecord(long line, List<String> fields, String raw, boolean terminated, String quotingError) {}
