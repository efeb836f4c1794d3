package com.zhifang.features.ingest;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.ingest.csv.CsvRecord;
import com.zhifang.features.ingest.csv.Rfc4180Reader;
import com.zhifang.features.ingest.csv.TruncatedCsvException;
import com.zhifang.features.phone.PhoneNumberNormalizer;
import com.zhifang.features.schema.RowValues;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import static com.zhifang.features.schema.RecordColumns.*;

/**
 * Parses one landing file into rows of {@link #parsedSchema(LandingDataset)}: the dataset's table
 * columns, then four quarantine columns that are null for accepted records, then the record's count
 * of unusable optional numbers. Every data record of
 * the file yields exactly one row, so per-file counts reconcile.
 *
 * <p>Runs inside a Spark task, one task per file (gzip is not splittable and line numbers need a
 * sequential read); files are streamed, never held in memory. Reads through Hadoop's FileSystem so
 * the same code reads local folders, HDFS or object stores.
 */
public final class LandingFileParser implements Serializable {
    public static final String QUARANTINE_REASON = "_quarantine_reason";
    public static final String QUARANTINE_FIELD = "_quarantine_field";
    public static final String QUARANTINE_MESSAGE = "_quarantine_message";
    public static final String QUARANTINE_RAW = "_quarantine_raw";
    /** Optional number fields of an accepted record that held an unusable number (null on quarantined rows). */
    public static final String UNUSABLE_OPTIONAL_NUMBERS = "_unusable_optional_numbers";

    private final LandingDataset dataset;
    private final LocalDate landingDay;
    private final String runId;
    private final String carrierZone;
    private final Map<String, String> hadoopConf;

    public LandingFileParser(LandingDataset dataset, LocalDate landingDay, String runId, ZoneId carrierZone,
                             Map<String, String> hadoopConf) {
        this.dataset = dataset;
        this.landingDay = landingDay;
        this.runId = runId;
        this.carrierZone = carrierZone.getId();
        this.hadoopConf = new HashMap<>(hadoopConf);
    }

