package com.zhifang.jobs.cli;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options Spark's own launcher adds on Java 17 ({@code --add-opens} and friends), for
 * scripts that start a JVM running Spark without going through spark-submit.
 */
public final class PrintSparkJvmOptions {
    private PrintSparkJvmOptions() {}

    public static void main(String[] args) {
        System.out.println(JavaModuleOptions.defaultModuleOptions());
    }
}
