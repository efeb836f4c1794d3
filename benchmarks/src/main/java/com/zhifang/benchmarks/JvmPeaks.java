package com.zhifang.benchmarks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this JVM since the last {@link #reset()}: the heap pools' peak usage (summed, so
 * an upper bound of the peak heap in use) and, on Linux, the process's peak resident set
 * ({@code VmHWM}), which covers off-heap buffers too. Resetting {@code VmHWM} writes {@code 5} to
 * {@code /proc/self/clear_refs} (Linux 4.0+); where that is refused the resident peak is the
 * process's peak so far and is reported as such.
 */
final class JvmPeaks {
    private static final Logger LOG = LoggerFactory.getLogger(JvmPeaks.class);
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private JvmPeaks() {}

    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        if (Files.isWritable(CLEAR_REFS)) {
            try {
                Files.writeString(CLEAR_REFS, "5");
            } catch (IOException e) {
                LOG.debug("cannot reset the resident-set peak: {}", e.toString());
            }
        }
    }

    static long heapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Peak resident set in bytes, or -1 where {@code /proc/self/status} is not available. */
    static long residentBytes() {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
