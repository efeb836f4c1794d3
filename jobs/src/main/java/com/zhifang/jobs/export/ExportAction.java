package com.zhifang.jobs.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zhifang.features.Sha256;
import com.zhifang.features.ZhifangVersion;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.domain.MarkAction;
import com.zhifang.features.domain.WorklistEntry;
import com.zhifang.features.ingest.csv.Csv;
import com.zhifang.features.reference.ReferenceSnapshots;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import com.zhifang.models.handover.MarkedNumbers;
import com.zhifang.models.handover.SuspensionWorklist;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.Seq;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static com.zhifang.features.schema.FeatureColumns.FEATURE_DATE;
import static com.zhifang.features.schema.HandoverColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The export stage for day D: the hand-over files of {@code <warehouse>/exports/<D>/} ({@link HandoverFiles}), each as
 * a csv for programs and an xlsx for people, and {@code manifest.json} over all of them.
 * <ul>
 *   <li>{@code suspects}: D's partition of the {@code suspects} table, in rank order;</li>
 *   <li>{@code suspension}: the police suspension worklist ({@link SuspensionWorklist}): notified numbers not yet
 *       suspended, whether or not they carried traffic, and the lines linked to them;</li>
 *   <li>{@code marked-numbers}: the feed to the 12321 reporting centre ({@link MarkedNumbers}), also kept as D's
 *       partition of the {@code marked_numbers} table, which later feeds read to withdraw marks.</li>
 * </ul>
 *
 * <p>Custody: every file is written under a hidden temporary name and renamed into place, with the configured mode
 * (default 0640), and without checksum side files ({@link Warehouse#writeHandoverFile}); the manifest is written
 * last, so a manifest always describes complete files. The csv files of the same tables are byte-identical on every
 * export; the xlsx files and the manifest carry the time they were written.
 *
 * <p>Cost: the list is read once (thousands of rows) and the files are written by the driver. The worklist and the
 * feed read the notices, actions, feedback, the reference snapshots of D and the feed's history (small, broadcast),
 * the day's number features semi-joined on the listed numbers, and the window's voice and SMS records a few times,
 * each filtered where it lies by a broadcast semi-join on a few numbers or trunks, or reduced to distinct (number,
 * IMEI) pairs for the handset links (one shuffle); one Delta commit (the feed's partition).
 */
public final class ExportAction extends BaseStageAction<ExportResult> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportAction.class);
    /** The suspect list's csv, the contract's hand-over file. */
    public static final String CSV_FILE = HandoverFiles.SUSPECTS.csvName();
    public static final String MANIFEST_FILE = "manifest.json";
    /** The suspect list's columns; the first six are the contract's, in its order. */
    public static final List<String> CSV_COLUMNS = HandoverFiles.SUSPECTS.columnNames();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String runId;
    private final ExportSettings settings;
    private final Clock clock;

    public ExportAction(SparkSession spark, Warehouse warehouse, LocalDate day, String runId) {
        this(spark, warehouse, day, runId, ExportSettings.defaults(), Clock.systemUTC());
    }

    public ExportAction(SparkSession spark, Warehouse warehouse, LocalDate day, String runId, ExportSettings settings,
                        Clock clock) {
        super("export", spark, warehouse, day);
        this.runId = Objects.requireNonNull(runId, "runId");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected ExportResult run() {
        if (!warehouse.exists(spark, Tables.SUSPECTS)) {
            throw new IllegalStateException("export " + day + ": no suspects table in " + warehouse + "; run the score stage first");
        }
        ZoneId zone = ZoneId.of(spark.conf().get("spark.sql.session.timeZone"));
        labels.step("read the list");
        Dataset<Row> list = readDay(Tables.SUSPECTS);
        List<Row> listRows = list.orderBy(RANK).collectAsList();

        labels.step("suspension worklist");
        Dataset<Row> subscribers = ReferenceSnapshots.asOf(read(Tables.REF_SUBSCRIBERS), day);
        Dataset<Row> allowlist = ReferenceSnapshots.asOf(read(Tables.REF_ALLOWLIST), day);
        LocalDate windowStart = day.minusDays(settings.trafficWindowDays() - 1L);
        Dataset<Row> voice = read(Tables.VOICE_CALLS).where(col(TRAFFIC_DAY).between(lit(windowStart), lit(day)));
        Dataset<Row> sms = read(Tables.SMS_MESSAGES).where(col(TRAFFIC_DAY).between(lit(windowStart), lit(day)));
        // small (one row per notified number) and read by both the worklist and the feed
        Dataset<Row> standing = SuspensionWorklist.toNotifiedStanding(read(Tables.POLICE_NOTICES),
                read(Tables.SUSPENSION_ACTIONS), subscribers, day).cache();
        List<Row> worklist = SuspensionWorklist.toWorklist(standing, subscribers, allowlist, voice, sms, day,
                settings.overdueHours()).collectAsList();

        labels.step("12321 feed");
        Dataset<Row> numberFeatures = read(Tables.FEATURES_NUMBER).where(col(FEATURE_DATE).equalTo(lit(day)));
        List<Row> feed = MarkedNumbers.toFeed(list, numberFeatures, MarkedNumbers.toSpoofedNumbers(list, voice), standing,
                read(Tables.FEEDBACK), allowlist, read(Tables.MARKED_NUMBERS), day).collectAsList();
        standing.unpersist();

        labels.step("write the files");
        String dir = warehouse.exportDir(day);
        // an earlier export's manifest would describe files this one is replacing: gone until the new one is written
        warehouse.deleteFile(spark, dir + "/" + MANIFEST_FILE);
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        write(dir, HandoverFiles.SUSPECTS, values(HandoverFiles.SUSPECTS, listRows, zone), files);
        write(dir, HandoverFiles.SUSPENSION, values(HandoverFiles.SUSPENSION, worklist, zone), files);
        write(dir, HandoverFiles.MARKED_NUMBERS, values(HandoverFiles.MARKED_NUMBERS, feed, zone), files);
        // the feed's history records what the files hand over: committed once they are written, before the manifest
        replacePartition(Tables.MARKED_NUMBERS, day, feedTable(feed));
        Map<String, Object> suspects = files.get(CSV_FILE);
        warehouse.writeHandoverFile(spark, dir + "/" + MANIFEST_FILE,
                manifest(listRows, files).getBytes(StandardCharsets.UTF_8), settings.permission());

        ExportResult result = new ExportResult(dir + "/" + CSV_FILE, dir + "/" + MANIFEST_FILE, listRows.size(),
                (String) suspects.get("sha256"), WorklistCounts.of(worklist), count(feed, MarkAction.MARK),
                count(feed, MarkAction.UNMARK), files.size() + 1);
        LOG.info("export {}: {} listed, worklist {} open ({} overdue, {} live, {} review rows), 12321 feed {} marks and "
                        + "{} unmarks; {} files in {}", day, listRows.size(), result.worklist().open(), result.worklist().overdue(),
                result.worklist().live(), result.worklist().reviewRows(), result.marked(), result.unmarked(), result.filesWritten(), dir);
        return result;
    }

    /** Counts of the suspension worklist for the run report. */
    public record WorklistCounts(long open, long overdue, long live, long reviewRows, long allowlistConflicts) {
        static WorklistCounts of(List<Row> rows) {
            long open = 0;
            long overdue = 0;
            long live = 0;
            long review = 0;
            long conflicts = 0;
            for (Row r : rows) {
                if (WorklistEntry.NOTIFIED.code().equals(r.getAs(ENTRY))) {
                    open++;
                    overdue += Boolean.TRUE.equals(r.getAs(OVERDUE)) ? 1 : 0;
                    live += Boolean.TRUE.equals(r.getAs(LIVE)) ? 1 : 0;
                    conflicts += r.getAs(CONFLICT) != null ? 1 : 0;
                } else {
                    review++;
                }
            }
            return new WorklistCounts(open, overdue, live, review, conflicts);
        }
    }

    private static long count(List<Row> feed, MarkAction action) {
        return feed.stream().filter(r -> action.code().equals(r.getAs(MARK_ACTION))).count();
    }

    /** The feed's rows as D's partition of {@code marked_numbers}. */
    private Dataset<Row> feedTable(List<Row> feed) {
        List<String> columns = List.of(Schemas.schemaOf(Tables.MARKED_NUMBERS).fieldNames());
        List<Row> rows = new ArrayList<>(feed.size());
        for (Row r : feed) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                String c = columns.get(i);
                values[i] = c.equals(FEED_DATE) ? day : c.equals(RUN_ID) ? runId : r.getAs(c);
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, Schemas.schemaOf(Tables.MARKED_NUMBERS));
    }

    /** Writes {@code <name>.csv} and {@code <name>.xlsx} and records both in {@code files} (name, rows, bytes, sha256). */
    private void write(String dir, HandoverFile file, List<List<String>> rows, Map<String, Map<String, Object>> files) {
        byte[] csv = toCsv(file, rows).getBytes(StandardCharsets.UTF_8);
        byte[] xlsx = HandoverWorkbook.toBytes(List.of(file.sheetOf(rows)));
        warehouse.writeHandoverFile(spark, dir + "/" + file.csvName(), csv, settings.permission());
        warehouse.writeHandoverFile(spark, dir + "/" + file.xlsxName(), xlsx, settings.permission());
        files.put(file.csvName(), fileEntry(file.csvName(), rows.size(), csv, file.columnNames()));
        files.put(file.xlsxName(), fileEntry(file.xlsxName(), rows.size(), xlsx, null));
    }

    private static Map<String, Object> fileEntry(String name, int rows, byte[] content, List<String> columns) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", name);
        entry.put("rows", rows);
        entry.put("bytes", content.length);
        entry.put("sha256", Sha256.hex(content));
        if (columns != null) {
            entry.put("columns", columns);
        }
        return entry;
    }

    /** The csv text: header, then one line per row; UTF-8, {@code \n}, RFC 4180 quoting only where needed. */
    static String toCsv(HandoverFile file, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(Csv.line(file.columnNames())).append('\n');
        for (List<String> fields : rows) {
            out.append(Csv.line(fields)).append('\n');
        }
        return out.toString();
    }

    /** Each row's values as the csv holds them, in the file's column order ({@link #text}). */
    static List<List<String>> values(HandoverFile file, List<Row> rows, ZoneId zone) {
        List<List<String>> out = new ArrayList<>(rows.size());
        if (rows.isEmpty()) {
            return out;
        }
        // the rows share one schema: a column it lacks (a list scored before the column existed) is empty in every row
        List<String> present = java.util.Arrays.asList(rows.get(0).schema().fieldNames());
        List<String> columns = file.columnNames();
        for (Row r : rows) {
            List<String> fields = new ArrayList<>(columns.size());
            for (String c : columns) {
                fields.add(text(c, present.contains(c) ? r.getAs(c) : null, zone));
            }
            out.add(fields);
        }
        return out;
    }

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /**
     * A value as the hand-over files write it: empty for null (a list scored before a column existed has none); scores
     * with 6 decimals; times ISO-8601 with the carrier's offset; arrays joined, reasons with {@code "; "} (Chinese
     * ones with {@code "；"}), codes with {@code ";"}.
     */
    static String text(String column, Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.6f", d);
        }
        if (value instanceof Timestamp t) {
            return LOCAL_TIME.format(t.toInstant().atZone(zone).toOffsetDateTime());
        }
        if (value instanceof Instant i) {
            return LOCAL_TIME.format(i.atZone(zone).toOffsetDateTime());
        }
        if (value instanceof Seq<?> || value instanceof List<?>) {
            List<?> items = value instanceof Seq<?> seq ? scala.jdk.javaapi.CollectionConverters.asJava(seq) : (List<?>) value;
            String separator = column.equals(REASONS) ? "; " : column.equals(REASONS_ZH) ? "；" : ";";
            return String.join(separator, items.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    private String manifest(List<Row> rows, Map<String, Map<String, Object>> files) {
        Map<String, Object> suspects = files.get(CSV_FILE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", day.toString());
        // the contract's fields describe suspects.csv; "files" lists every hand-over file of the day
        m.put("file", CSV_FILE);
        m.put("rows", rows.size());
        m.put("sha256", suspects.get("sha256"));
        m.put("columns", CSV_COLUMNS);
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("code", ZhifangVersion.code());
        versions.put("rules", distinct(rows, RULES_VERSION));
        versions.put("model", distinct(rows, MODEL_VERSION));
        m.put("versions", versions);
        m.put("list_run_id", distinct(rows, RUN_ID));
        m.put("export_run_id", runId);
        m.put("generated_at", Instant.now(clock).toString());
        m.put("files", new ArrayList<>(files.values()));
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one value of a column over the list (null when empty or absent; all values joined if they differ). */
    private static String distinct(List<Row> rows, String column) {
        TreeSet<String> values = new TreeSet<>();
        rows.forEach(r -> {
            Object v = r.getAs(column);
            if (v != null) {
                values.add(v.toString());
            }
        });
        return values.isEmpty() ? null : String.join(",", values);
    }
}
