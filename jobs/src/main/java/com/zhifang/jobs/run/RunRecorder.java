package com.zhifang.jobs.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.RowValues;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.spark.JobLabels;
import com.zhifang.jobs.io.Warehouse;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Persists a {@link RunReport}: a JSON file under {@code runs/} and one row of the run-log table.
 *
 * <p>A run's books survive a kill: {@link #recordStart} writes its report as {@code RUNNING} and a
 * marker under {@code runs/_running/} before its first write; {@link #record} writes the final
 * report and the run-log row and then removes the marker. A marker still there when the next run
 * starts (it holds the warehouse lease, so no other run is under way) belongs to a run that was
 * killed: {@link #closeInterrupted} records it as {@code INTERRUPTED}, with the Delta commits it
 * made (each carries its run id in the commit's user metadata).
 */
public final class RunRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
    private static final java.time.Duration CLOCK_SKEW_ALLOWANCE = java.time.Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private RunRecorder() {}

    /** Before the run's first write: its report as {@code RUNNING} and its marker. No Delta commit. */
    public static void recordStart(SparkSession spark, Warehouse warehouse, RunReport report) {
        warehouse.writeFile(spark, warehouse.runReportPath(report.runId()), toJson(report).getBytes(StandardCharsets.UTF_8));
        warehouse.writeFile(spark, warehouse.runningMarkerPath(report.runId()), new byte[0]);
    }

    /** After each stage: the report so far (still {@code RUNNING}), so a killed run's report says which stages it finished. */
    public static void recordProgress(SparkSession spark, Warehouse warehouse, RunReport report) {
        warehouse.writeFile(spark, warehouse.runReportPath(report.runId()), toJson(report).getBytes(StandardCharsets.UTF_8));
    }

    /** The stages an earlier run of a day did (run or skipped as done before it), for {@code --resume}. */
    public record DoneStages(String runId, RunStatus status, Set<String> stages) {}

    /**
     * What {@code --resume} continues from: the latest run of {@code command} for {@code day} in the
     * run log, when it was {@code INTERRUPTED} or {@code FAILED}, with the stages it finished or had
     * itself skipped as done. Empty when the latest run succeeded or there is none (nothing to
     * resume). Call after {@link #closeInterrupted}, which puts killed runs in the run log.
     */
    public static Optional<DoneStages> doneStages(SparkSession spark, Warehouse warehouse, String command, LocalDate day) {
        if (!warehouse.exists(spark, Tables.RUN_LOG)) {
            return Optional.empty();
        }
        List<Row> latest = warehouse.read(spark, Tables.RUN_LOG)
                .filter(col(RUN_DATE).equalTo(lit(day)).and(col(COMMAND).equalTo(command)))
                .orderBy(col(STARTED_AT).desc(), col(RUN_ID).desc()).limit(1)
                .select(RUN_ID, STATUS, REPORT_JSON).collectAsList();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        RunStatus status = RunStatus.valueOf(latest.get(0).getString(1));
        if (status != RunStatus.INTERRUPTED && status != RunStatus.FAILED) {
            return Optional.empty();
        }
        try {
            JsonNode report = JSON.readTree(latest.get(0).getString(2));
            Set<String> stages = new LinkedHashSet<>();
            report.path("stages_skipped").forEach(s -> stages.add(s.asText()));
            report.path("stages").forEach(s -> stages.add(s.path("stage").asText()));
            return Optional.of(new DoneStages(latest.get(0).getString(0), status, stages));
        } catch (IOException e) {
            throw new UncheckedIOException("run log report of " + latest.get(0).getString(0) + " cannot be read", e);
        }
    }

    /** The finished run: its final report, its run-log row (one Delta commit), then its marker removed. */
    public static void record(SparkSession spark, Warehouse warehouse, RunReport report) {
        String json = toJson(report);
        warehouse.writeFile(spark, warehouse.runReportPath(report.runId()), json.getBytes(StandardCharsets.UTF_8));
        appendRunLog(spark, warehouse, report.runId(), report.command(), report.runDate(), report.startedAt(),
                report.finishedAt(), report.status(), report.versions(), json);
        warehouse.deleteFile(spark, warehouse.runningMarkerPath(report.runId()));
    }

    /**
     * Closes the runs a kill left {@code RUNNING}: for each marker, its report becomes
     * {@code INTERRUPTED} with {@code interrupted.committed} (the Delta commits carrying its run id:
     * table, version, operation, rows written) and {@code finished_at} the time of its last commit
     * (its start when it committed nothing); a run-log row is appended and the marker removed.
     * Call only while holding the warehouse lease. Cost: one Delta history read per table when a
     * marker is found, nothing otherwise.
     *
     * @return the interrupted runs' ids
     */
    public static List<String> closeInterrupted(SparkSession spark, Warehouse warehouse, String foundBy, Instant foundAt) {
        List<String> interrupted = warehouse.runningMarkers(spark);
        for (String runId : interrupted) {
            byte[] stored = warehouse.readFile(spark, warehouse.runReportPath(runId));
            ObjectNode report;
            try {
                report = stored == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(stored);
            } catch (IOException e) {
                throw new UncheckedIOException("run report of " + runId + " cannot be read", e);
            }
            Instant startedAt = report.hasNonNull("started_at") ? Instant.parse(report.get("started_at").asText()) : foundAt;
            // Commit files' times come from the file system's clock, the start from the run's host: allow for skew.
            List<Commit> commits = commitsOf(spark, warehouse, runId, startedAt.minus(CLOCK_SKEW_ALLOWANCE));
            Instant lastCommit = commits.stream().map(Commit::at).max(Instant::compareTo).orElse(startedAt);
            report.put("run_id", runId);
            report.put("status", RunStatus.INTERRUPTED.name());
            report.put("finished_at", lastCommit.toString());
            report.put("error", "interrupted: the run stopped without finishing (killed, node lost or out of memory); "
                    + "found by run " + foundBy + " at " + foundAt);
            ObjectNode note = report.putObject("interrupted");
            note.put("found_by", foundBy);
            note.put("found_at", foundAt.toString());
            note.set("committed", JSON.valueToTree(commits.stream().map(c -> new CommitDocument(c.table(), c.version(),
                    c.operation(), c.rows(), c.at().toString())).toList()));
            String json;
            try {
                json = JSON.writeValueAsString(report);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            warehouse.writeFile(spark, warehouse.runReportPath(runId), json.getBytes(StandardCharsets.UTF_8));
            String command = report.path("command").asText("unknown");
            LocalDate runDate = report.hasNonNull("run_date") ? LocalDate.parse(report.get("run_date").asText()) : null;
            Map<String, String> versions = new LinkedHashMap<>();
            report.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
            appendRunLog(spark, warehouse, runId, command, runDate, startedAt, lastCommit, RunStatus.INTERRUPTED, versions, json);
            warehouse.deleteFile(spark, warehouse.runningMarkerPath(runId));
            LOG.warn("run {} was interrupted (no finish recorded); {} Delta commit(s) of it found: {}", runId, commits.size(),
                    commits.stream().map(c -> c.table() + " v" + c.version() + " " + c.operation()).toList());
        }
        return interrupted;
    }

    /** The runs the run log records as {@code INTERRUPTED} (one read of the run log; empty when it does not exist). */
    public static Set<String> interruptedRunIds(SparkSession spark, Warehouse warehouse) {
        if (!warehouse.exists(spark, Tables.RUN_LOG)) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        warehouse.read(spark, Tables.RUN_LOG).filter(col(STATUS).equalTo(RunStatus.INTERRUPTED.name())).select(RUN_ID)
                .collectAsList().forEach(r -> ids.add(r.getString(0)));
        return ids;
    }

    /** A Delta commit a run made, as its table's history tells it. */
    public record Commit(String table, long version, String operation, long rows, Instant at) {}

    /**
     * The commits carrying {@code runId} in their user metadata, over the tables of the warehouse
     * with a commit file written at or after {@code since} (the run's start): one listing of each
     * table's log, and a history read only of the tables the run can have written.
     */
    public static List<Commit> commitsOf(SparkSession spark, Warehouse warehouse, String runId, Instant since) {
        List<Commit> commits = new ArrayList<>();
        for (String table : Schemas.tableNames()) {
            if (!warehouse.exists(spark, table) || warehouse.lastCommitWritten(spark, table).isBefore(since)) {
                continue;
            }
            for (Row h : DeltaTable.forPath(spark, warehouse.tablePath(table)).history()
                    .filter(col("userMetadata").equalTo(runId))
                    .select("version", "operation", "operationMetrics", "timestamp").collectAsList()) {
                scala.collection.Map<String, String> metrics = h.getAs(2);
                long rows = metrics == null ? 0 : Long.parseLong(metrics.get("numOutputRows").getOrElse(() -> "0"));
                Object time = h.get(3);   // an Instant when the session uses Java 8 time types (Zhifang's do), else a Timestamp
                Instant at = time instanceof Instant instant ? instant : ((java.sql.Timestamp) time).toInstant();
                commits.add(new Commit(table, h.getLong(0), h.getString(1), rows, at));
            }
        }
        commits.sort(Comparator.comparing(Commit::at).thenComparing(Commit::table));
        return commits;
    }

    private static void appendRunLog(SparkSession spark, Warehouse warehouse, String runId, String command, LocalDate runDate,
                                     Instant startedAt, Instant finishedAt, RunStatus status, Map<String, String> versions,
                                     String json) {
        JobLabels labels = new JobLabels(spark, "zhifang " + command + " " + runDate);
        labels.restoring(() -> {
            labels.step(Tables.RUN_LOG + " " + runId);
            StructType schema = Schemas.schemaOf(Tables.RUN_LOG);
            Row row = new RowValues(schema)
                    .set(RUN_ID, runId).set(COMMAND, command).set(RUN_DATE, runDate)
                    .set(STARTED_AT, startedAt).set(FINISHED_AT, finishedAt).set(STATUS, status.name())
                    .set(CODE_VERSION, versions.get("code")).set(RULES_VERSION, versions.get("rules"))
                    .set(MODEL_VERSION, versions.get("model")).set(REPORT_JSON, json)
                    .toRow();
            warehouse.append(spark, Tables.RUN_LOG, spark.createDataFrame(List.of(row), schema));
            return null;
        });
    }

    /** The report as the JSON of {@code runs/<run-id>.json} and the run log's {@code report_json}. */
    public static String toJson(RunReport report) {
        Document document = new Document(report.runId(), report.command(), String.valueOf(report.runDate()),
                String.valueOf(report.startedAt()), report.finishedAt() == null ? null : report.finishedAt().toString(),
                report.status().name(), report.error(), report.leaseId(), report.leaseTakenOverFrom(), report.resumedFrom(),
                report.stagesSkipped(), report.versions(),
                report.stages().stream().map(st -> new StageDocument(st.stage(), st.wallMillis(), st.metrics())).toList(),
                report.totalsByDataset(),
                report.files().stream().map(f -> new FileDocument(f.dataset(), f.file(), f.read(), f.accepted(), f.duplicates(),
                        f.conflictingDuplicates(), f.quarantined(), f.quarantinedByReason(), f.unusableOptionalNumbers(),
                        f.acceptedByInterruptedRun())).toList(),
                report.checks().stream().map(c -> new CheckDocument(c.name(), c.expected(), c.actual(), c.holds())).toList());
        try {
            return JSON.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run report's JSON layout (field names snake_case). */
    record Document(String runId, String command, String runDate, String startedAt, String finishedAt, String status,
                    String error, String leaseId, String leaseTakenOverFrom, String resumedFrom, List<String> stagesSkipped,
                    Map<String, String> versions, List<StageDocument> stages, Map<String, RunReport.DatasetTotals> totals,
                    List<FileDocument> files, List<CheckDocument> checks) {}

    record StageDocument(String stage, long wallMs, Map<String, Long> metrics) {}

    record FileDocument(String dataset, String file, long read, long accepted, long duplicates, long conflictingDuplicates,
                        long quarantined, Map<String, Long> quarantinedByReason, long unusableOptionalNumbers,
                        long acceptedByInterruptedRun) {}

    record CommitDocument(String table, long version, String operation, long rows, String at) {}

    record CheckDocument(String name, long expected, long actual, boolean holds) {}
}
