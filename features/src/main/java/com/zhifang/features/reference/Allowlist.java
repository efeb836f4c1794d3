package com.zhifang.features.reference;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The allowlist's entries in force on a day, and whether one covers a number: an entry is a number, or a prefix (a
 * block, written with a trailing {@code *} in the landing file) that covers every number starting with it; one whose
 * {@code valid_until} has passed covers nothing. The one place this rule lives: the list keeps covered entities off,
 * the suspension worklist names them as conflicts, the 12321 feed never shows them.
 */
public final class Allowlist {
    private Allowlist() {}

    /** Columns of {@link #inForce}: the entry (E.164 number or prefix), whether it is a prefix, and its text. */
    public static final String ENTRY = "_allow";
    public static final String ENTRY_IS_PREFIX = "_allow_prefix";
    /** {@code ALLOWLISTED: <owner> (<category>)}, for hand-over files that name the entry. */
    public static final String ENTRY_TEXT = "_allow_text";

    /**
     * The entries in force on {@code day} ({@code valid_until} empty or not before it), as {@link #ENTRY},
     * {@link #ENTRY_IS_PREFIX} and {@link #ENTRY_TEXT}. Small: meant to be broadcast.
     *
     * @param allowlist the allowlist snapshot that applies to the day ({@code number, is_prefix, valid_until}; and
     *                  {@code owner, category} when it has them)
     */
    public static Dataset<Row> inForce(Dataset<Row> allowlist, LocalDate day) {
        RequiredColumns.check(allowlist, "Allowlist.inForce", NUMBER, IS_PREFIX, VALID_UNTIL);
        List<String> columns = Arrays.asList(allowlist.columns());
        Column owner = columns.contains(OWNER) ? coalesce(col(OWNER), lit("(no owner)")) : lit("(no owner)");
        Column category = columns.contains(CATEGORY)
                ? when(col(CATEGORY).isNotNull(), concat(lit(" ("), col(CATEGORY), lit(")"))).otherwise(lit("")) : lit("");
        return allowlist.where(col(NUMBER).isNotNull().and(col(VALID_UNTIL).isNull().or(col(VALID_UNTIL).geq(lit(day)))))
                .select(col(NUMBER).as(ENTRY), col(IS_PREFIX).as(ENTRY_IS_PREFIX),
                        concat(lit("ALLOWLISTED: "), owner, category).as(ENTRY_TEXT));
    }

    /** Join condition: the entry of {@link #inForce} covers {@code number} (exactly, or as a prefix). */
    public static Column covers(Column number) {
        return when(col(ENTRY_IS_PREFIX), number.startsWith(col(ENTRY))).otherwise(number.equalTo(col(ENTRY)));
    }
}
