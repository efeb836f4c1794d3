package com.zhifang.jobs.export;

/**
 * How a hand-over column's csv text becomes a spreadsheet cell ({@link HandoverWorkbook}). An empty
 * or null value is a blank cell whatever the kind; any other value that is not of its column's kind
 * fails the whole workbook, naming the sheet, row and column: the xlsx never shows something other
 * than what the csv says.
 */
public enum CellKind {
    /**
     * A string cell holding the csv text unchanged, formatted as text ({@code @}). For every identifier
     * and code, even all-digit ones: {@code +8613812345678}, {@code 013812345678}, a 15-digit IMEI and
     * {@code 00...} keep every character (as a number, Excel would drop the {@code +} or leading zeros and
     * show IMEIs as {@code 8.61235E+14}).
     */
    TEXT,
    /**
     * A numeric cell, format {@code 0}, from a csv integer ({@code 42}, {@code -3}). At most 2^53 in
     * magnitude, the largest integer a spreadsheet (a double) holds exactly; larger is an identifier,
     * declare it {@link #TEXT}.
     */
    INTEGER,
    /**
     * A numeric cell from a csv decimal ({@code 0.873000}, {@code 1E-7}), holding the nearest double
     * (Excel's own precision), displayed with as many decimals as the csv text has (up to 15), so
     * {@code 0.873000} shows as {@code 0.873000} and a user sees the csv's figure.
     */
    DECIMAL,
    /**
     * A date cell, format {@code yyyy-mm-dd}, from an ISO date ({@code 2026-11-07}). A real date
     * rather than text so that Excel sorts, filters (by year and month) and subtracts dates; it
     * displays as the csv's text.
     */
    DATE,
    /**
     * A boolean cell from csv {@code true} or {@code false} (exactly those spellings). A real boolean
     * rather than text so that filters and formulas ({@code COUNTIF(G:G,TRUE)}) take it as a value;
     * Excel displays {@code TRUE} / {@code FALSE}.
     */
    BOOLEAN
}
