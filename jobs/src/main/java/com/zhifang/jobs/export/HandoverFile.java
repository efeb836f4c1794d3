package com.zhifang.jobs.export;

import java.util.List;
import java.util.Objects;

/**
 * One hand-over file of a day, as a program and a person receive it: {@code <name>.csv} with the contract's column
 * names, and {@code <name>.xlsx} with one sheet of the same columns under Chinese headers. The column list is the
 * one place both are defined.
 *
 * @param name    file name without extension ({@code suspects})
 * @param sheet   the xlsx sheet's name (Chinese, at most 31 characters)
 * @param columns the columns in file order
 */
public record HandoverFile(String name, String sheet, List<HandoverColumn> columns) {
    public HandoverFile {
        Objects.requireNonNull(name, "name");
        HandoverSheet.requireValidName(sheet);
        columns = List.copyOf(columns);
    }

    public String csvName() {
        return name + ".csv";
    }

    public String xlsxName() {
        return name + ".xlsx";
    }

    /** The csv header: the columns' contract names. */
    public List<String> columnNames() {
        return columns.stream().map(HandoverColumn::name).toList();
    }

    /** The xlsx sheet of the given data rows (as the csv holds them). */
    public HandoverSheet sheetOf(List<List<String>> rows) {
        return new HandoverSheet(sheet, columns, rows);
    }
}
