package com.zhifang.benchmarks.small;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Delta commits under a folder: one {@code _delta_log/<version>.json} file per commit of each
 * table below it. The files that appear between two listings are the commits made in between, a
 * count that does not depend on the machine. Local folders only (the benchmark's work folder).
 */
final class DeltaCommitFiles {
    private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");
    /** {@code <root>/tables/<table>/_delta_log/<file>}: deep enough for the warehouse and the floor's tables. */
    private static final int DEPTH = 5;

    private DeltaCommitFiles() {}

    static Set<Path> under(Path root) {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(root, DEPTH)) {
            return files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("_delta_log")
                            && COMMIT.matcher(p.getFileName().toString()).matches())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Delta logs under " + root, e);
        }
    }
}
