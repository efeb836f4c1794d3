package com.zhifang.features.spark;

import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.apache.spark.sql.internal.SQLConf$;
import org.apache.spark.sql.internal.SQLConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Works around a Spark 4.2.0 cost on executors: gives each running task one SQL configuration
 * object instead of a new one per lookup.
 *
 * <p>Inside a task, {@code SQLConf.get} builds a new {@code ReadOnlySQLConf} from the task's local
 * properties on every call unless the thread has one set (Spark sets one only around some
 * calls). Spark 4.2's types framework looks the configuration up in {@code TypeOps.apply}, which
 * runs for every field of every new aggregation buffer ({@code SpecificInternalRow}) and every
 * interpreted array element read. In the features stage that is once per buffer field per entity
 * in the object-hash and sort-based aggregations (sketches, exact distinct sets, the day-state
 * assembly), a measurable share of the features stage's task time
 * ({@code docs/measurements/2026-11-29-features-stage-profiles.md}).
 *
 * <p>At task start (in the task's own thread, after Spark set the task context) this plugin makes
 * the one configuration {@code SQLConf.get} would build and keeps it in Spark's thread-local for
 * the task; at task end it removes it. The values are the same: a task's local properties do not
 * change while it runs. If a Spark version lacks the thread-local, the plugin logs that once and
 * does nothing.
 *
 * <p>Set by {@link ZhifangSessions} on every session ({@code spark.plugins}), embedded or on a
 * cluster (the class travels in the shaded jar).
 */
public final class TaskSqlConfPlugin implements SparkPlugin {
    private static final Logger LOG = LoggerFactory.getLogger(TaskSqlConfPlugin.class);

    /** {@code SQLConf}'s private thread-local of the configuration in force; null when absent. */
    private static final ThreadLocal<SQLConf> EXISTING_CONF = existingConf();

    @Override
    public DriverPlugin driverPlugin() {
        return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext ctx, Map<String, String> extraConf) {
                if (EXISTING_CONF == null) {
                    LOG.warn("SQLConf has no existingConf thread-local in this Spark version; per-task SQL configuration not cached");
                }
            }

            @Override
            public void onTaskStart() {
                if (EXISTING_CONF != null) {
                    EXISTING_CONF.remove();             // else SQLConf.get would return an earlier task's
                    EXISTING_CONF.set(SQLConf.get());   // built once from this task's properties
                }
            }

            @Override
            public void onTaskSucceeded() {
                clear();
            }

            @Override
            public void onTaskFailed(org.apache.spark.TaskFailedReason failureReason) {
                clear();
            }
        };
    }

    /** Whether tasks of this JVM get the cached configuration (false if the Spark version lacks the thread-local). */
    static boolean active() {
        return EXISTING_CONF != null;
    }

    private static void clear() {
        if (EXISTING_CONF != null) {
            EXISTING_CONF.remove();
        }
    }

    @SuppressWarnings("unchecked")
    private static ThreadLocal<SQLConf> existingConf() {
        try {
            // A lazy val: its accessor initialises it (the static field may still be null).
            Method accessor = SQLConf$.class.getDeclaredMethod("existingConf");
            accessor.setAccessible(true);
            return (ThreadLocal<SQLConf>) accessor.invoke(SQLConf$.MODULE$);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("no SQLConf.existingConf", e);
            return null;
        }
    }
}
