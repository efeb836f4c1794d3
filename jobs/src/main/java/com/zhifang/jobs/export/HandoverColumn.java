package com.zhifang.jobs.export;

import java.util.Objects;

/**
 * One column of a hand-over sheet: the contract's (csv) column {@code name}, shown in row 2 of the
 * sheet; the {@code chineseHeader} a reader sees in row 1; and the {@link CellKind} its values become.
 */
public record HandoverColumn(String name, String chineseHeader, CellKind kind) {
    public HandoverColumn {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a hand-over column needs its contract (csv) name, got " + quoted(name));
        }
        if (chineseHeader == null || chineseHeader.isBlank()) {
            throw new IllegalArgumentException("hand-over column " + name + " needs a Chinese header, got " + quoted(chineseHeader));
        }
        Objects.requireNonNull(kind, () -> "hand-over column " + name + " needs a cell kind");
    }

    public static HandoverColumn text(String name, String chineseHeader) {
        return new HandoverColumn(name, chineseHeader, CellKind.TEXT);
    }

    public static HandoverColumn integer(String name, String chineseHeader) {
        return new HandoverColumn(name, chineseHeader, CellKind.INTEGER);
    }

    public static HandoverColumn decimal(String name, String chineseHeader) {
        return new HandoverColumn(name, chineseHeader, CellKind.DECIMAL);
    }

    public static HandoverColumn date(String name, String chineseHeader) {
        return new HandoverColumn(name, chineseHeader, CellKind.DATE);
    }

    public static HandoverColumn bool(String name, String chineseHeader) {
        return new HandoverColumn(name, chineseHeader, CellKind.BOOLEAN);
    }

    static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
