package com.zhifang.jobs.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The exclusive right to write a warehouse: one writing command at a time. Read-only commands
 * ({@code sql}, {@code evaluate}) take none.
 *
 * <p>Layout, under {@code <warehouse>/_lease/}:
 * <pre>
 *   lease.json                      the holder: lease id, command, host, process id, start time
 *   beat-&lt;lease id&gt;-&lt;epoch ms&gt;     the holder's heartbeats, a new file each beat, the older ones deleted
 * </pre>
 * The lease file is created only if absent, in one step: {@code O_EXCL} on a local folder, the name
 * node's create-if-absent on HDFS, a conditional create where an object store offers it (S3A needs
 * its conditional writes, {@code fs.s3a.create.conditional.enabled}; ABFS and GCS create
 * exclusively). Of two runs that start together exactly one creates it; the other reads the holder
 * and fails naming it. Heartbeats are separate files so the lease file itself is never rewritten:
 * a reader sees the holder or no holder, never a half-written one.
 *
 * <p>A holder whose newest heartbeat is older than {@code staleAfter} (by the taker's clock; hosts'
 * clocks are assumed to agree within a heartbeat interval, as NTP keeps them) is presumed dead, and
 * so is one that ran on this host and whose process is gone (a run killed here is rerun at once,
 * without waiting for its lease to go stale): the next run moves its lease file aside to {@code taken-over-<new lease id>.json} (a rename, which
 * only one of several racing takers wins on HDFS and a local folder) and creates its own. The
 * holder's heartbeat notices when the lease is no longer its own, and {@link #ensureHeld()} then
 * fails its next step instead of letting two writers continue.
 */
