package com.zhifang.models.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a day's suspect list against a generator truth file ({@code truth.csv}:
 * {@code entity_type, entity_id, label, pattern, kind, police_notified}).
 *
 * <p>Police-notified fraud is left out of both the list and K: the police already know it, and the
 * list's worth is in what they do not. K = the number of remaining true fraud entities.
 * <ul>
 *   <li>precision@K: share of the list's top K that is true fraud;</li>
 *   <li>recall within 2K per pattern: share of each pattern's true fraud entities in the top 2K;</li>
 *   <li>legitimate heavy users in the top 2K: the look-alikes the domain notes name (couriers,
 *       ride-hail drivers, bank and courier private lines, OTP and parcel ports, roamers, spoofed
 *       numbers), and people forwarding a link many others forward (what the link-sharing spam
 *       rules must not list), are counted against the bar; other legitimate kinds (telemarketers,
 *       shops) are listed for the analyst but not counted.</li>
 * </ul>
 * Pure Java over the collected list (thousands of rows) and the truth file.
 */
public final class ListEvaluation {
    public static final Set<String> HEAVY_LOOKALIKES = Set.of("COURIER", "RIDE_HAIL_DRIVER", "BANK_CALL_CENTRE",
            "COURIER_PLATFORM", "OTP_PORT", "PARCEL_PORT", "ROAMER", "SPOOFED_VICTIM", "LINK_FORWARDER");

    /** One truth row. */
    public record Truth(String entityType, String entityId, boolean fraud, String pattern, String kind, boolean policeNotified) {
        String key() {
            return entityType + "/" + entityId;
        }
    }

    /** One row of the list, in rank order. */
    public record Listed(int rank, String entityType, String entityId, boolean policeNotified) {
        String key() {
            return entityType + "/" + entityId;
        }
    }

    /**
     * @param k                  true fraud entities not notified by police
     * @param precisionAtK       share of the top K that is true fraud
     * @param recallWithin2K     per pattern: found in the top 2K / true entities of the pattern
     * @param patternSizes       per pattern: true entities (not police-notified)
     * @param lookalikesIn2K     legitimate heavy users in the top 2K, "kind type/id @rank"
     * @param otherLegitIn2K     other legitimate entities in the top 2K (telemarketers, shops, ...)
     * @param listedRows         rows of the list after police-notified entities are left out
     */
    public record Result(int k, double precisionAtK, Map<String, Double> recallWithin2K, Map<String, Integer> patternSizes,
                         List<String> lookalikesIn2K, List<String> otherLegitIn2K, int listedRows) {
        /** Meets the issue's bar: precision@K >= 0.9, recall within 2K >= 0.9 for every pattern, <= 2 look-alikes. */
        public boolean meets(double minPrecision, double minRecall, int maxLookalikes) {
            return precisionAtK >= minPrecision && recallWithin2K.values().stream().allMatch(r -> r >= minRecall)
                    && lookalikesIn2K.size() <= maxLookalikes;
        }

        public String toMarkdown() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "K = %d (true fraud entities, police-notified left out); list rows = %d%n%n",
                    k, listedRows));
            sb.append(String.format(Locale.ROOT, "| metric | value |%n|---|---|%n| precision@K | %.3f |%n", precisionAtK));
            recallWithin2K.forEach((p, r) -> sb.append(String.format(Locale.ROOT, "| recall within 2K, %s (%d) | %.3f |%n",
                    p, patternSizes.get(p), r)));
            sb.append(String.format(Locale.ROOT, "| legitimate heavy users in top 2K | %d |%n", lookalikesIn2K.size()));
            sb.append(String.format(Locale.ROOT, "| other legitimate in top 2K | %d |%n", otherLegitIn2K.size()));
            if (!lookalikesIn2K.isEmpty()) {
                sb.append("\nlook-alikes in the top 2K: ").append(String.join(", ", lookalikesIn2K)).append('\n');
            }
            if (!otherLegitIn2K.isEmpty()) {
                sb.append("other legitimate in the top 2K: ").append(String.join(", ", otherLegitIn2K)).append('\n');
            }
            return sb.toString();
        }
    }

    private ListEvaluation() {
    }

    public static Result evaluate(List<Listed> list, List<Truth> truth) {
        Map<String, Truth> byKey = new HashMap<>();
        truth.forEach(t -> byKey.put(t.key(), t));
        List<Listed> kept = new ArrayList<>();
        for (Listed l : list) {
            Truth t = byKey.get(l.key());
            boolean knownToPolice = l.policeNotified() || (t != null && t.fraud() && t.policeNotified());
            if (!knownToPolice) {
                kept.add(l);
            }
        }
        Map<String, Integer> sizes = new TreeMap<>();
        for (Truth t : truth) {
            if (t.fraud() && !t.policeNotified()) {
                sizes.merge(t.pattern(), 1, Integer::sum);
            }
        }
        int k = sizes.values().stream().mapToInt(Integer::intValue).sum();
        int hits = 0;
        Map<String, Integer> found = new TreeMap<>();
        List<String> lookalikes = new ArrayList<>();
        List<String> otherLegit = new ArrayList<>();
        for (int i = 0; i < Math.min(kept.size(), 2 * k); i++) {
            Listed l = kept.get(i);
            Truth t = byKey.get(l.key());
            if (t != null && t.fraud() && !t.policeNotified()) {
                if (i < k) {
                    hits++;
                }
                found.merge(t.pattern(), 1, Integer::sum);
            } else if (t != null && !t.fraud()) {
                String what = t.kind() + " " + l.key() + " @" + l.rank();
                (HEAVY_LOOKALIKES.contains(t.kind()) ? lookalikes : otherLegit).add(what);
            }
        }
        Map<String, Double> recall = new LinkedHashMap<>();
        sizes.forEach((p, n) -> recall.put(p, found.getOrDefault(p, 0) / (double) n));
        return new Result(k, k == 0 ? 0.0 : hits / (double) k, recall, sizes, lookalikes, otherLegit, kept.size());
    }

    /** Reads a generator truth file. */
    public static List<Truth> readTruth(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty truth file");
            }
            List<String> header = List.of(lines.get(0).split(",", -1));
            int type = column(header, "entity_type", file), id = column(header, "entity_id", file), label = column(header, "label", file),
                    pattern = column(header, "pattern", file), kind = column(header, "kind", file),
                    police = column(header, "police_notified", file);
            List<Truth> truth = new ArrayList<>();
            for (int n = 1; n < lines.size(); n++) {
                if (lines.get(n).isBlank()) {
                    continue;
                }
                String[] f = lines.get(n).split(",", -1);
                if (f.length != header.size()) {
                    throw new IllegalArgumentException(file + " line " + (n + 1) + ": " + f.length + " fields, header has " + header.size());
                }
                truth.add(new Truth(f[type], f[id], "FRAUD".equals(f[label]), f[pattern], f[kind], Boolean.parseBoolean(f[police])));
            }
            return truth;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read truth file " + file, e);
        }
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + ": truth file lacks column " + name + " (has " + header + ")");
        }
        return i;
    }
}
