package com.zhifang.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.RowValues;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.spark.JobLabels;
import com.zhifang.jobs.io.Warehouse;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.RecordColumns.*;

/** Persists a {@link RunReport}: a JSON file under {@code runs/} and one row of the run-log table. */
public final class RunRecorder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private RunRecorder() {}

    public static void record(SparkSession spark, Warehouse warehouse, RunReport report) {
        String json = toJson(report);
        warehouse.writeFile(spark, warehouse.runReportPath(report.runId()), json.getBytes(StandardCharsets.UTF_8));
        JobLabels labels = new JobLabels(spark, "zhifang " + report.command() + " " + report.runDate());
        labels.restoring(() -> {
            labels.step(Tables.RUN_LOG + " " + report.runId());
            StructType schema = Schemas.schemaOf(Tables.RUN_LOG);
            Row row = new RowValues(schema)
                    .set(RUN_ID, report.runId()).set(COMMAND, report.command()).set(RUN_DATE, report.runDate())
                    .set(STARTED_AT, report.startedAt()).set(FINISHED_AT, report.finishedAt()).set(STATUS, report.status())
                    .set(CODE_VERSION, report.versions().get("code")).set(RULES_VERSION, report.versions().get("rules"))
                    .set(MODEL_VERSION, report.versions().get("model")).set(REPORT_JSON, json)
                    .toRow();
            warehouse.append(spark, Tables.RUN_LOG, spark.createDataFrame(List.of(row), schema));
            return null;
        });
    }

    /** The report as the JSON of {@code runs/<run-id>.json} and the run log's {@code report_json}. */
    public static String toJson(RunReport report) {
        Document document = new Document(report.runId(), report.command(), String.valueOf(report.runDate()),
                String.valueOf(report.startedAt()), String.valueOf(report.finishedAt()), report.status(), report.error(),
                report.versions(),
                report.stages().stream().map(st -> new StageDocument(st.stage(), st.wallMillis(), st.metrics())).toList(),
                report.totalsByDataset(),
                report.files().stream().map(f -> new FileDocument(f.dataset(), f.file(), f.read(), f.accepted(), f.duplicates(),
                        f.conflictingDuplicates(), f.quarantined(), f.quarantinedByReason(), f.unusableOptionalNumbers())).toList(),
                report.checks().stream().map(c -> new CheckDocument(c.name(), c.expected(), c.actual(), c.holds())).toList());
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run report's JSON layout (field names snake_case). */
    record Document(String runId, String command, String runDate, String startedAt, String finishedAt, String status,
                    String error, Map<String, String> versions, List<StageDocument> stages, Map<String, RunReport.DatasetTotals> totals,
                    List<FileDocument> files, List<CheckDocument> checks) {}

    record StageDocument(String stage, long wallMs, Map<String, Long> metrics) {}

    record FileDocument(String dataset, String file, long read, long accepted, long duplicates, long conflictingDuplicates,
                        long quarantined, Map<String, Long> quarantinedByReason, long unusableOptionalNumbers) {}

    record CheckDocument(String name, long expected, long actual, boolean holds) {}
}
