package com.zhifang.jobs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stated direction of the code's packages, lowest first: a package may import only the
 * packages above it in {@link #DIRECTION} (and itself), so there is no import cycle and the modules
 * keep their order (jobs -> models -> features; testkit and benchmarks outside the product). A new
 * package must be placed in the list. Reads every main source file of every module.
 */
class PackageDirectionTest {
    static final List<String> DIRECTION = List.of(
            "features",                 // version, hashes: no dependencies
            "features.schema",          // table and column names, rows by name
            "features.domain",          // the contract's vocabulary as types
            "features.phone",
            "features.ingest.csv",
            "features.spark",
            "features.reference",
            "features.behaviour",
            "features.graph",
            "features.catalog",         // table schemas, built from the behaviour and graph definitions
            "features.ingest",
            "models.rules",
            "models.detect",
            "models.rank",
            "models.handover",         // the police worklist and the 12321 feed, beside the ranked list
            "models.train",
            "models.evaluate",
            "jobs.io",
            "jobs.stage",               // the stage contract
            "jobs.run",                 // run reports, built from stage results
            "jobs.ingest",
            "jobs.features",
            "jobs.graph",
            "jobs.score",
            "jobs.export",
            "jobs.optimize",
            "jobs.train",
            "jobs.notebook",
            "jobs.nightly",
            "jobs.cli",
            "testkit.generate",         // not the product: generator
            "benchmarks.sichuan",       // not the product: benchmarks and studies
            "benchmarks",
            "benchmarks.small",         // the sample week's fixed cost, built on benchmarks' I/O floor
            "benchmarks.cli");

    private static final Pattern PACKAGE = Pattern.compile("^package com\\.zhifang\\.([a-z0-9.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?com\\.zhifang\\.([a-z0-9.]+)\\.[A-Z]", Pattern.MULTILINE);

    @Test
    void everyImportFollowsTheStatedDirection() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> violations = new ArrayList<>();
        TreeSet<String> unplaced = new TreeSet<>();
        int files = 0;
        for (String module : List.of("features", "models", "jobs", "testkit", "benchmarks")) {
            try (Stream<Path> sources = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    String text = Files.readString(source);
                    Matcher pkg = PACKAGE.matcher(text);
                    assertTrue(pkg.find(), source + " has no com.zhifang package");
                    String own = pkg.group(1);
                    int ownRank = DIRECTION.indexOf(own);
                    if (ownRank < 0) {
                        unplaced.add(own);
                        continue;
                    }
                    Matcher imports = IMPORT.matcher(text);
                    while (imports.find()) {
                        String imported = imports.group(1);
                        int rank = DIRECTION.indexOf(imported);
                        if (rank < 0) {
                            unplaced.add(imported);
                        } else if (rank > ownRank) {
                            violations.add(root.relativize(source) + ": " + own + " imports " + imported + ", which comes after it");
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "read the sources under " + root + " (" + files + " files)");
        assertEquals(List.of(), List.copyOf(unplaced), "packages not placed in the stated direction");
        assertEquals(List.of(), violations, "imports against the stated direction");
    }
}
