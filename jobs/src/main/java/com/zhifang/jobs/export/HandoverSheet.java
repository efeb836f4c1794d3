package com.zhifang.jobs.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.zhifang.jobs.export.HandoverColumn.quoted;

/**
 * One sheet of a hand-over workbook: its tab name, its columns, and its data rows as the same strings
 * the csv holds, one list per row with one value per column (null or empty = blank cell). Validated on
 * construction, so a bad sheet fails before any byte is written; the rows are copied.
 */
public record HandoverSheet(String name, List<HandoverColumn> columns, List<List<String>> rows) {
    /** Excel's longest sheet name. */
    public static final int MAX_NAME_LENGTH = 31;
    /** Characters Excel refuses in a sheet name. */
    public static final String FORBIDDEN_NAME_CHARACTERS = "[]:*?/\\";
    /** Excel's columns per sheet (XFD). */
    public static final int MAX_COLUMNS = 16_384;
    /** Excel's rows per sheet, less the two header rows. */
    public static final int MAX_ROWS = 1_048_576 - HandoverWorkbook.HEADER_ROWS;

    public HandoverSheet {
        requireValidName(name);
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("sheet '" + name + "' has no columns");
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("sheet '" + name + "' has " + columns.size() + " columns; Excel holds at most " + MAX_COLUMNS);
        }
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < columns.size(); c++) {
            HandoverColumn column = columns.get(c);
            if (column == null) {
                throw new IllegalArgumentException("sheet '" + name + "': column " + (c + 1) + " is null");
            }
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("sheet '" + name + "': column " + column.name() + " appears twice");
            }
        }
        columns = List.copyOf(columns);
        if (rows == null) {
            throw new IllegalArgumentException("sheet '" + name + "': rows is null (an empty sheet is an empty list)");
        }
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("sheet '" + name + "' has " + rows.size() + " rows; Excel holds at most " + MAX_ROWS
                    + " below the two header rows");
        }
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row == null || row.size() != columns.size()) {
                throw new IllegalArgumentException("sheet '" + name + "': data row " + (r + 1) + " has "
                        + (row == null ? "no list" : row.size() + " values") + ", expected one per column (" + columns.size() + ")");
            }
            // Arrays.asList over a copy: fixed size, and unlike List.copyOf it keeps nulls (blank cells).
            copy.add(Collections.unmodifiableList(Arrays.asList(row.toArray(new String[0]))));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * Fails unless {@code name} is a sheet name Excel accepts: 1 to 31 characters, none of
     * {@code [ ] : * ? / \}, not beginning or ending with an apostrophe, and not {@code History}
     * (reserved by Excel, any case). POI itself accepts some names Excel then refuses to open.
     */
    public static String requireValidName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("invalid sheet name " + quoted(name) + ": it is empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("invalid sheet name '" + name + "': " + name.length()
                    + " characters, Excel allows at most " + MAX_NAME_LENGTH);
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (FORBIDDEN_NAME_CHARACTERS.indexOf(ch) >= 0) {
                throw new IllegalArgumentException("invalid sheet name '" + name + "': Excel forbids '" + ch
                        + "' (and any of " + FORBIDDEN_NAME_CHARACTERS + ")");
            }
            if (Character.isISOControl(ch)) {
                throw new IllegalArgumentException("invalid sheet name " + quoted(name) + ": control character at " + (i + 1));
            }
        }
        if (name.startsWith("'") || name.endsWith("'")) {
            throw new IllegalArgumentException("invalid sheet name '" + name + "': Excel forbids an apostrophe at its start or end");
        }
        if (name.toLowerCase(Locale.ROOT).equals("history")) {
            throw new IllegalArgumentException("invalid sheet name '" + name + "': Excel reserves 'History'");
        }
        return name;
    }
}
