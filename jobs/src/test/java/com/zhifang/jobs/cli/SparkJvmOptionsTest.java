package com.zhifang.jobs.cli;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pom's Surefire argLine must carry every JVM option Spark's launcher would add. */
class SparkJvmOptionsTest {
    @Test
    void testJvmRunsWithSparksOwnModuleOptions() {
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> missing = List.of(JavaModuleOptions.defaultModuleOptionArray()).stream()
                .filter(option -> !jvmArgs.contains(option) && !jvmArgs.contains(option.replace("=", " ")))
                .filter(option -> !option.startsWith("--add-opens") || !jvmArgs.contains(option.replace("--add-opens=", "--add-opens ")))
                .toList();
        assertEquals(List.of(), missing, "add these to spark.jvm.options in the parent pom");
    }
}