public final class WarehouseLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLease.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FOLDER = "_lease";
    static final String LEASE_FILE = "lease.json";
    private static final String BEAT_PREFIX = "beat-";

    /** Lease settings: how often the holder beats and after how long without a beat it is presumed dead. */
    public record Settings(Duration heartbeatEvery, Duration staleAfter) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(30), Duration.ofMinutes(10));

        public Settings {
            Objects.requireNonNull(heartbeatEvery, "heartbeatEvery");
            Objects.requireNonNull(staleAfter, "staleAfter");
            if (heartbeatEvery.isNegative() || heartbeatEvery.isZero()) {
                throw new IllegalArgumentException("heartbeat interval must be positive, got " + heartbeatEvery);
            }
            if (staleAfter.compareTo(heartbeatEvery.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("a lease must be allowed at least two heartbeats (" + heartbeatEvery.multipliedBy(2)
                        + ") before it is stale, got " + staleAfter);
            }
        }
    }

    /** Who holds (or held) the lease, as written in {@code lease.json}. */
    public record Holder(String leaseId, String command, String host, long pid, Instant startedAt) {
        /** One line for people: {@code nightly lease nightly-2026-11-07-... on host h (pid 4242) since 2026-11-08T02:14:00Z}. */
        public String describe() {
            return command + " (lease " + leaseId + ") on host " + host + ", pid " + pid + ", since " + startedAt;
        }

        byte[] toJson() throws IOException {
            return JSON.writeValueAsBytes(Map.of("lease_id", leaseId, "command", command, "host", host,
                    "pid", pid, "started_at", startedAt.toString()));
        }

        static Holder fromJson(byte[] json) throws IOException {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.hasNonNull("lease_id") || !n.hasNonNull("started_at")) {
                throw new IOException("not a lease");
            }
            try {
                return new Holder(n.get("lease_id").asText(), n.path("command").asText(), n.path("host").asText(),
                        n.path("pid").asLong(), Instant.parse(n.get("started_at").asText()));
            } catch (DateTimeParseException e) {
                throw new IOException("not a lease: " + e.getMessage(), e);
            }
        }
    }

    private final FileSystem fs;
    private final Path folder;
    private final Holder holder;
    private final Holder tookOverFrom;
    private final Clock clock;
    private final ScheduledExecutorService heartbeat;
    private volatile String lostTo;
    private volatile Path lastBeat;

    private WarehouseLease(FileSystem fs, Path folder, Holder holder, Holder tookOverFrom, Clock clock, Settings settings) {
        this.fs = fs;
        this.folder = folder;
        this.holder = holder;
        this.tookOverFrom = tookOverFrom;
        this.clock = clock;
        beat();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhifang-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = settings.heartbeatEvery().toMillis();
        heartbeat.scheduleAtFixedRate(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the warehouse's lease for {@code command}, or fails at once naming the live holder.
     *
     * @throws WarehouseInUseException when another run holds the lease and has beaten within {@code staleAfter}
     */
    public static WarehouseLease acquire(Configuration hadoopConf, Warehouse warehouse, String command, Settings settings, Clock clock) {
        Instant now = clock.instant();
        Holder me = new Holder(command + "-" + now.toEpochMilli() + "-" + pid(), command, host(), pid(), now);
        try {
            Path folder = new Path(warehouse.root(), FOLDER);
            FileSystem fs = folder.getFileSystem(hadoopConf);
            fs.mkdirs(folder);
            Path lease = new Path(folder, LEASE_FILE);
            if (createExclusive(fs, lease, me.toJson())) {
                LOG.info("warehouse {}: lease taken by {}", warehouse.root(), me.describe());
                return new WarehouseLease(fs, folder, me, null, clock, settings);
            }
            Holder current = readHolder(fs, lease).orElse(null);
            if (current == null) {
                // Removed between our create and our read (its holder finished): try once more.
                if (createExclusive(fs, lease, me.toJson())) {
                    return new WarehouseLease(fs, folder, me, null, clock, settings);
                }
                throw new WarehouseInUseException(warehouse.root(), "another run that is starting", null);
            }
            Instant lastBeat = lastBeat(fs, folder, current).orElse(current.startedAt());
            Duration silent = Duration.between(lastBeat, now);
            boolean gone = processIsGone(current);
            if (!gone && silent.compareTo(settings.staleAfter()) < 0) {
                throw new WarehouseInUseException(warehouse.root(), current.describe(),
                        "last heartbeat " + lastBeat + "; wait for it to finish, or if that process is gone, rerun after "
                                + settings.staleAfter().toMinutes() + " minutes without a heartbeat (at "
                                + lastBeat.plus(settings.staleAfter()) + ") to take its lease over");
            }
            Path aside = new Path(folder, "taken-over-" + me.leaseId() + ".json");
            if (!fs.rename(lease, aside) || !createExclusive(fs, lease, me.toJson())) {
                throw new WarehouseInUseException(warehouse.root(), "another run taking over the stale lease of " + current.describe(), null);
            }
            for (FileStatus stale : beats(fs, folder, current)) {
                fs.delete(stale.getPath(), false);
            }
            LOG.warn("warehouse {}: took over the lease of {}, {} (last heartbeat {})", warehouse.root(), current.describe(),
                    gone ? "whose process is gone from this host" : "silent for " + silent.toSeconds() + " s", lastBeat);
            return new WarehouseLease(fs, folder, me, current, clock, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lease of warehouse " + warehouse.root() + ": " + e.getMessage(), e);
        }
    }

    public Holder holder() {
        return holder;
    }

    /** The stale holder this lease was taken from, if any (the run report says so). */
    public Optional<Holder> tookOverFrom() {
        return Optional.ofNullable(tookOverFrom);
    }

    /**
     * Fails when the lease is no longer this run's (another run took it over after this one's
     * heartbeats stopped, a paused JVM for example): called before each step that writes.
     */
    public void ensureHeld() {
        if (lostTo != null) {
            throw new IllegalStateException("the warehouse lease " + holder.leaseId() + " was taken over by " + lostTo
                    + " while this run was not heartbeating; stopping so that two runs do not write together");
        }
    }

    /** Stops the heartbeat and releases the lease if it is still this run's. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            Path lease = new Path(folder, LEASE_FILE);
            Optional<Holder> current = readHolder(fs, lease);
            if (current.isPresent() && current.get().leaseId().equals(holder.leaseId())) {
                fs.delete(lease, false);
            }
            for (FileStatus beat : beats(fs, folder, holder)) {
                fs.delete(beat.getPath(), false);
            }
            LOG.info("warehouse lease {} released", holder.leaseId());
        } catch (IOException e) {
            LOG.warn("could not release the warehouse lease {} (the next run takes it over once stale): {}", holder.leaseId(), e.toString());
        }
    }

    private void beatQuietly() {
        try {
            Optional<Holder> current = readHolder(fs, new Path(folder, LEASE_FILE));
            if (current.isEmpty() || !current.get().leaseId().equals(holder.leaseId())) {
                lostTo = current.map(Holder::describe).orElse("nobody (the lease file was removed)");
                LOG.error("warehouse lease {} lost to {}", holder.leaseId(), lostTo);
                heartbeat.shutdown();
                return;
            }
            beat();
        } catch (RuntimeException | IOException e) {
            LOG.warn("warehouse lease {}: heartbeat failed, will retry: {}", holder.leaseId(), e.toString());
        }
    }

    /** A new beat file, then the previous one deleted: at every moment at least one beat is listed. */
    private void beat() {
        Path next = new Path(folder, BEAT_PREFIX + holder.leaseId() + "-" + clock.millis());
        try {
            try (FSDataOutputStream out = fs.create(next, true)) {
                out.write(new byte[0]);
            }
            Path previous = lastBeat;
            lastBeat = next;
            if (previous != null && !previous.equals(next)) {
                fs.delete(previous, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write heartbeat " + next, e);
        }
    }

    private static Optional<Instant> lastBeat(FileSystem fs, Path folder, Holder holder) throws IOException {
        return beats(fs, folder, holder).stream()
                .map(s -> Instant.ofEpochMilli(Long.parseLong(s.getPath().getName().substring((BEAT_PREFIX + holder.leaseId() + "-").length()))))
                .max(Comparator.naturalOrder());
    }

    private static List<FileStatus> beats(FileSystem fs, Path folder, Holder holder) throws IOException {
        String prefix = BEAT_PREFIX + holder.leaseId() + "-";
        return Arrays.stream(fs.listStatus(folder))
                .filter(s -> s.getPath().getName().startsWith(prefix) && s.getPath().getName().substring(prefix.length()).matches("\\d+"))
                .toList();
    }

    /**
     * The holder in the lease file; empty when there is none. A file being written by a run that
     * is creating it reads as empty or cut short; it is read again after a moment.
     */
    static Optional<Holder> readHolder(FileSystem fs, Path lease) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] content;
            try (FSDataInputStream in = fs.open(lease)) {
                content = in.readAllBytes();
            } catch (FileNotFoundException e) {
                return Optional.empty();
            }
            try {
                return Optional.of(Holder.fromJson(content));
            } catch (IOException unreadable) {
                if (attempt == 4) {
                    throw new IOException("lease file " + lease + " is not a lease (" + new String(content, StandardCharsets.UTF_8)
                            + "); if no run is active, delete it", unreadable);
                }
                sleep(200);
            }
        }
    }

    /** Creates {@code path} with {@code content} only if it does not exist; false when it does. */
    private static boolean createExclusive(FileSystem fs, Path path, byte[] content) throws IOException {
        // Hadoop's local file system checks for the file and then creates it (two steps); O_EXCL is one.
        FileSystem raw = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
        if (raw instanceof RawLocalFileSystem rawLocal) {
            try {
                Files.write(rawLocal.pathToFile(path).toPath(), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (FSDataOutputStream out = fs.create(path, false)) {
            out.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Whether the holder is known to be dead without waiting: it ran on this host and no process
     * with its id is alive, or the one alive started after the lease (the id was reused). A holder
     * on another host (or on one named {@code localhost}, a name that does not tell hosts apart)
     * is judged by its heartbeats only.
     */
    static boolean processIsGone(Holder holder) {
        String here = host();
        if (holder.host().isBlank() || holder.host().equals("localhost") || !holder.host().equals(here)) {
            return false;
        }
        return ProcessHandle.of(holder.pid())
                .map(p -> !p.isAlive() || p.info().startInstant().map(started -> started.isAfter(holder.startedAt())).orElse(false))
                .orElse(true);
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
