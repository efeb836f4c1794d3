package com.zhifang.jobs.run;

import com.zhifang.features.ingest.FileCounts;
import com.zhifang.jobs.stage.ReconciliationCheck;
import com.zhifang.jobs.stage.StageResult;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The account of one run: what was read and what became of it, per file; how long each stage
 * took; which versions of code, rules and model produced the outputs. Serialised to
 * {@code <warehouse>/runs/<run-id>.json} and to a row of the run-log table by {@link RunRecorder}.
 *
 * <p>{@link #reconcile()} fails the run when any file's counts do not add up or any cross-check
 * between independently measured counts disagrees.
 */
public final class RunReport {
    private final String runId;
    private final String command;
    private final LocalDate runDate;
    private final Instant startedAt;
    private Instant finishedAt;
    private RunStatus status = RunStatus.RUNNING;
    private String error;
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final List<StageRun> stages = new ArrayList<>();
    private final List<FileCounts> files = new ArrayList<>();
    private final List<ReconciliationCheck> checks = new ArrayList<>();
    private String leaseId;
    private String leaseTakenOverFrom;
    private String resumedFrom;
    private final List<String> stagesSkipped = new ArrayList<>();

    public RunReport(String runId, String command, LocalDate runDate, Instant startedAt, Map<String, String> versions) {
        this.runId = runId;
        this.command = command;
        this.runDate = runDate;
        this.startedAt = startedAt;
        this.versions.putAll(versions);
    }

    /** What a stage did: its wall time and metrics, its files and checks, the versions it reports. */
    public void addStage(String stage, long wallMillis, StageResult result) {
        if (stages.stream().anyMatch(s -> s.stage().equals(stage))) {
            throw new IllegalStateException("stage " + stage + " reported twice in run " + runId);
        }
        stages.add(new StageRun(stage, wallMillis, result.metrics().asMap()));
        files.addAll(result.files());
        checks.addAll(result.checks());
        versions.putAll(result.versions());
    }

    /**
     * A metric by its qualified name, {@code <stage>.<metric>} ({@code features.numbers}).
     *
     * @throws IllegalArgumentException when the run has no such stage or the stage no such metric
     */
    public long metric(String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        String stage = dot < 0 ? qualifiedName : qualifiedName.substring(0, dot);
        Map<String, Long> metrics = stages.stream().filter(s -> s.stage().equals(stage)).findFirst()
                .map(StageRun::metrics)
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no stage " + stage));
        Long value = metrics.get(qualifiedName.substring(dot + 1));
        if (value == null) {
            throw new IllegalArgumentException("stage " + stage + " has no metric " + qualifiedName + "; has " + metrics.keySet());
        }
        return value;
    }

    /** @throws ReconciliationException naming every file and check that does not add up */
    public void reconcile() {
        List<String> problems = new ArrayList<>();
        for (FileCounts f : files) {
            if (!f.reconciles()) {
                problems.add(String.format("%s: read %d != accepted %d + duplicates %d + quarantined %d,"
                                + " or conflicting duplicates %d are not among the duplicates,"
                                + " or accepted by an interrupted run %d not among the accepted",
                        f.file(), f.read(), f.accepted(), f.duplicates(), f.quarantined(), f.conflictingDuplicates(),
                        f.acceptedByInterruptedRun()));
            }
        }
        for (ReconciliationCheck c : checks) {
            if (!c.holds()) {
                problems.add(String.format("%s: expected %d, measured %d", c.name(), c.expected(), c.actual()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ReconciliationException("run " + runId + " does not reconcile:\n  " + String.join("\n  ", problems));
        }
    }

    /** The warehouse lease the run wrote under, and the stale holder it was taken from (null when none). */
    public void underLease(String leaseId, String takenOverFrom) {
        this.leaseId = leaseId;
        this.leaseTakenOverFrom = takenOverFrom;
    }

    /** A stage not run because {@code earlierRun}, an interrupted or failed run of the same day, had done it ({@code --resume}). */
    public void skipStage(String stage, String earlierRun) {
        this.resumedFrom = earlierRun;
        stagesSkipped.add(stage);
    }

    public void finish(Instant at, RunStatus finalStatus, String failure) {
        this.finishedAt = at;
        this.status = finalStatus;
        this.error = failure;
    }

    /** Totals per dataset, summed over its files. */
    public Map<String, DatasetTotals> totalsByDataset() {
        Map<String, DatasetTotals> totals = new LinkedHashMap<>();
        for (FileCounts f : files) {
            totals.merge(f.dataset(), DatasetTotals.of(f), DatasetTotals::plus);
        }
        return totals;
    }

    /**
     * A dataset's counts: the fates of its records (read = accepted + duplicates + quarantined), the
     * conflicting duplicates among the duplicates, and the unusable optional numbers.
     */
    public record DatasetTotals(long read, long accepted, long duplicates, long conflictingDuplicates, long quarantined,
                                long unusableOptionalNumbers, long acceptedByInterruptedRun) {
        static DatasetTotals of(FileCounts f) {
            return new DatasetTotals(f.read(), f.accepted(), f.duplicates(), f.conflictingDuplicates(), f.quarantined(),
                    f.unusableOptionalNumbers(), f.acceptedByInterruptedRun());
        }

        DatasetTotals plus(DatasetTotals o) {
            return new DatasetTotals(read + o.read, accepted + o.accepted, duplicates + o.duplicates,
                    conflictingDuplicates + o.conflictingDuplicates, quarantined + o.quarantined,
                    unusableOptionalNumbers + o.unusableOptionalNumbers, acceptedByInterruptedRun + o.acceptedByInterruptedRun);
        }
    }

    /** The readable block logged at the end of a run. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Zhifang run %s (%s, date %s): %s%n", runId, command, runDate, status));
        if (error != null) {
            out.append("  error: ").append(error).append('\n');
        }
        if (resumedFrom != null) {
            out.append("  resumed from run ").append(resumedFrom).append(", stages skipped: ").append(stagesSkipped).append('\n');
        }
        if (leaseTakenOverFrom != null) {
            out.append("  lease taken over from ").append(leaseTakenOverFrom).append('\n');
        }
        out.append("  versions: ").append(versions.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        if (!files.isEmpty()) {
            out.append(String.format("  %-12s %10s %10s %10s %11s %12s %16s %18s%n", "dataset", "read", "accepted", "duplicates",
                    "quarantined", "conflicting", "unusable_numbers", "by_interrupted_run"));
            totalsByDataset().forEach((dataset, t) -> out.append(String.format("  %-12s %10d %10d %10d %11d %12d %16d %18d%n",
                    dataset, t.read(), t.accepted(), t.duplicates(), t.quarantined(), t.conflictingDuplicates(),
                    t.unusableOptionalNumbers(), t.acceptedByInterruptedRun())));
            Map<String, Long> reasons = new LinkedHashMap<>();
            files.forEach(f -> f.quarantinedByReason().forEach((r, n) -> reasons.merge(r, n, Long::sum)));
            if (!reasons.isEmpty()) {
                out.append("  quarantined by reason: ").append(reasons).append('\n');
            }
        }
        for (StageRun s : stages) {
            out.append(String.format(Locale.ROOT, "  stage %-10s %9.1f s%n", s.stage(), s.wallMillis() / 1000.0));
            s.metrics().forEach((name, value) -> out.append(String.format(Locale.ROOT, "    %-34s %,d%n", name, value)));
        }
        return out.toString();
    }

    public String runId() { return runId; }
    public String command() { return command; }
    public LocalDate runDate() { return runDate; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public RunStatus status() { return status; }
    public String error() { return error; }
    public Map<String, String> versions() { return versions; }
    public List<StageRun> stages() { return stages; }
    public List<FileCounts> files() { return files; }
    public List<ReconciliationCheck> checks() { return checks; }
    public String leaseId() { return leaseId; }
    public String leaseTakenOverFrom() { return leaseTakenOverFrom; }
    public String resumedFrom() { return resumedFrom; }
    public List<String> stagesSkipped() { return stagesSkipped; }
}
