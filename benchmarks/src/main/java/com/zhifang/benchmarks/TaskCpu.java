package com.zhifang.benchmarks;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;

import java.util.concurrent.atomic.AtomicLong;

/**
 * CPU time Spark's tasks spent, summed over completed stages since the last {@link #reset()}.
 * On a shared machine wall time depends on the neighbours; task CPU time much less so, which makes
 * stage-to-floor ratios of CPU the steadier comparison. Driver-side work (planning, Delta commits)
 * is not in it.
 */
final class TaskCpu extends SparkListener {
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong stages = new AtomicLong();

    static TaskCpu register(SparkContext context) {
        TaskCpu listener = new TaskCpu();
        context.addSparkListener(listener);
        return listener;
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
        cpuNanos.addAndGet(event.stageInfo().taskMetrics().executorCpuTime());
        stages.incrementAndGet();
    }

    void reset() {
        settle();
        cpuNanos.set(0);
    }

    /** Seconds since {@link #reset()}, once the asynchronous listener bus has gone quiet. */
    double seconds() {
        settle();
        return cpuNanos.get() / 1e9;
    }

    /** Listener events arrive after the jobs end: wait until no stage completion came in for half a second (at most 10 s). */
    private void settle() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long seen = -1;
        while (System.nanoTime() < deadline && seen != stages.get()) {
            seen = stages.get();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
