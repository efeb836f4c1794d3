package com.zhifang.jobs.io;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One writer at a time: refusal naming the holder, release, stale take-over, and a race between two starters. */
class WarehouseLeaseTest {
    /**
     * The tests' lease start: after this JVM started, as a real holder's start is after its
     * process's (a holder on this host whose process started later is a reused process id).
     */
    static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    static final WarehouseLease.Settings HOURLY_BEAT = new WarehouseLease.Settings(Duration.ofHours(1), Duration.ofHours(3));
    static final Configuration HADOOP = new Configuration();

    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedNamingTheHolderUntilTheFirstReleases() throws Exception {
        Warehouse warehouse = new Warehouse(tmp.toString());
        MovableClock clock = new MovableClock(T0);
        try (WarehouseLease first = WarehouseLease.acquire(HADOOP, warehouse, "nightly", HOURLY_BEAT, clock)) {
            assertTrue(Files.readString(tmp.resolve("_lease/lease.json")).contains(first.holder().leaseId()));
            clock.set(T0.plus(Duration.ofMinutes(5)));
            WarehouseInUseException refused = assertThrows(WarehouseInUseException.class,
                    () -> WarehouseLease.acquire(HADOOP, warehouse, "features", HOURLY_BEAT, clock));
            assertTrue(refused.getMessage().contains(first.holder().leaseId()), refused.getMessage());
            assertTrue(refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());
            assertTrue(refused.getMessage().contains("since " + T0), refused.getMessage());
            assertTrue(refused.getMessage().contains("last heartbeat " + T0), refused.getMessage());
        }
        assertFalse(Files.exists(tmp.resolve("_lease/lease.json")));
        try (Stream beats = new Stream(tmp)) {
            assertEquals(0, beats.count(), "a released lease leaves no heartbeat");
        }
        try (WarehouseLease again = WarehouseLease.acquire(HADOOP, warehouse, "features", HOURLY_BEAT, clock)) {
            assertEquals("features", again.holder().command());
            assertTrue(again.tookOverFrom().isEmpty());
        }
    }

    @Test
    void aHolderSilentPastTheLimitIsTakenOverAndItsNextStepFails() throws Exception {
        Warehouse warehouse = new Warehouse(tmp.toString());
        WarehouseLease.Settings settings = new WarehouseLease.Settings(Duration.ofMillis(50), Duration.ofMinutes(10));
        // The first holder's clock stands still: its heartbeats keep the time it started, as a hung process's last one would.
        WarehouseLease stuck = WarehouseLease.acquire(HADOOP, warehouse, "nightly", settings, Clock.fixed(T0, ZoneOffset.UTC));
        try {
            MovableClock later = new MovableClock(T0.plus(Duration.ofMinutes(9)));
            assertThrows(WarehouseInUseException.class, () -> WarehouseLease.acquire(HADOOP, warehouse, "nightly", settings, later));
            later.set(T0.plus(Duration.ofMinutes(11)));
            try (WarehouseLease taker = WarehouseLease.acquire(HADOOP, warehouse, "nightly", settings, later)) {
                assertEquals(stuck.holder(), taker.tookOverFrom().orElseThrow());
                assertTrue(Files.exists(tmp.resolve("_lease/taken-over-" + taker.holder().leaseId() + ".json")));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!failsToHold(stuck) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                IllegalStateException lost = assertThrows(IllegalStateException.class, stuck::ensureHeld);
                assertTrue(lost.getMessage().contains(taker.holder().leaseId()), lost.getMessage());
                taker.ensureHeld();
                stuck.close();   // the old holder's release leaves the new lease in place
                assertTrue(Files.readString(tmp.resolve("_lease/lease.json")).contains(taker.holder().leaseId()));
            }
        } finally {
            stuck.close();
        }
    }

    /** A run killed on this host is rerun at once: its process is gone, so its fresh lease is taken over without waiting. */
    @Test
    void theLeaseOfAProcessGoneFromThisHostIsTakenOverAtOnce() throws Exception {
        Warehouse warehouse = new Warehouse(tmp.toString());
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        WarehouseLease.Holder dead = new WarehouseLease.Holder("nightly-dead", "nightly",
                java.net.InetAddress.getLocalHost().getHostName(), finished.pid(), T0);
        Files.createDirectories(tmp.resolve("_lease"));
        Files.write(tmp.resolve("_lease/lease.json"), dead.toJson());
        assertTrue(WarehouseLease.processIsGone(dead));
        try (WarehouseLease taker = WarehouseLease.acquire(HADOOP, warehouse, "nightly", HOURLY_BEAT, new MovableClock(T0.plusSeconds(5)))) {
            assertEquals(dead, taker.tookOverFrom().orElseThrow());
        }
        WarehouseLease.Holder elsewhere = new WarehouseLease.Holder("nightly-x", "nightly", "another-host", finished.pid(), T0);
        assertFalse(WarehouseLease.processIsGone(elsewhere), "a holder on another host is judged by its heartbeats");
        WarehouseLease.Holder me = new WarehouseLease.Holder("nightly-me", "nightly",
                java.net.InetAddress.getLocalHost().getHostName(), ProcessHandle.current().pid(), Instant.now());
        assertFalse(WarehouseLease.processIsGone(me), "a live holder is not gone");
    }

    @Test
    void ofTwoRunsStartingTogetherExactlyOneHoldsTheLease() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Warehouse warehouse = new Warehouse(tmp.resolve("w" + round).toString());
                CountDownLatch go = new CountDownLatch(1);
                Callable<WarehouseLease> start = () -> {
                    go.await();
                    try {
                        return WarehouseLease.acquire(HADOOP, warehouse, "nightly", HOURLY_BEAT, Clock.systemUTC());
                    } catch (WarehouseInUseException refused) {
                        return null;
                    }
                };
                List<Future<WarehouseLease>> runs = new ArrayList<>(List.of(pool.submit(start), pool.submit(start)));
                go.countDown();
                List<WarehouseLease> holders = new ArrayList<>();
                for (Future<WarehouseLease> run : runs) {
                    if (run.get() != null) {
                        holders.add(run.get());
                    }
                }
                assertEquals(1, holders.size(), "round " + round);
                holders.forEach(WarehouseLease::close);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void staleMustAllowTwoHeartbeats() {
        assertThrows(IllegalArgumentException.class, () -> new WarehouseLease.Settings(Duration.ofMinutes(1), Duration.ofSeconds(90)));
    }

    private static boolean failsToHold(WarehouseLease lease) {
        try {
            lease.ensureHeld();
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** The heartbeat files in the lease folder. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path warehouse) throws java.io.IOException {
            files = Files.list(warehouse.resolve("_lease")).filter(p -> p.getFileName().toString().startsWith("beat-"));
        }

        long count() {
            return files.count();
        }

        @Override
        public void close() {
            files.close();
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant at) {
            now.set(at);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
