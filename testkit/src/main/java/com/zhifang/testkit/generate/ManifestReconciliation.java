package com.zhifang.testkit.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhifang.features.ingest.FileCounts;
import com.zhifang.features.ingest.LandingDataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares what ingest reported with what the generator says it wrote ({@code generator-manifest.json}),
 * file by file: rows read, duplicates, and malformed rows per kind. The generator counts duplicates
 * in the order a day-by-day ingest meets them, so the two must agree exactly. Files ingest does not
 * read (a contract extension it does not know, such as {@code reference/ported.csv}) are skipped.
 */
public final class ManifestReconciliation {
    private ManifestReconciliation() {}

    /**
     * Mismatches, one readable line each; empty when everything agrees.
     *
     * @param ingested the file counts of every ingest run over the landing zone (all its days)
     */
    public static List<String> compare(Path manifest, List<FileCounts> ingested) throws IOException {
        JsonNode root = new ObjectMapper().readTree(manifest.toFile());
        Map<String, FileCounts> reported = new HashMap<>();
        for (FileCounts f : ingested) {
            reported.put(relativeToLandingRoot(f.file()), f);
        }
        List<String> mismatches = new ArrayList<>();
        for (JsonNode file : root.get("files")) {
            String path = file.get("path").asText();
            if (!ingestReads(path)) {
                continue;
            }
            FileCounts counts = reported.remove(path);
            if (counts == null) {
                mismatches.add(path + ": written by the generator, not reported by ingest");
                continue;
            }
            expect(mismatches, path, "rows read", file.get("rows").asLong(), counts.read());
            expect(mismatches, path, "duplicates", file.get("duplicate_rows").asLong(), counts.duplicates());
            Iterator<Map.Entry<String, JsonNode>> kinds = file.get("malformed_rows").fields();
            while (kinds.hasNext()) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                expect(mismatches, path, "malformed " + kind.getKey(), kind.getValue().asLong(),
                        counts.quarantinedByReason().getOrDefault(kind.getKey(), 0L));
            }
            expect(mismatches, path, "quarantined", file.get("malformed_total").asLong(), counts.quarantined());
        }
        reported.keySet().forEach(path -> mismatches.add(path + ": reported by ingest, not in the manifest"));
        return mismatches;
    }

    /**
     * Whether ingest reads a file at all: the generator may write contract extensions ingest does not know yet
     * ({@code reference/ported.csv}); those are not expected in its reports.
     */
    public static boolean ingestReads(String path) {
        String[] parts = path.split("/");
        if (parts.length < 2) {
            return true;
        }
        String folder = parts[parts.length - 2];
        String name = parts[parts.length - 1];
        for (LandingDataset dataset : LandingDataset.values()) {
            if (dataset.folder().equals(folder) && dataset.accepts(name)) {
                return true;
            }
        }
        return false;
    }

    private static void expect(List<String> mismatches, String path, String what, long manifest, long reported) {
        if (manifest != reported) {
            mismatches.add(String.format("%s: %s: generator wrote %d, ingest reported %d", path, what, manifest, reported));
        }
    }

    /** {@code file:/x/landing/2026-11-01/voice/a.csv} -> {@code 2026-11-01/voice/a.csv}. */
    static String relativeToLandingRoot(String file) {
        String[] parts = file.split("/");
        int n = parts.length;
        return n >= 3 ? parts[n - 3] + "/" + parts[n - 2] + "/" + parts[n - 1] : file;
    }
}
