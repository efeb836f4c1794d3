package com.zhifang.jobs.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zhifang.features.Sha256;
import com.zhifang.features.ZhifangVersion;
import com.zhifang.features.ingest.csv.Csv;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.stage.BaseStageAction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The export stage for day D: {@code <warehouse>/exports/<D>/suspects.csv} (the contract's columns
 * first, in its order: rank, entity_type, entity_id, score, patterns, reasons; then police_notified,
 * first_listed_on, days_listed, rule_score, model_score) and {@code manifest.json} (row count,
 * SHA-256 of the csv bytes, code / rules / model versions, run ids of the list and the export).
 *
 * <p>Reads the day's partition of {@code suspects} (one small Spark job) and writes both files from
 * the driver: the list is thousands of rows, and one driver-written file gives a byte-exact,
 * checksummable hand-over. The csv is written before the manifest, so a manifest always describes a
 * complete csv. Re-exporting the same list gives byte-identical files.
 */
public final class ExportAction extends BaseStageAction<ExportResult> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportAction.class);
    public static final String CSV_FILE = "suspects.csv";
    public static final String MANIFEST_FILE = "manifest.json";
    /** The export's columns; the first six are the contract's, in its order. */
    public static final List<String> CSV_COLUMNS = List.of(RANK, ENTITY_TYPE, ENTITY_ID, SCORE, PATTERNS, REASONS,
            POLICE_NOTIFIED, FIRST_LISTED_ON, DAYS_LISTED, RULE_SCORE, MODEL_SCORE, LIST_CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String runId;

    public ExportAction(SparkSession spark, Warehouse warehouse, LocalDate day, String runId) {
        super("export", spark, warehouse, day);
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    @Override
    protected ExportResult run() {
        if (!warehouse.exists(spark, Tables.SUSPECTS)) {
            throw new IllegalStateException("export " + day + ": no suspects table in " + warehouse + "; run the score stage first");
        }
        labels.step("read the list");
        List<Row> rows = readDay(Tables.SUSPECTS).orderBy(RANK).collectAsList();
        byte[] csv = toCsv(rows).getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(csv);
        String dir = warehouse.exportDir(day);
        warehouse.writeFile(spark, dir + "/" + CSV_FILE, csv);
        warehouse.writeFile(spark, dir + "/" + MANIFEST_FILE, manifest(rows, sha256).getBytes(StandardCharsets.UTF_8));
        ExportResult result = new ExportResult(dir + "/" + CSV_FILE, dir + "/" + MANIFEST_FILE, rows.size(), sha256);
        LOG.info("export {}: {} rows, sha256 {}, in {}", day, rows.size(), sha256, dir);
        return result;
    }

    /** The csv text: header, then one line per row in rank order; arrays joined with "; " (reasons) or ";" (patterns). */
    static String toCsv(List<Row> rows) {
        StringBuilder out = new StringBuilder(Csv.line(CSV_COLUMNS)).append('\n');
        for (Row r : rows) {
            List<String> fields = new ArrayList<>(CSV_COLUMNS.size());
            fields.add(String.valueOf(r.<Integer>getAs(RANK)));
            fields.add(r.getAs(ENTITY_TYPE));
            fields.add(r.getAs(ENTITY_ID));
            fields.add(decimal(r.getAs(SCORE)));
            fields.add(String.join(";", r.<String>getList(r.fieldIndex(PATTERNS))));
            fields.add(String.join("; ", r.<String>getList(r.fieldIndex(REASONS))));
            fields.add(String.valueOf(r.<Boolean>getAs(POLICE_NOTIFIED)));
            fields.add(String.valueOf(r.<Object>getAs(FIRST_LISTED_ON)));
            fields.add(String.valueOf(r.<Integer>getAs(DAYS_LISTED)));
            fields.add(decimal(r.getAs(RULE_SCORE)));
            fields.add(decimal(r.getAs(MODEL_SCORE)));
            String category = r.getAs(LIST_CATEGORY);
            fields.add(category == null ? "" : category);   // null on lists scored before categories existed
            out.append(Csv.line(fields)).append('\n');
        }
        return out.toString();
    }

    private static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    private String manifest(List<Row> rows, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", day.toString());
        m.put("file", CSV_FILE);
        m.put("rows", rows.size());
        m.put("sha256", sha256);
        m.put("columns", CSV_COLUMNS);
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("code", ZhifangVersion.code());
        versions.put("rules", distinct(rows, RULES_VERSION));
        versions.put("model", distinct(rows, MODEL_VERSION));
        m.put("versions", versions);
        m.put("list_run_id", distinct(rows, RUN_ID));
        m.put("export_run_id", runId);
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
