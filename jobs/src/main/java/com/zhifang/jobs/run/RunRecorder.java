package com.zhifang.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zhifang.features.schema.Tables;
import com.zhifang.jobs.io.Warehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Persists a {@link RunReport}: a JSON file under {@code runs/} and one row of the run-log table. */
public final class RunRecorder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunRecorder() {}

    public static void record(SparkSession spark, Warehouse warehouse, RunReport report) {
        String json = toJson(report);
        warehouse.writeFile(spark, warehouse.runReportPath(report.runId()), json.getBytes(StandardCharsets.UTF_8));
        JobLabels labels = new JobLabels(spark, "zhifang " + report.command() + " " + report.runDate());
        labels.restoring(() -> {
            labels.step(Tables.RUN_LOG + " " + report.runId());
            warehouse.ensureTable(spark, Tables.RUN_LOG);
            Row row = RowFactory.create(report.runId(), report.command(), report.runDate(), report.startedAt(),
                    report.finishedAt(), report.status(), report.versions().get("code"), report.versions().get("rules"),
                    report.versions().get("model"), json);
            spark.createDataFrame(List.of(row), Tables.schemaOf(Tables.RUN_LOG))
                    .write().format("delta").mode("append").save(warehouse.tablePath(Tables.RUN_LOG));
            return null;
        });
    }

    public static String toJson(RunReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run_id", report.runId());
        root.put("command", report.command());
        root.put("run_date", String.valueOf(report.runDate()));
        root.put("started_at", String.valueOf(report.startedAt()));
        root.put("finished_at", String.valueOf(report.finishedAt()));
        root.put("status", report.status());
        root.put("error", report.error());
        root.put("versions", report.versions());
        root.put("stages", report.stages().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.stage());
            m.put("wall_ms", s.wallMillis());
            m.put("rows", s.rows());
            return m;
        }).toList());
        Map<String, Object> totals = new LinkedHashMap<>();
        report.totalsByDataset().forEach((dataset, t) -> totals.put(dataset,
                Map.of("read", t[0], "accepted", t[1], "duplicates", t[2], "quarantined", t[3])));
        root.put("totals", totals);
        root.put("files", report.files().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dataset", f.dataset());
            m.put("file", f.file());
            m.put("read", f.read());
            m.put("accepted", f.accepted());
            m.put("duplicates", f.duplicates());
            m.put("quarantined", f.quarantined());
            m.put("quarantined_by_reason", f.quarantinedByReason());
            return m;
        }).toList());
        root.put("checks", report.checks().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("expected", c.expected());
            m.put("actual", c.actual());
            m.put("holds", c.holds());
            return m;
        }).toList());
        root.put("counters", report.counters());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