    /**
     * Table columns (all nullable, since quarantined rows carry only lineage), the quarantine
     * columns, and the count of unusable optional numbers.
     */
    public static StructType parsedSchema(LandingDataset dataset) {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : dataset.tableSchema().fields()) {
            fields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
        }
        fields.add(DataTypes.createStructField(QUARANTINE_REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(QUARANTINE_FIELD, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(QUARANTINE_MESSAGE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(QUARANTINE_RAW, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(UNUSABLE_OPTIONAL_NUMBERS, DataTypes.IntegerType, true));
        return new StructType(fields.toArray(new StructField[0]));
    }

    /**
     * Maps header names (trimmed, lower-cased) to positions and checks the dataset's required
     * columns are there. Unknown extra columns are allowed and ignored.
     */
    public static Map<String, Integer> columnIndex(LandingDataset dataset, String file, List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (index.putIfAbsent(name, i) != null) {
                throw new LandingFileException(file, "header names column '" + name + "' twice");
            }
        }
        List<String> missing = dataset.requiredColumns().stream().filter(c -> !index.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new LandingFileException(file, "header lacks required column(s) " + missing
                    + " for " + dataset.label() + "; header is " + header);
        }
        return index;
    }

    /** Opens a landing file for reading, decompressing {@code .gz}, decoding UTF-8 strictly. */
    public static Rfc4180Reader open(FileSystem fs, Path path) throws IOException {
        InputStream in = fs.open(path);
        if (path.getName().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new Rfc4180Reader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    public static FileSystem fileSystem(Path path, Map<String, String> hadoopConf) throws IOException {
        Configuration conf = new Configuration();
        hadoopConf.forEach(conf::set);
        return path.getFileSystem(conf);
    }

    /** Streams the file's rows; I/O failures and truncation surface as {@link LandingFileException}. */
    public Iterator<Row> parse(String file) {
        try {
            Path path = new Path(file);
            Rfc4180Reader reader = open(fileSystem(path, hadoopConf), path);
            CsvRecord header = reader.next();
            if (header == null) {
                reader.close();
                throw new LandingFileException(file, "is empty: no header line (truncated?)");
            }
            if (header.quotingError() != null) {
                reader.close();
                throw new LandingFileException(file, "header line is not valid CSV: " + header.quotingError());
            }
            Map<String, Integer> index = columnIndex(dataset, file, header.fields());
            return new RowIterator(file, reader, header.fields().size(),
                    new FieldReader(index, ZoneId.of(carrierZone), new PhoneNumberNormalizer()));
        } catch (LandingFileException e) {
            throw e;
        } catch (IOException e) {
            throw asFileFailure(file, e);
        }
    }

    private static LandingFileException asFileFailure(String file, IOException e) {
        if (e instanceof TruncatedCsvException || e instanceof EOFException || e instanceof ZipException) {
            return new LandingFileException(file, "is truncated or corrupt: " + e.getMessage(), e);
        }
        if (e instanceof java.io.FileNotFoundException) {
            return new LandingFileException(file, "is missing: " + e.getMessage(), e);
        }
        return new LandingFileException(file, "cannot be read: " + e, e);
    }

    private final class RowIterator implements Iterator<Row> {
        private final String file;
        private final Rfc4180Reader reader;
        private final int columnCount;
        private final FieldReader fields;
        private final LocalDate landingDate = landingDay;
        private final StructType parsedSchema = parsedSchema(dataset);
        /** Columns fingerprinted into {@code content_hash}; null for snapshots, which have none. */
        private final List<String> contentColumns = dataset.kind() == LandingDataset.Kind.EVENT
                ? Schemas.contentColumnsOf(dataset.table()) : null;
        private CsvRecord pending;
        private boolean finished;

        RowIterator(String file, Rfc4180Reader reader, int columnCount, FieldReader fields) {
            this.file = file;
            this.reader = reader;
            this.columnCount = columnCount;
            this.fields = fields;
        }

        @Override
        public boolean hasNext() {
            if (pending != null) {
                return true;
            }
            if (finished) {
                return false;
            }
            try {
                pending = reader.next();
                if (pending == null) {
                    finished = true;
                    reader.close();
                    return false;
                }
                if (!pending.terminated() && pending.fields() != null && pending.fields().size() < columnCount) {
                    reader.close();
                    throw new TruncatedCsvException("last line " + pending.line()
                            + " ends without a line break after " + pending.fields().size() + " of " + columnCount + " fields");
                }
                return true;
            } catch (IOException e) {
                closeQuietly();
                throw asFileFailure(file, e);
            } catch (UncheckedIOException e) {
                closeQuietly();
                throw asFileFailure(file, e.getCause());
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CsvRecord record = pending;
            pending = null;
            return toRow(record);
        }

        private Row toRow(CsvRecord record) {
            if (record.quotingError() != null) {
                return quarantined(record, QuarantineReason.BAD_QUOTING, null, record.quotingError());
            }
            if (record.fields().size() != columnCount) {
                return quarantined(record, QuarantineReason.WRONG_COLUMN_COUNT, null,
                        record.fields().size() + " fields where the header has " + columnCount);
            }
            fields.bind(record.fields());
            RowValues row = new RowValues(parsedSchema);
            try {
                dataset.parser().parse(fields, row);
            } catch (RejectedRecordException e) {
                return quarantined(record, e.reason(), e.field(), e.getMessage());
            }
            if (contentColumns != null) {
                row.set(CONTENT_HASH, ContentHash.of(contentColumns, row::get));
            }
            return withLineage(row, record.line()).set(UNUSABLE_OPTIONAL_NUMBERS, fields.unusableOptionalNumbers()).toRow();
        }

        /** A quarantined record keeps only its lineage, its reason and its raw text. */
        private Row quarantined(CsvRecord record, QuarantineReason reason, String field, String message) {
            return withLineage(new RowValues(parsedSchema), record.line())
                    .set(QUARANTINE_REASON, reason.name()).set(QUARANTINE_FIELD, field)
                    .set(QUARANTINE_MESSAGE, message).set(QUARANTINE_RAW, record.raw())
                    .toRow();
        }

        private RowValues withLineage(RowValues row, long line) {
            row.set(dataset.kind() == LandingDataset.Kind.EVENT ? LANDING_DAY : SNAPSHOT_DATE, landingDate)
                    .set(SOURCE_FILE, file).set(SOURCE_LINE, line);
            if (dataset.kind() == LandingDataset.Kind.EVENT) {
                row.set(INGEST_RUN_ID, runId);
            }
            return row;
        }

        private void closeQuietly() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // already failing with the more useful error
            }
        }
    }
}
