package com.zhifang.jobs.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The jar given to {@code spark-submit} carries what a cluster's Spark lacks. The cluster nightly
 * ({@code NightlyOnClusterIT}) catches most omissions, but it never trains a model (the sample day
 * has no positives), so XGBoost's classes and native library are checked here; {@code zhifang
 * train} and a model-blended {@code score} were run on the local cluster by hand (docs/model.md).
 * Runs after {@code package}, on the built jar.
 */
class ShadedJarIT {
    @Test
    void carriesDeltaXgboostAndItsLinuxLibrariesOnly() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> shaded = files.filter(p -> p.getFileName().toString().matches("zhifang-jobs-.*-spark\\.jar")).toList();
            assertEquals(1, shaded.size(), "one shaded jar in target/: " + shaded);
            jar = shaded.get(0);
        }
        try (JarFile contents = new JarFile(jar.toFile())) {
            for (String entry : List.of(
                    "com/zhifang/jobs/cli/ZhifangCli.class",
                    "io/delta/tables/DeltaTable.class",
                    "ml/dmlc/xgboost4j/scala/spark/XGBoostClassifier.class",
                    "ml/dmlc/xgboost4j/java/XGBoostJNI.class",
                    "lib/linux/x86_64/libxgboost4j.so",
                    "lib/linux/aarch64/libxgboost4j.so")) {
                assertNotNull(contents.getEntry(entry), jar + " lacks " + entry);
            }
            assertTrue(contents.stream().noneMatch(e -> e.getName().startsWith("lib/windows/") || e.getName().startsWith("lib/macos/")),
                    "only Linux libraries are bundled");
            for (String sparksOwn : List.of("org/apache/spark/SparkContext.class", "org/apache/spark/sql/classic/SparkSession.class",
                    "org/apache/spark/ml/Pipeline.class")) {
                assertNull(contents.getEntry(sparksOwn), "Spark itself is the cluster's, never bundled: " + sparksOwn);
            }
            // The product only: the generator, the benchmarks and the Sichuan study live in modules of their own.
            List<String> notTheProduct = contents.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("com/zhifang/testkit/") || name.startsWith("com/zhifang/benchmarks/")
                            || name.startsWith("org/duckdb/") || name.contains("/generate/") || name.toLowerCase(Locale.ROOT).contains("sichuan"))
                    .toList();
            assertEquals(List.of(), notTheProduct, "the product jar holds no generator, benchmark or study class");
        }
    }
}
