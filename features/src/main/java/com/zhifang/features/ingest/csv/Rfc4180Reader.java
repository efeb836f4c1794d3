package com.zhifang.features.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader that keeps what a quarantine needs: the physical line each record
 * starts on and its raw text. Spark's CSV source loses both, hence this small reader.
 *
 * <p>Comma separator, double-quote quoting with {@code ""} escapes, CRLF / LF / CR line breaks,
 * quoted fields may span lines, a UTF-8 byte-order mark is skipped, blank lines are skipped.
 * A file that ends inside a quoted field is truncated: {@link TruncatedCsvException}.
 */
public final class Rfc4180Reader implements Closeable {
    /** Raw text kept per record for the quarantine; longer records are cut. */
    public static final int MAX_RAW_CHARS = 8192;
    private static final int EOF = -1;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    public Rfc4180Reader(Reader in) {
        this.in = in;
    }

    /** Next record, or null at end of input. */
    public CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                read();
            }
        }
        // Skip blank lines between records.
        int c = peek();
        while (c == '\n' || c == '\r') {
            consumeLineBreak();
            c = peek();
        }
        if (c == EOF) {
            return null;
        }
        long startLine = line;
        List<String> fields = new ArrayList<>(24);
        StringBuilder raw = new StringBuilder(160);
        StringBuilder field = new StringBuilder(32);
        String quotingError = null;
        boolean terminated = false;
        boolean fieldQuoted = false;
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        while (true) {
            c = read();
            if (c == EOF) {
                if (inQuotes) {
                    throw new TruncatedCsvException("file ends inside a quoted field that starts on line " + startLine);
                }
                break;
            }
            if (inQuotes) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        appendRaw(raw, '"');
                        field.append('"');
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                    field.append((char) c);
                }
                appendRaw(raw, (char) c);
                continue;
            }
            if (c == ',') {
                fields.add(fieldQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                fieldQuoted = false;
                afterClosingQuote = false;
                appendRaw(raw, ',');
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                terminated = true;
                break;
            }
            appendRaw(raw, (char) c);
            if (c == '"' && field.length() == 0 && !fieldQuoted) {
                inQuotes = true;
                fieldQuoted = true;
                continue;
            }
            if (afterClosingQuote && quotingError == null) {
                quotingError = "text after closing quote in field " + (fields.size() + 1);
            }
            field.append((char) c);
        }
        fields.add(fieldQuoted ? field.toString() : field.toString().strip());
        return new CsvRecord(startLine, quotingError == null ? fields : null, raw.toString(), terminated, quotingError);
    }

    private static void appendRaw(StringBuilder raw, char c) {
        if (raw.length() < MAX_RAW_CHARS) {
            raw.append(c);
        }
    }

    private void consumeLineBreak() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
