package com.zhifang.jobs.export;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The hand-over workbook: an {@code .xlsx} beside a hand-over csv, for people; programs read the csv.
 * Spark-free; the export stage gives it the csv's own strings.
 *
 * <h2>What a user sees</h2>
 *
 * <ul>
 *   <li><b>Sheets.</b> One sheet (tab) per hand-over file, named by the caller; a workbook may hold
 *       several. Sheet names follow Excel's rules ({@link HandoverSheet#requireValidName}); a name
 *       Excel would refuse fails the export, as does the same name twice (any case).</li>
 *   <li><b>Rows 1 and 2, the header.</b> Row 1 holds each column's Chinese header, row 2 beneath it
 *       the contract's column name, exactly as in the csv's header line; both bold. Both stay in view
 *       when scrolling (the panes are frozen below row 2), and row 2 carries the filter buttons
 *       (an autofilter over the header and all data rows).</li>
 *   <li><b>Row 3 on, the data.</b> One row per csv data line, in the csv's order, one cell per csv
 *       field, columns in the csv's order: the xlsx has exactly the csv's columns, no more.</li>
 *   <li><b>Cells</b>, by the column's {@link CellKind}:
 *     <ul>
 *       <li>{@code TEXT}: the csv text, character for character, as a text cell in a text-formatted
 *           ({@code @}) column. Numbers, IMEIs and codes stay text: {@code +8613812345678} does not
 *           become {@code 8.61E+12}, {@code 013812345678} keeps its {@code 0}, and a number typed into
 *           the column later stays text too. Excel's "number stored as text" warning is switched off
 *           for these columns. Text beginning with {@code =}, {@code +}, {@code -} or {@code @} is
 *           never a formula.</li>
 *       <li>{@code INTEGER}: a number, shown without decimals.</li>
 *       <li>{@code DECIMAL}: a number, shown with as many decimals as the csv has (a score
 *           {@code 0.873000} shows as {@code 0.873000}); the cell holds the value to Excel's full
 *           precision.</li>
 *       <li>{@code DATE}: a date, shown {@code yyyy-mm-dd} as in the csv; sorts and filters as a
 *           date.</li>
 *       <li>{@code BOOLEAN}: Excel's {@code TRUE} or {@code FALSE} for the csv's {@code true} or
 *           {@code false}.</li>
 *       <li>An empty csv field is an empty cell, whatever the kind.</li>
 *     </ul></li>
 *   <li><b>Column widths</b> fit the longest value of the column, headers included (Chinese
 *       characters count double), plus a margin; never narrower than {@value #MIN_WIDTH_CHARS} nor
 *       wider than {@value #MAX_WIDTH_CHARS} characters. Text does not wrap: a long reasons sentence
 *       runs into the next cell when that is empty, and is cut at the column's edge otherwise (the
 *       whole text is in the cell, in the formula bar).</li>
 * </ul>
 *
 * <h2>Checksums</h2>
 *
 * The xlsx is not byte-reproducible: POI stamps the creation time into the file, so exporting the
 * same list twice gives the same cells but different bytes. A checksum (a manifest's SHA-256) must
 * therefore be taken over the exact bytes written: hash the array {@link #toBytes} returns and write
 * that same array.
 *
 * <h2>How it is written</h2>
 *
 * With POI's streaming {@link SXSSFWorkbook}: at most {@value #ROW_WINDOW} rows of a sheet are in
 * memory, older ones go to a temporary file (in {@code java.io.tmpdir}/poifiles), deleted when the
 * workbook is closed, written or not. Those temporary files hold the rows' data in clear while the
 * workbook is written. Widths are computed from the strings while streaming (SXSSF cannot
 * auto-size over flushed rows). A value that is not of its column's kind fails the workbook with the
 * sheet, row and column, rather than showing something the csv does not say.
 */
public final class HandoverWorkbook {
    private static final Logger LOG = LoggerFactory.getLogger(HandoverWorkbook.class);

    /** Rows of a sheet kept in memory while streaming; the rest are flushed to a temporary file. */
    public static final int ROW_WINDOW = 100;
    /** Narrowest column, in characters (of the default font's digit width). */
    public static final int MIN_WIDTH_CHARS = 10;
    /** Widest column, in characters: a reasons sentence would otherwise push the other columns out of view. */
    public static final int MAX_WIDTH_CHARS = 60;
    /** Characters added to the longest value, so it does not touch the cell's edge or the filter button. */
    static final int WIDTH_MARGIN_CHARS = 2;
    /** Excel's longest cell text. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Rows above the data: the Chinese headers, then the contract's column names. */
    public static final int HEADER_ROWS = 2;
    /** Most decimals a DECIMAL cell displays: a double has 15 to 17 significant digits. */
    static final int MAX_DECIMALS = 15;
    /** The largest integer a spreadsheet cell (a double) holds exactly. */
    private static final long MAX_EXACT_INTEGER = 1L << 53;

    private HandoverWorkbook() {}

    /** The workbook's bytes: hash these and write these (see the class description on checksums). */
    public static byte[] toBytes(List<HandoverSheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(sheets, out);
        } catch (IOException e) {
            // Not the byte array: POI's temporary files.
            throw new UncheckedIOException("writing the hand-over workbook failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Writes the workbook to {@code out}, which stays open. Nothing is written when a sheet's values fail. */
    public static void write(List<HandoverSheet> sheets, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        requireSheets(sheets);
        // close() deletes the temporary files: in POI 5.5.1 it calls the now deprecated dispose() itself.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            try {
                Styles styles = new Styles(workbook);
                long rows = 0;
                for (HandoverSheet sheet : sheets) {
                    writeSheet(workbook, styles, sheet);
                    rows += sheet.rows().size();
                }
                workbook.write(out);
                LOG.debug("hand-over workbook: {} sheets, {} data rows", sheets.size(), rows);
            } catch (RuntimeException | IOException e) {
                flushForClose(workbook, e);
                throw e;
            }
        }
    }

    /**
     * After a failure before write(): close() shuts each sheet's temporary file and then flushes the
     * rows still in memory into it, which fails with a logged "Stream closed" stack trace (the file is
     * deleted all the same). Flushed first, they have nowhere left to go.
     */
    private static void flushForClose(SXSSFWorkbook workbook, Throwable failure) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            try {
                workbook.getSheetAt(i).flushRows();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static void requireSheets(List<HandoverSheet> sheets) {
        if (sheets == null || sheets.isEmpty()) {
            throw new IllegalArgumentException("a hand-over workbook needs at least one sheet");
        }
        Set<String> names = new HashSet<>();
        for (HandoverSheet sheet : sheets) {
            Objects.requireNonNull(sheet, "a hand-over workbook's sheet is null");
            // Excel compares sheet names without case.
            if (!names.add(sheet.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two sheets are named '" + sheet.name() + "' (Excel ignores case); sheet names must differ");
            }
        }
    }

    private static void writeSheet(SXSSFWorkbook workbook, Styles styles, HandoverSheet spec) {
        List<HandoverColumn> columns = spec.columns();
        SXSSFSheet sheet = workbook.createSheet(spec.name());
        int[] widths = new int[columns.size()];
        Row chinese = sheet.createRow(0);
        Row names = sheet.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            HandoverColumn column = columns.get(c);
            headerCell(chinese, c, column.chineseHeader(), styles.header);
            headerCell(names, c, column.name(), styles.header);
            widths[c] = Math.max(displayWidth(column.chineseHeader()), displayWidth(column.name()));
        }
        List<List<String>> rows = spec.rows();
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(HEADER_ROWS + r);
            List<String> values = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                String value = values.get(c);
                try {
                    setCell(row.createCell(c), columns.get(c).kind(), value, styles);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("sheet '" + spec.name() + "', data row " + (r + 1) + " (sheet row "
                            + (HEADER_ROWS + r + 1) + "), column " + columns.get(c).name() + ": " + e.getMessage(), e);
                }
                if (value != null) {
                    widths[c] = Math.max(widths[c], displayWidth(value));
                }
            }
        }
        // Below row 2, so both header rows stay in view; no columns frozen.
        sheet.createFreezePane(0, HEADER_ROWS);
        int lastRow = HEADER_ROWS - 1 + rows.size();
        int lastColumn = columns.size() - 1;
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS - 1, lastRow, 0, lastColumn));
        for (int c = 0; c < columns.size(); c++) {
            CellKind kind = columns.get(c).kind();
            // The column's own style, so a value typed into an empty cell later gets it too (a typed id stays text).
            sheet.setDefaultColumnStyle(c, styles.column(kind));
            sheet.setColumnWidth(c, columnWidthChars(widths[c]) * 256);
            if (kind == CellKind.TEXT && !rows.isEmpty()) {
                // The template sheet under the stream: SXSSFSheet has no addIgnoredErrors, and the
                // setting is part of the sheet's XML that SXSSF copies around the streamed rows.
                workbook.getXSSFWorkbook().getSheet(spec.name()).addIgnoredErrors(
                        new CellRangeAddress(HEADER_ROWS, lastRow, c, c), IgnoredErrorType.NUMBER_STORED_AS_TEXT);
            }
        }
    }

    private static void headerCell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static void setCell(Cell cell, CellKind kind, String value, Styles styles) {
        if (value == null || value.isEmpty()) {
            // Blank, but styled: a value typed in later takes the column's kind.
            cell.setCellStyle(styles.column(kind));
            return;
        }
        switch (kind) {
            case TEXT -> {
                if (value.length() > MAX_CELL_CHARS) {
                    throw new IllegalArgumentException(value.length() + " characters; an Excel cell holds at most " + MAX_CELL_CHARS);
                }
                cell.setCellValue(value);
                cell.setCellStyle(styles.text);
            }
            case INTEGER -> {
                cell.setCellValue(parseInteger(value));
                cell.setCellStyle(styles.integer);
            }
            case DECIMAL -> {
                BigDecimal decimal = parseDecimal(value);
                cell.setCellValue(decimal.doubleValue());
                cell.setCellStyle(styles.decimal(Math.min(Math.max(decimal.scale(), 0), MAX_DECIMALS)));
            }
            case DATE -> {
                cell.setCellValue(parseDate(value));
                cell.setCellStyle(styles.date);
            }
            case BOOLEAN -> {
                cell.setCellValue(parseBoolean(value));
                cell.setCellStyle(styles.bool);
            }
        }
    }

    private static long parseInteger(String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an INTEGER");
        }
        if (Math.abs(parsed) > MAX_EXACT_INTEGER) {
            throw new IllegalArgumentException("'" + value + "' is beyond 2^53, which Excel cannot hold exactly;"
                    + " an identifier must be a TEXT column");
        }
        return parsed;
    }

    private static BigDecimal parseDecimal(String value) {
        try {
            // BigDecimal, not Double.parseDouble: it refuses NaN, Infinity, hex and a trailing 'd' or 'f',
            // and its scale is the number of decimals the csv shows.
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a DECIMAL");
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO DATE (yyyy-mm-dd)");
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not a BOOLEAN (true or false)");
        };
    }

    /** The column width, in characters, for a longest value of {@code displayWidth} characters. */
    static int columnWidthChars(int displayWidth) {
        return Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, displayWidth + WIDTH_MARGIN_CHARS));
    }

    /**
     * The width of {@code text} in narrow-character units: East Asian wide and full-width characters
     * (Chinese, Japanese, Korean, full-width punctuation) count 2, everything else 1.
     */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    /** The Unicode East Asian Wide and Fullwidth ranges that occur in practice (UAX #11). */
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)      // Hangul Jamo initials
                || (cp >= 0x2E80 && cp <= 0x303E)  // CJK radicals, Kangxi, CJK symbols and punctuation
                || (cp >= 0x3041 && cp <= 0x33FF)  // Hiragana, Katakana, Bopomofo, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)  // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)  // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)  // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)  // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)  // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)  // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)  // full-width forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)  // full-width signs
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
    }

    /** The workbook's cell styles, made once each: Excel caps a workbook at 64,000 styles. */
    private static final class Styles {
        private final SXSSFWorkbook workbook;
        private final DataFormat formats;
        final CellStyle header;
        final CellStyle text;
        final CellStyle integer;
        final CellStyle date;
        final CellStyle bool;
        private final Map<Integer, CellStyle> decimals = new HashMap<>();
        private final Map<CellKind, CellStyle> columns = new EnumMap<>(CellKind.class);

        Styles(SXSSFWorkbook workbook) {
            this.workbook = workbook;
            this.formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = style("@");
            header.setFont(bold);
            text = style(BuiltinFormats.getBuiltinFormat(0x31));   // "@", Excel's built-in text format
            integer = style("0");
            date = style("yyyy-mm-dd");
            bool = style("General");
            columns.put(CellKind.TEXT, text);
            columns.put(CellKind.INTEGER, integer);
            columns.put(CellKind.DECIMAL, decimal(6));   // the contract's scores have 6 decimals
            columns.put(CellKind.DATE, date);
            columns.put(CellKind.BOOLEAN, bool);
        }

        CellStyle column(CellKind kind) {
            return columns.get(kind);
        }

        CellStyle decimal(int decimals) {
            return this.decimals.computeIfAbsent(decimals, d -> style(d == 0 ? "0" : "0." + "0".repeat(d)));
        }

        private CellStyle style(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(format));
            // Said explicitly: a long reasons sentence must not turn its row into a paragraph.
            style.setWrapText(false);
            return style;
        }
    }
}
