package com.zhifang.testkit.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The voice or sms files of one landing day: routes each record to one of several part files, assigns record ids,
 * and injects the file-level faults (late records held back for the next day, repeated records, malformed rows),
 * keeping exact counts for the manifest.
 */
final class TrafficSink implements Closeable {

    static final String[] VOICE_COLUMNS = {"record_id", "record_type", "start_time", "calling_number", "called_number",
            "answered", "duration_s", "ring_s", "release_cause", "cli_restricted", "imsi", "imei", "cell_id", "trunk_in"};
    static final String[] SMS_COLUMNS = {"record_id", "record_type", "send_time", "sender", "recipient", "imsi", "imei",
            "cell_id", "port_customer", "segments", "delivered", "content"};

    // voice field indexes
    static final int V_ID = 0, V_TYPE = 1, V_TIME = 2, V_CALLING = 3, V_CALLED = 4, V_ANSWERED = 5, V_DURATION = 6,
            V_RING = 7, V_CAUSE = 8, V_CLIR = 9, V_IMSI = 10, V_IMEI = 11, V_CELL = 12, V_TRUNK = 13;
    // sms field indexes
    static final int S_ID = 0, S_TYPE = 1, S_TIME = 2, S_SENDER = 3, S_RECIPIENT = 4, S_IMSI = 5, S_IMEI = 6,
            S_CELL = 7, S_PORT_CUSTOMER = 8, S_SEGMENTS = 9, S_DELIVERED = 10, S_CONTENT = 11;

    /** A record held back for the next day's folder. */
    record Held(String[] fields, int part) {
    }

    private final GeneratedDataset dataset;
    private final boolean voice;
    private final String idPrefix;
    private final String relativeDir;
    private final String[] partNames;
    private final CsvFile[] parts;
    /** Per part: for each output column the canonical field index, or -1 for the unknown extra column. */
    private final int[][] layouts;
    private final boolean[] noMalformed;
    private final long[] duplicates;
    private final long[] late;
    private final long[][] malformed;
    private final SplittableRandom rng;
    private final double lateRate;
    private final double duplicateRate;
    private final double malformedRate;
    private final boolean holdLate;
    private final List<Held> heldForNextDay = new ArrayList<>();
    private final String[] scratch;
    private final String[] rendered;
    private long sequence;
    private long written;

    TrafficSink(GeneratedDataset dataset, Path dayDir, String landingDir, LocalDate day, int partCount, boolean gzip,
            int[][] layouts, String[] extraColumn, boolean[] noMalformed, SplittableRandom rng, double lateRate,
            double duplicateRate, double malformedRate, boolean holdLate) throws IOException {
        this.dataset = dataset;
        this.voice = dataset == GeneratedDataset.VOICE;
        this.idPrefix = (voice ? "V" : "S") + day.toString().replace("-", "") + "-";
        this.relativeDir = landingDir + "/" + dataset.folder();
        this.layouts = layouts;
        this.noMalformed = noMalformed;
        this.rng = rng;
        this.lateRate = lateRate;
        this.duplicateRate = partCount > 1 ? duplicateRate : 0.0;
        this.malformedRate = malformedRate;
        this.holdLate = holdLate;
        this.partNames = new String[partCount];
        this.parts = new CsvFile[partCount];
        this.duplicates = new long[partCount];
        this.late = new long[partCount];
        this.malformed = new long[partCount][MalformedKind.values().length];
        String[] canonical = columns();
        this.scratch = new String[canonical.length];
        int maxWidth = 0;
        for (int[] layout : layouts) {
            maxWidth = Math.max(maxWidth, layout.length);
        }
        this.rendered = new String[maxWidth + 1];
        for (int p = 0; p < partCount; p++) {
            partNames[p] = partName(p, gzip);
            parts[p] = new CsvFile(dayDir.resolve(dataset.folder()).resolve(partNames[p]), gzip);
            String[] header = new String[layouts[p].length];
            for (int c = 0; c < header.length; c++) {
                header[c] = layouts[p][c] < 0 ? extraColumn[0] : canonical[layouts[p][c]];
            }
            parts[p].header(header);
        }
    }

    static String partName(int part, boolean gzip) {
        return "part-" + Numbers.pad(part, 4) + (gzip ? ".csv.gz" : ".csv");
    }

    String[] columns() {
        return voice ? VOICE_COLUMNS : SMS_COLUMNS;
    }

    int partCount() {
        return parts.length;
    }

    String relativePath(int part) {
        return relativeDir + "/" + partNames[part];
    }

    long rows(int part) {
        return parts[part].rows();
    }

    long written() {
        return written;
    }

    List<Held> heldForNextDay() {
        return heldForNextDay;
    }

    /** Writes the records held back from the previous day (first in their part files). */
    void writeLate(List<Held> held) throws IOException {
        for (Held h : held) {
            int p = h.part() % parts.length;
            write(p, h.fields());
            late[p]++;
        }
    }

