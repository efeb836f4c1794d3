package com.zhifang.features.testing;

import com.zhifang.features.spark.ZhifangSessions;
import org.apache.spark.sql.SparkSession;

import java.time.ZoneId;
import java.util.Map;

/**
 * One SparkSession per test JVM (Surefire reuses one fork per module), configured exactly like the
 * product's ({@link ZhifangSessions}) but small: {@code local[2]}, two shuffle partitions, no UI.
 * Never stopped by tests; the JVM's exit stops it.
 *
 * <p>Always run as the product runs a small embedded day ({@link ZhifangSessions#fitToDay}): no
 * adaptive execution and no generated code at all (no whole-stage code generation, and
 * expressions, projections and predicates evaluated by their interpreted forms). Test data is tiny
 * and nearly every query is new, so compiling generated code (Janino in the tasks, then the JIT)
 * costs more than it saves: a graph test class ran 18% faster without whole-stage code generation;
 * on top of that, interpreted expressions took {@code FeaturesActionTest} from 214 s to 163 s and
 * {@code RingsTest} from 46 s to 40 s (one run each, 2026-11-29), while whole-stage code generation
 * on made both slower (222 s, 59 s). Results do not depend on it: the cluster integration test
 * compares an embedded nightly of a small day with a cluster's, which has generated code.
 */
public final class SparkTestSession {
    public static final ZoneId CARRIER_ZONE = ZoneId.of("Asia/Shanghai");
    private static SparkSession session;

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            session = ZhifangSessions.open("zhifang-tests", "local[2]", CARRIER_ZONE, false, Map.of(
                    "spark.sql.shuffle.partitions", "2",
                    "spark.default.parallelism", "2",
                    "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1",
                    "spark.sql.adaptive.coalescePartitions.initialPartitionNum", "2",
                    "spark.databricks.delta.snapshotPartitions", "1",
                    "spark.sql.adaptive.enabled", "false",
                    "spark.sql.codegen.wholeStage", "false",
                    "spark.sql.codegen.factoryMode", "NO_CODEGEN",
                    "spark.ui.enabled", "false"));
        }
        return session;
    }
}
