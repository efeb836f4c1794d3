package com.zhifang.testkit.generate;

import com.zhifang.features.ingest.csv.Csv;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** A UTF-8 CSV file written with RFC 4180 quoting, '\n' line ends, optionally gzip-compressed. */
final class CsvFile implements Closeable {

    private final Writer writer;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    CsvFile(Path file, boolean gzip) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        if (gzip) {
            os = new FastGzip(os);
        }
        this.writer = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes the header line (not counted as a row). */
    void header(String[] columns) throws IOException {
        writeLine(columns, columns.length);
    }

    /** Writes one data row. */
    void row(String[] fields) throws IOException {
        writeLine(fields, fields.length);
        rows++;
    }

    /** Writes one data row made of the first {@code count} fields. */
    void row(String[] fields, int count) throws IOException {
        writeLine(fields, count);
        rows++;
    }

    long rows() {
        return rows;
    }

    private void writeLine(String[] fields, int count) throws IOException {
        line.setLength(0);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                line.append(',');
            }
            Csv.appendField(line, fields[i]);
        }
        line.append('\n');
        writer.append(line);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** gzip at the fastest level: generation is I/O and CPU bound, compression ratio matters little. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