    /** Emits one well-formed record (field 0, the record id, is assigned here). */
    void emit(String[] fields) throws IOException {
        fields[0] = nextId();
        int p = rng.nextInt(parts.length);
        if (holdLate && rng.nextDouble() < lateRate) {
            heldForNextDay.add(new Held(fields.clone(), p));
            return;
        }
        write(p, fields);
        if (duplicateRate > 0 && rng.nextDouble() < duplicateRate) {
            int q = (p + 1 + rng.nextInt(parts.length - 1)) % parts.length;
            write(q, fields);
            // the copy that comes later in generation order (file name, then row) is the duplicate
            duplicates[Math.max(p, q)]++;
        }
        if (malformedRate > 0 && !noMalformed[p] && rng.nextDouble() < malformedRate) {
            writeMalformed(p, fields);
        }
    }

    private String nextId() {
        return idPrefix + Numbers.pad(++sequence, 9);
    }

    private void write(int p, String[] fields) throws IOException {
        int[] layout = layouts[p];
        for (int c = 0; c < layout.length; c++) {
            rendered[c] = layout[c] < 0 ? extraValue(fields[0]) : fields[layout[c]];
        }
        parts[p].row(rendered, layout.length);
        written++;
    }

    private static String extraValue(String recordId) {
        long h = Numbers.mix(recordId.hashCode());
        return "MSC-" + (h % 2 == 0 ? "SH" : "BJ") + "-" + Numbers.pad(Math.floorMod(h, 12) + 1, 2);
    }

    private void writeMalformed(int p, String[] template) throws IOException {
        MalformedKind[] kinds = MalformedKind.values();
        MalformedKind kind = kinds[rng.nextInt(kinds.length)];
        String[] f = template.clone();
        f[0] = nextId();
        int timeIdx = voice ? V_TIME : S_TIME;
        switch (kind) {
            case BAD_TIMESTAMP -> {
                String t = f[timeIdx];
                String[] bad = {
                        t.substring(0, 8) + "32" + t.substring(10), // day 32
                        t.substring(0, 11) + "25" + t.substring(13), // hour 25
                        t.substring(0, 5) + "13" + t.substring(7), // month 13
                        "N/A",
                        t.substring(0, 19) + "+25:00"}; // offset out of range
                f[timeIdx] = bad[rng.nextInt(bad.length)];
            }
            case BAD_NUMBER_FIELD -> {
                if (voice) {
                    int which = rng.nextInt(4);
                    switch (which) {
                        case 0 -> f[V_DURATION] = rng.nextBoolean() ? "-" + (1 + rng.nextInt(300)) : (1 + rng.nextInt(300)) + "s";
                        case 1 -> f[V_RING] = rng.nextBoolean() ? "-" + (1 + rng.nextInt(9)) : "abc";
                        case 2 -> f[V_CAUSE] = rng.nextBoolean() ? "x16" : "-1";
                        default -> f[V_ANSWERED] = rng.nextBoolean() ? "yes" : "-1";
                    }
                } else {
                    if (rng.nextBoolean()) {
                        f[S_SEGMENTS] = rng.nextBoolean() ? "-1" : "two";
                    } else {
                        f[S_DELIVERED] = rng.nextBoolean() ? "Y" : "-1";
                    }
                }
            }
            case UNKNOWN_RECORD_TYPE -> {
                String[] bad = voice ? new String[] {"MOC", "XX", "FWD", "CDR"} : new String[] {"SMSC", "XX", "AO", "RCS"};
                f[1] = bad[rng.nextInt(bad.length)];
            }
            case MISSING_REQUIRED_FIELD -> {
                int which = rng.nextInt(3);
                f[which == 0 ? 0 : which == 1 ? 1 : timeIdx] = "";
            }
            case WRONG_COLUMN_COUNT -> {
                // handled at render time below
            }
        }
        int[] layout = layouts[p];
        for (int c = 0; c < layout.length; c++) {
            rendered[c] = layout[c] < 0 ? extraValue(f[0]) : f[layout[c]];
        }
        if (kind == MalformedKind.WRONG_COLUMN_COUNT) {
            if (rng.nextBoolean()) {
                parts[p].row(rendered, layout.length - 1 - rng.nextInt(2));
            } else {
                rendered[layout.length] = "EXTRA";
                parts[p].row(rendered, layout.length + 1);
            }
        } else {
            parts[p].row(rendered, layout.length);
        }
        written++;
        malformed[p][kind.ordinal()]++;
    }

    /** Per-part reports, in part (file name) order. */
    List<FileReport> reports(LocalDate landingDay) {
        List<FileReport> out = new ArrayList<>();
        for (int p = 0; p < parts.length; p++) {
            Map<MalformedKind, Long> m = new EnumMap<>(MalformedKind.class);
            for (MalformedKind k : MalformedKind.values()) {
                m.put(k, malformed[p][k.ordinal()]);
            }
            out.add(new FileReport(relativePath(p), dataset, landingDay, parts[p].rows(), duplicates[p], m, late[p], null));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (CsvFile f : parts) {
            try {
                f.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
