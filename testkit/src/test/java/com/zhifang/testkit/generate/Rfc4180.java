package com.zhifang.testkit.generate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A tiny, strict RFC 4180 reader for tests (independent of the generator's writer). */
final class Rfc4180 {

    private Rfc4180() {
    }

    /** All records of a file (header first); gzip if the name ends in .gz. */
    static List<List<String>> read(Path file) throws IOException {
        byte[] bytes;
        if (file.getFileName().toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        } else {
            bytes = Files.readAllBytes(file);
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean fieldStarted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (!fieldStarted && c == '"') {
                // quoted field
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        if (q == '\n' || q == '\r') {
                            throw new IllegalArgumentException("line break inside a quoted field: a row must be one physical line");
                        }
                        field.append(q);
                        i++;
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
                    throw new IllegalArgumentException("garbage after closing quote at " + i);
                }
                fieldStarted = true;
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else if (c == '\r') {
                throw new IllegalArgumentException("unexpected CR");
            } else if (c == '"') {
                throw new IllegalArgumentException("quote inside an unquoted field at " + i);
            } else {
                field.append(c);
                fieldStarted = true;
                i++;
            }
        }
        if (fieldStarted || !record.isEmpty()) {
            throw new IllegalArgumentException("last line not terminated by a newline");
        }
        return records;
    }
}
