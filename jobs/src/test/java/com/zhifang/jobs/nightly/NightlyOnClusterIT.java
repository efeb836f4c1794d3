package com.zhifang.jobs.nightly;

import com.zhifang.features.ingest.csv.CsvRecord;
import com.zhifang.features.ingest.csv.Rfc4180Reader;
import com.zhifang.jobs.export.ExportAction;
import com.zhifang.jobs.io.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.schema.ScoreColumns.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The nightly on the committed sample data gives the same suspect list embedded (the README's
 * {@code scripts/zhifang}: local Spark in one JVM) as submitted with {@code scripts/submit} (the
 * shaded jar, spark-submit) to a Spark standalone cluster started by {@code scripts/cluster}: same
 * entities, ranks and scores. It catches what only a cluster shows: classes missing from the shaded
 * jar, code that only works when driver and executors share a JVM, results that depend on it.
 *
 * <p>Cost: the most expensive check of {@code mvn verify} (see the README for the measured minutes
 * on 2 cores), so it runs one day (2026-11-07, its missing prior states bootstrapped) and not the
 * sample week. The two legs run one after the other: side by side (the embedded leg during the
 * cluster's start and the submitted leg) they took longer on 2 cores, 756 s against 662 s
 * (2026-12-02; the embedded leg 749 s against 244 s, the submitted one 722 s against 393 s).
 * Run by Failsafe in the jobs module's integration-test phase, after the jars and
 * {@code target/classpath.txt} are packaged; the scripts are told not to build
 * ({@code ZHIFANG_SKIP_BUILD=1}), so no nested Maven touches the target folder of this build.
 *
 * <p>Assumes bash and a JDK 17 {@code java} on the PATH (what the scripts use) and free loopback
 * ports. The cluster gets its own state folder and a free master port, so a cluster left over by an
 * earlier run cannot serve this one; it is stopped after the test whatever happens. Every script's
 * output goes to {@code target/it-cluster/*.log}; a failing step quotes the tail of its log.
 */
class NightlyOnClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyOnClusterIT.class);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 7);
    /**
     * Both legs run the same zhifang command line with the same Spark settings: the partitioning
     * an embedded run picks on 2 cores (4 shuffle partitions, not coalesced, no adaptive
     * execution), stated explicitly because a cluster's defaults (200 shuffle partitions, 50 Delta
     * snapshot partitions, a job per shuffle stage) would only add minutes of empty tasks. Code
     * generation is left to each leg: the embedded one runs the small day without generated code,
     * the cluster with it ({@code ZhifangSessions.fitToDay}), so the check also holds the two
     * execution modes to the same list.
     */
    private static final List<String> SPARK_SETTINGS = List.of(
            "--conf", "spark.sql.shuffle.partitions=4",
            "--conf", "spark.sql.adaptive.enabled=false",
            "--conf", "spark.sql.adaptive.coalescePartitions.enabled=false",
            "--conf", "spark.databricks.delta.snapshotPartitions=4");
    private static final Duration LEG_TIMEOUT = Duration.ofMinutes(25);
    private static final Duration CLUSTER_START_TIMEOUT = Duration.ofMinutes(4);
    private static final int LOG_TAIL_LINES = 40;

    /** Kept when the test fails, for a look at both warehouses. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path tmp;
    static Path root;
    static Path logs;
    static Path clusterState;
    static int masterPort;
    static boolean clusterStarted;
    static Warehouse embedded;
    static Warehouse submitted;

    @BeforeAll
    static void runBothLegs() throws Exception {
        root = Path.of(System.getProperty("zhifang.root", "..")).toAbsolutePath().normalize();
        logs = Path.of("target", "it-cluster").toAbsolutePath();
        clusterState = logs.resolve("cluster");
        masterPort = freePort();
        Files.createDirectories(logs);
        embedded = new Warehouse(tmp.resolve("embedded").toString());
        submitted = new Warehouse(tmp.resolve("cluster").toString());

        run("embedded nightly", logs.resolve("embedded.log"), LEG_TIMEOUT, script("zhifang", nightly(embedded)));

        // A pid file here is a cluster an interrupted run left behind: stop exactly its processes first.
        run("cluster stop (leftovers)", logs.resolve("cluster-stop-leftovers.log"), CLUSTER_START_TIMEOUT, script("cluster", List.of("stop")));
        clusterStarted = true;
        List<String> started = run("cluster start", logs.resolve("cluster-start.log"), CLUSTER_START_TIMEOUT,
                script("cluster", List.of("start")));
        String master = started.stream().map(String::strip).filter(l -> l.startsWith("spark://")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("scripts/cluster start printed no master URL: " + started));
        List<String> submit = new ArrayList<>(List.of("--master", master));
        submit.addAll(nightly(submitted));
        run("submitted nightly", logs.resolve("submit.log"), LEG_TIMEOUT, script("submit", submit));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (clusterStarted) {
            run("cluster stop", logs.resolve("cluster-stop.log"), CLUSTER_START_TIMEOUT, script("cluster", List.of("stop")));
        }
    }

    @Test
    void theClusterListsTheSameEntitiesWithTheSameRanksAndScores() {
        List<String> local = list(embedded);
        List<String> cluster = list(submitted);
        assertFalse(local.isEmpty(), "the sample day lists suspects embedded");
        assertEquals(local, cluster, "exported suspects of " + DAY + " (rank entity_type entity_id score): embedded vs cluster");
    }

    /**
     * The day's exported list ({@code <warehouse>/exports/<D>/suspects.csv}, what the police liaison
     * receives) in rank order, one "rank type id score" line per entity. Read as plain CSV, so the
     * comparison needs no Spark session of its own. Reasons are left out on purpose: their 7-day
     * distinct counts are HyperLogLog estimates, which can shift with how rows are partitioned and
     * ordered, so a cluster run may read "612 distinct callees" where the embedded run read 611
     * (seen on this day).
     */
    private static List<String> list(Warehouse warehouse) {
        Path csv = Path.of(warehouse.exportDir(DAY), ExportAction.CSV_FILE);
        List<String> lines = new ArrayList<>();
        try (Rfc4180Reader reader = new Rfc4180Reader(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            CsvRecord header = reader.next();
            assertNotNull(header, csv + " is empty");
            assertEquals(List.of(RANK, ENTITY_TYPE, ENTITY_ID, SCORE), header.fields().subList(0, 4), csv + ": the spec's first columns");
            for (CsvRecord row = reader.next(); row != null; row = reader.next()) {
                lines.add(String.join(" ", row.fields().subList(0, 4)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(csv.toString(), e);
        }
        return lines;
    }

    private static List<String> nightly(Warehouse warehouse) {
        List<String> args = new ArrayList<>(List.of("nightly", "--landing", root.resolve("sample-data/landing").toString(),
                "--warehouse", warehouse.root(), "--from", DAY.toString(), "--to", DAY.toString()));
        args.addAll(SPARK_SETTINGS);
        return args;
    }

    private static ProcessBuilder script(String name, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts").resolve(name).toString());
        command.addAll(args);
        // In target/it-cluster, so what Spark drops in its working folder (spark-warehouse/) stays out of the checkout.
        ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toFile());
        builder.environment().put("ZHIFANG_SKIP_BUILD", "1");
        builder.environment().put("ZHIFANG_CLUSTER_DIR", clusterState.toString());
        builder.environment().put("ZHIFANG_MASTER_PORT", String.valueOf(masterPort));
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder;
    }

    /** Runs a script with its output (stdout and stderr) in {@code log}; fails quoting the log's tail unless it exits 0 in time. */
    private static List<String> run(String step, Path log, Duration timeout, ProcessBuilder builder) throws Exception {
        long started = System.nanoTime();
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("{}: {} in {} s (log {})", step, finished ? "exit " + process.exitValue() : "timed out", took.toSeconds(), log);
        List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (!finished || process.exitValue() != 0) {
            String tail = String.join("\n", output.subList(Math.max(0, output.size() - LOG_TAIL_LINES), output.size()));
            fail(step + (finished ? " exited " + process.exitValue() : " timed out after " + timeout) + "; " + builder.command()
                    + "\nlast lines of " + log + ":\n" + tail);
        }
        return output;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
