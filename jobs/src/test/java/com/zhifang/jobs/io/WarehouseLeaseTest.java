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
    static final Instant T0 = Instant.parse("2026-11-08T02:14:00Z");
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
            assertTrue(refused.getMessage().contains("since 2026-11-08T02:14:00Z"), refused.getMessage());
            assertTrue(refused.getMessage().contains("last heartbeat 2026-11-08T02:14:00Z"), refused.getMessage());
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
