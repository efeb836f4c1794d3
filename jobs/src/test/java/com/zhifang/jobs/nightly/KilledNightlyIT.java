package com.zhifang.jobs.nightly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import com.zhifang.jobs.export.ExportAction;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.testkit.generate.GeneratorSettings;
import com.zhifang.testkit.generate.LandingZoneGenerator;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs that die or collide, as an operator meets them: nightlies in child JVMs ({@code scripts/zhifang},
 * the jars of this build) killed with SIGKILL at each stage boundary, inside a Delta commit and while
 * ingest creates its tables, each rerun on the same warehouse until one finishes; then the export must
 * equal a clean run's byte for byte and every table its row count, with no hand cleaning. Two
 * nightlies started together on a fresh warehouse: one refused at once naming the holder, the other
 * the clean run the kills are compared with.
 *
 * <p>The day is a generated one (300 subscribers, the testkit's generator) rather than a sample day:
 * the chain starts the nightly seven times, and the fixed cost of a day, not its records, is what
 * that costs; for the same reason the later reruns resume after the stages done ({@code --resume}). Kill points by log line use the stage-start lines every run logs; kill points inside
 * a commit watch the table's {@code _delta_log} for Delta's temporary commit file and kill the
 * moment it appears (the commit may or may not complete before the process dies: the test holds for
 * either, and logs which it was).
 */
class KilledNightlyIT {
    private static final Logger LOG = LoggerFactory.getLogger(KilledNightlyIT.class);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    private static final ZoneId CARRIER_ZONE = ZoneId.of("Asia/Shanghai");

    /** Kept when the test fails, for a look at the warehouses and the runs' logs. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;
    static Path root;
    static Path logs;
    static Path landing;
    static Warehouse clean;
    static Warehouse killed;
    static Outcome first;
    static Outcome second;
    static Outcome resumed;
    static final List<String> killLog = new ArrayList<>();

    /** A point to kill a run at: a log line, or a state of the warehouse's files seen by polling. */
    record KillPoint(String name, Predicate<String> line, Predicate<Path> files) {
        static KillPoint atLine(String name, String text) {
            return new KillPoint(name, l -> l.contains(text), w -> false);
        }

        static KillPoint whenFiles(String name, Predicate<Path> files) {
            return new KillPoint(name, l -> false, files);
        }
    }

    /** How a child run ended: exit code, whether the test killed it, its output. */
    record Outcome(int exit, boolean killedByTest, List<String> output, long pid, long finishedNanos) {}

    @BeforeAll
    static void runTheDayCleanTwiceAtOnceThenKilledAtEveryPoint() throws Exception {
        root = Path.of(System.getProperty("zhifang.root", "..")).toAbsolutePath().normalize();
        logs = Path.of("target", "it-killed").toAbsolutePath();
        Files.createDirectories(logs);
        landing = tmp.resolve("landing");
        new LandingZoneGenerator(GeneratorSettings.builder(landing).subscribers(300).days(1).startDate(DAY).seed(11L)
                .zone(CARRIER_ZONE).build()).execute();
        clean = new Warehouse(tmp.resolve("clean").toString());
        killed = new Warehouse(tmp.resolve("killed").toString());

        // Two nightlies at once on a fresh warehouse.
        ProcessBuilder a = zhifang("concurrent-a", nightly(clean));
        ProcessBuilder b = zhifang("concurrent-b", nightly(clean));
        Process pa = a.start();
        Process pb = b.start();
        // Followed side by side: a run whose output nobody reads would stall on a full pipe.
        CompletableFuture<Outcome> fa = CompletableFuture.supplyAsync(() -> followUnchecked("concurrent-a", pa));
        CompletableFuture<Outcome> fb = CompletableFuture.supplyAsync(() -> followUnchecked("concurrent-b", pb));
        Outcome oa = fa.get();
        Outcome ob = fb.get();
        first = oa.exit() == 0 ? oa : ob;
        second = oa.exit() == 0 ? ob : oa;

        // The same day on another warehouse, killed at each point in turn, each rerun going further.
        // The first three runs redo every stage (the third is a plain rerun after a kill that came
        // after ingest's merges had committed); from the fourth on they resume after the stages the
        // killed run finished (--resume), so the chain costs about one nightly more than its kills
        // rather than one per kill point.
        List<KillPoint> points = List.of(
                KillPoint.whenFiles("while ingest creates its first table", w -> anyDeltaLogFolder(w.resolve("tables"))),
                KillPoint.atLine("after ingest committed, at the start of features", DAY + " features: started"),
                KillPoint.whenFiles("inside a commit of feature_day_state",
                        w -> commitInProgress(w.resolve("tables").resolve(Tables.FEATURE_DAY_STATE).resolve("_delta_log"))),
                KillPoint.atLine("at the start of graph (resumed)", DAY + " graph: started"),
                KillPoint.atLine("at the start of score (resumed)", DAY + " score: started"),
                KillPoint.atLine("at the start of export (resumed)", DAY + " export: started"));
        for (int i = 0; i < points.size(); i++) {
            KillPoint point = points.get(i);
            String name = "killed-" + (i + 1);
            List<String> args = nightly(killed);
            if (i >= 3) {
                args.add("--resume");
            }
            Outcome outcome = follow(name, zhifang(name, args).start(), point);
            if (!outcome.killedByTest()) {
                fail("run " + name + " was to be killed " + point.name() + " but ended first with exit " + outcome.exit()
                        + "; log " + logs.resolve(name + ".log"));
            }
            String left = leftovers(Path.of(killed.root()));
            killLog.add(point.name() + ": killed; " + left);
            LOG.info("{} killed {}; {}", name, point.name(), left);
        }
        List<String> resume = nightly(killed);
        resume.add("--resume");
        resumed = follow("rerun", zhifang("rerun", resume).start(), null);
        assertEquals(0, resumed.exit(), "the rerun after the kills; log " + logs.resolve("rerun.log"));
    }

    @Test
    void ofTwoNightliesStartedTogetherOneIsRefusedAtOnceNamingTheHolder() {
        assertEquals(0, first.exit(), "one of the two runs finishes; logs in " + logs);
        assertEquals(1, second.exit(), "the other is refused with exit 1; logs in " + logs);
        String refusal = second.output().stream().filter(l -> l.startsWith("zhifang nightly failed:")).findFirst()
                .orElseThrow(() -> new AssertionError("no one-line failure message in " + second.output()));
        assertTrue(refusal.contains("is in use by nightly"), refusal);
        assertTrue(refusal.contains("pid " + first.pid()), "names the holder's process: " + refusal);
        assertTrue(second.finishedNanos() < first.finishedNanos(), "refused before the holder finished, not after waiting for it");
        assertFalse(second.output().stream().anyMatch(l -> l.startsWith("\tat ")), "no stack trace on the console");
    }

    @Test
    void aNightlyKilledAtEveryPointAndRerunEqualsACleanRun() throws IOException {
        Path cleanList = Path.of(clean.exportDir(DAY), ExportAction.CSV_FILE);
        Path killedList = Path.of(killed.exportDir(DAY), ExportAction.CSV_FILE);
        assertTrue(Files.size(cleanList) > 200, "the day lists suspects: " + Files.readString(cleanList));
        assertArrayEquals(Files.readAllBytes(cleanList), Files.readAllBytes(killedList), "suspects.csv, clean vs killed and rerun");

        Map<String, Long> cleanCounts = rowCounts(clean);
        Map<String, Long> killedCounts = rowCounts(killed);
        assertEquals(cleanCounts.keySet(), killedCounts.keySet(), "the same tables");
        cleanCounts.forEach((table, rows) -> {
            if (!table.equals(Tables.RUN_LOG)) {
                assertEquals(rows, killedCounts.get(table), "rows of " + table + " (kills: " + killLog + ")");
            }
        });
        LOG.info("kill points and what each left: {}", killLog);
        LOG.info("row counts, clean and after the kills: {}", cleanCounts);
    }

    /** Every killed run has a run-log row and a report saying INTERRUPTED, with the commits it made; the rerun SUCCEEDED. */
    @Test
    void everyKilledRunIsOnTheBooksAsInterrupted() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Map<String, Long> statuses = new TreeMap<>();
        spark.read().format("delta").load(killed.tablePath(Tables.RUN_LOG)).groupBy("status").count().collectAsList()
                .forEach(r -> statuses.put(r.getString(0), r.getLong(1)));
        assertEquals(Map.of("INTERRUPTED", 6L, "SUCCEEDED", 1L), statuses);
        ObjectMapper json = new ObjectMapper();
        int withCommits = 0;
        try (Stream<Path> reports = Files.list(Path.of(killed.root(), "runs"))) {
            for (Path report : reports.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                JsonNode r = json.readTree(report.toFile());
                if (r.get("status").asText().equals("INTERRUPTED")) {
                    assertTrue(r.at("/interrupted/found_by").isTextual(), report + ": " + r);
                    withCommits += r.at("/interrupted/committed").size() > 0 ? 1 : 0;
                }
            }
        }
        assertTrue(withCommits >= 5, "runs killed after ingest list the commits they made (" + withCommits + ")");
        // The plain rerun after the kill that followed ingest's merges: the records the killed run had
        // stored are accepted by it, not duplicates of the source, and the sum holds. (Reference
        // snapshots are replaced by every run, so their rows are the rerun's own: compare the events.)
        JsonNode cleanTotals = latestReport(clean, json, "SUCCEEDED").path("totals");
        JsonNode rerunTotals = null;
        try (Stream<Path> reports = Files.list(Path.of(killed.root(), "runs"))) {
            for (Path report : reports.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                JsonNode totals = json.readTree(report.toFile()).path("totals");
                if (totals.path("voice").path("accepted_by_interrupted_run").asLong() > 0) {
                    rerunTotals = totals;
                }
            }
        }
        assertTrue(rerunTotals != null, "a rerun counted records accepted by the interrupted run");
        for (String dataset : List.of("voice", "sms")) {
            JsonNode before = cleanTotals.path(dataset);
            JsonNode after = rerunTotals.path(dataset);
            assertEquals(before.get("read").asLong(), after.get("read").asLong(), dataset);
            assertEquals(before.get("accepted").asLong(), after.get("accepted").asLong(), dataset + ": " + after);
            assertEquals(before.get("accepted").asLong(), after.get("accepted_by_interrupted_run").asLong(), dataset + ": " + after);
            assertEquals(before.get("duplicates").asLong(), after.get("duplicates").asLong(),
                    dataset + ": only the source's own duplicates: " + after);
        }
        JsonNode last = latestReport(killed, json, "SUCCEEDED");
        assertEquals(List.of("ingest", "features", "graph", "score"), json.convertValue(last.get("stages_skipped"), List.class),
                "the last rerun resumed after the stages done before it: " + last);
        assertTrue(last.get("resumed_from").asText().startsWith("nightly-" + DAY), last.toString());
        try (Stream<Path> markers = Files.list(Path.of(killed.root(), "runs", "_running"))) {
            assertEquals(0, markers.count(), "no run is left marked as under way");
        }
    }

    private static JsonNode latestReport(Warehouse warehouse, ObjectMapper json, String status) throws IOException {
        try (Stream<Path> reports = Files.list(Path.of(warehouse.root(), "runs"))) {
            JsonNode latest = null;
            for (Path report : reports.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                JsonNode r = json.readTree(report.toFile());
                if (r.get("status").asText().equals(status)
                        && (latest == null || r.get("started_at").asText().compareTo(latest.get("started_at").asText()) > 0)) {
                    latest = r;
                }
            }
            assertTrue(latest != null, "a " + status + " report");
            return latest;
        }
    }

    /** A wrong --landing is a usage error: exit 2, one line, and no warehouse folder. */
    @Test
    void aMissingLandingFolderExits2WithoutCreatingTheWarehouse() throws Exception {
        Path warehouse = tmp.resolve("never-created");
        List<String> args = new ArrayList<>(List.of("nightly", "--landing", tmp.resolve("no-such-landing").toString(),
                "--warehouse", warehouse.toString(), "--date", DAY.toString()));
        Outcome outcome = follow("missing-landing", zhifang("missing-landing", args).start(), null);
        assertEquals(2, outcome.exit());
        assertTrue(outcome.output().stream().anyMatch(l -> l.contains("no-such-landing: no such folder")), outcome.output().toString());
        assertFalse(outcome.output().stream().anyMatch(l -> l.startsWith("\tat ")), "no stack trace: " + outcome.output());
        assertFalse(Files.exists(warehouse));
    }

    private static Map<String, Long> rowCounts(Warehouse warehouse) {
        SparkSession spark = SparkTestSession.get();
        Map<String, Long> counts = new TreeMap<>();
        for (String table : Schemas.tableNames()) {
            Path folder = Path.of(warehouse.tablePath(table), "_delta_log");
            if (Files.isDirectory(folder)) {
                counts.put(table, spark.read().format("delta").load(warehouse.tablePath(table)).count());
            }
        }
        return counts;
    }

    private static boolean anyDeltaLogFolder(Path tables) {
        if (!Files.isDirectory(tables)) {
            return false;
        }
        try (Stream<Path> folders = Files.list(tables)) {
            return folders.anyMatch(t -> Files.isDirectory(t.resolve("_delta_log")));
        } catch (IOException e) {
            return false;
        }
    }

    /** The table exists (version 0 committed) and Delta's temporary file of a further commit is there. */
    private static boolean commitInProgress(Path log) {
        if (!Files.exists(log.resolve("00000000000000000000.json"))) {
            return false;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp") || f.getFileName().toString().contains(".tmp."));
        } catch (IOException e) {
            return false;
        }
    }

    /** What a kill left: tables without a committed version, temporary commit files, runs marked under way. */
    private static String leftovers(Path warehouse) {
        List<String> found = new ArrayList<>();
        Path tables = warehouse.resolve("tables");
        if (Files.isDirectory(tables)) {
            try (Stream<Path> all = Files.list(tables)) {
                for (Path table : all.toList()) {
                    Path log = table.resolve("_delta_log");
                    try (Stream<Path> files = Files.isDirectory(log) ? Files.list(log) : Stream.empty()) {
                        List<String> names = files.map(f -> f.getFileName().toString()).toList();
                        if (names.stream().noneMatch(n -> n.matches("\\d{20}\\.json"))) {
                            found.add(table.getFileName() + " without a committed version " + names);
                        } else if (names.stream().anyMatch(n -> n.contains(".tmp"))) {
                            found.add(table.getFileName() + " with a temporary commit file");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path running = warehouse.resolve("runs").resolve("_running");
        if (Files.isDirectory(running)) {
            try (Stream<Path> markers = Files.list(running)) {
                found.add(markers.count() + " run(s) marked under way");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.isEmpty() ? "left nothing unusual" : "left " + String.join("; ", found);
    }

    private static List<String> nightly(Warehouse warehouse) {
        return new ArrayList<>(List.of("nightly", "--landing", landing.toString(), "--warehouse", warehouse.root(),
                "--date", DAY.toString()));
    }

    private static ProcessBuilder zhifang(String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts").resolve("zhifang").toString());
        command.addAll(args);
        // In target/it-killed, so what Spark drops in its working folder stays out of the checkout.
        ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toFile()).redirectErrorStream(true);
        builder.environment().put("ZHIFANG_SKIP_BUILD", "1");
        builder.environment().put("ZHIFANG_HEAP", "3g");
        builder.environment().put("ZHIFANG_LOG", logs.resolve(name + ".full.log").toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder;
    }

    /**
     * Follows a run's output into {@code <name>.log}; with a kill point, polls the warehouse's files
     * every millisecond and kills the process (SIGKILL) the moment the point is reached.
     */
    private static Outcome follow(String name, Process process, KillPoint point) throws Exception {
        AtomicReference<Boolean> killedByTest = new AtomicReference<>(false);
        List<String> output = new ArrayList<>();
        Path warehouse = Path.of(killed.root());
        Thread watcher = null;
        if (point != null) {
            watcher = new Thread(() -> {
                while (process.isAlive()) {
                    if (point.files().test(warehouse)) {
                        kill(process, killedByTest);
                        return;
                    }
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "kill-watch-" + name);
            watcher.setDaemon(true);
            watcher.start();
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(logs.resolve(name + ".log"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                log.println(line);
                synchronized (output) {
                    output.add(line);
                }
                if (point != null && point.line().test(line)) {
                    kill(process, killedByTest);
                }
            }
        } catch (IOException e) {
            if (!killedByTest.get()) {   // killing the process closes its output under the reader
                throw e;
            }
        }
        if (!process.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            fail(name + " timed out after " + RUN_TIMEOUT + "; log " + logs.resolve(name + ".log"));
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        long finished = System.nanoTime();
        LOG.info("{}: exit {}{}", name, process.exitValue(), killedByTest.get() ? " (killed by the test)" : "");
        return new Outcome(process.exitValue(), killedByTest.get(), List.copyOf(output), process.pid(), finished);
    }

    private static Outcome followUnchecked(String name, Process process) {
        try {
            return follow(name, process, null);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    private static synchronized void kill(Process process, AtomicReference<Boolean> killedByTest) {
        if (process.isAlive() && !killedByTest.get()) {
            killedByTest.set(true);
            process.destroyForcibly();   // SIGKILL: no shutdown hook, no finally block runs
        }
    }
}
