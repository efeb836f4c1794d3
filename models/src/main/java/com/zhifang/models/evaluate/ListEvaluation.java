package com.zhifang.models.evaluate;

import com.zhifang.features.domain.EntityType;
import com.zhifang.features.schema.RequiredColumns;
import com.zhifang.models.rules.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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

import static com.zhifang.features.schema.FeatureColumns.POLICE_NOTIFIED;
import static com.zhifang.features.schema.RecordColumns.ENTITY_ID;
import static com.zhifang.features.schema.RecordColumns.ENTITY_TYPE;
import static com.zhifang.features.schema.ScoreColumns.PATTERNS;
import static com.zhifang.features.schema.ScoreColumns.RANK;
import static com.zhifang.features.schema.ScoreColumns.REASONS;

/**
 * Scores a day's suspect list against a generator truth file ({@code truth.csv}:
 * {@code entity_type, entity_id, label, pattern, kind, police_notified}).
 *
 * <p>Police-notified fraud is left out of both the list and K: the police already know it, and the
 * list's worth is in what they do not. K = the number of remaining true fraud entities.
 * <ul>
 *   <li>precision@K: share of the list's top K that is true fraud;</li>
 *   <li>recall within 2K per pattern: share of each pattern's true fraud entities in the top 2K;</li>
 *   <li>precision per pattern: of the listed entities carrying a pattern (anywhere on the list),
 *       the share that is true fraud;</li>
 *   <li>compliance cases ({@link #COMPLIANCE_KINDS}: telemarketers, shops advertising) in their own
 *       row: the regulation treats unsolicited marketing as harassment, a compliance matter that
 *       ranks below fraud, so none may sit inside the top K;</li>
 *   <li>every other legitimate kind the truth knows is a look-alike, counted against the bar in
 *       the top 2K; the kinds of {@link #NEVER_LISTED_KINDS} may not be listed at all;</li>
 *   <li>the share of listed entities whose reasons are all recountable exactly
 *       ({@link RecountableReasons}).</li>
 * </ul>
 * Pure Java over the collected list (thousands of rows) and the truth file.
 */
public final class ListEvaluation {
    /** Legitimate businesses whose outbound marketing is a compliance matter: listed, ranked below fraud. */
    public static final Set<String> COMPLIANCE_KINDS = Set.of("TELEMARKETER", "SHOP");
    /**
     * Look-alikes a police liaison would least forgive on the list at all: an operator's interconnect trunk, a bank's
     * or utility's notification port, a salesperson's dual-SIM phone.
     */
    public static final Set<String> NEVER_LISTED_KINDS = Set.of("INTERCONNECT_TRUNK", "NOTIFICATION_PORT", "DUAL_SIM_PHONE");
    /** The bar: precision@K and recall within 2K per pattern at least this. */
    public static final double MIN_PRECISION = 0.95;
    public static final double MIN_RECALL = 0.95;
    /** The bar: at most this many legitimate look-alikes in the top 2K. */
    public static final int MAX_LOOKALIKES = 2;

    /** One truth row. */
    public record Truth(String entityType, String entityId, boolean fraud, String pattern, String kind, boolean policeNotified) {
        String key() {
            return entityType + "/" + entityId;
        }
    }

    /**
     * One row of the list, in rank order.
     *
     * @param patterns     its pattern codes
     * @param reasonsExact every reason recountable exactly from the records
     */
    public record Listed(int rank, String entityType, String entityId, boolean policeNotified, List<String> patterns,
                         boolean reasonsExact) {
        public Listed {
            patterns = List.copyOf(patterns);
        }

        String key() {
            return entityType + "/" + entityId;
        }
    }

    /**
     * @param k                  true fraud entities not notified by police
     * @param precisionAtK       share of the top K that is true fraud
     * @param recallWithin2K     per pattern: found in the top 2K / true entities of the pattern
     * @param patternSizes       per pattern: true entities (not police-notified)
     * @param precisionByPattern per pattern: true fraud / listed entities carrying it (whole list)
     * @param lookalikesIn2K     legitimate look-alikes (every legitimate kind but compliance) in the top 2K, "kind type/id @rank"
     * @param complianceInK      compliance cases (telemarketers, shops) inside the top K
     * @param complianceIn2K     compliance cases in the top 2K
     * @param neverListed        listed entities of a {@link #NEVER_LISTED_KINDS} kind, anywhere on the list
     * @param exactReasonShare   share of the listed rows whose reasons are all recountable exactly
     * @param listedRows         rows of the list after police-notified entities are left out
     */
    public record Result(int k, double precisionAtK, Map<String, Double> recallWithin2K, Map<String, Integer> patternSizes,
                         Map<String, Double> precisionByPattern, List<String> lookalikesIn2K, List<String> complianceInK,
                         List<String> complianceIn2K, List<String> neverListed, double exactReasonShare, int listedRows) {
        /**
         * Meets the bar: precision@K and recall within 2K for every pattern at least the given figures, at most
         * {@code maxLookalikes} look-alikes in the top 2K, no compliance case inside the top K and none of the
         * never-listed kinds on the list.
         */
        public boolean meets(double minPrecision, double minRecall, int maxLookalikes) {
            return precisionAtK >= minPrecision && recallWithin2K.values().stream().allMatch(r -> r >= minRecall)
                    && lookalikesIn2K.size() <= maxLookalikes && complianceInK.isEmpty() && neverListed.isEmpty();
        }

        public boolean meetsTheBar() {
            return meets(MIN_PRECISION, MIN_RECALL, MAX_LOOKALIKES);
        }

        public String toMarkdown() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "K = %d (true fraud entities, police-notified left out); list rows = %d%n%n",
                    k, listedRows));
            sb.append(String.format(Locale.ROOT, "| metric | value |%n|---|---|%n| precision@K | %.3f |%n", precisionAtK));
            recallWithin2K.forEach((p, r) -> sb.append(String.format(Locale.ROOT, "| recall within 2K, %s (%d) | %.3f |%n",
                    p, patternSizes.get(p), r)));
            precisionByPattern.forEach((p, v) -> sb.append(String.format(Locale.ROOT, "| precision of %s on the list | %.3f |%n", p, v)));
            sb.append(String.format(Locale.ROOT, "| legitimate look-alikes in top 2K | %d |%n", lookalikesIn2K.size()));
            sb.append(String.format(Locale.ROOT, "| compliance cases (telemarketers, shops) inside top K | %d |%n", complianceInK.size()));
            sb.append(String.format(Locale.ROOT, "| compliance cases in top 2K | %d |%n", complianceIn2K.size()));
            sb.append(String.format(Locale.ROOT, "| interconnect trunks, notification ports, dual-SIM phones listed | %d |%n",
                    neverListed.size()));
            sb.append(String.format(Locale.ROOT, "| listed rows whose reasons all recount exactly | %.3f |%n", exactReasonShare));
            appendNamed(sb, "look-alikes in the top 2K", lookalikesIn2K);
            appendNamed(sb, "compliance cases inside the top K", complianceInK);
            appendNamed(sb, "compliance cases in the top 2K", complianceIn2K);
            appendNamed(sb, "never to be listed, but listed", neverListed);
            return sb.toString();
        }

        private static void appendNamed(StringBuilder sb, String what, List<String> entities) {
            if (!entities.isEmpty()) {
                sb.append('\n').append(what).append(": ").append(String.join(", ", entities)).append('\n');
            }
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
        List<String> complianceInK = new ArrayList<>();
        List<String> complianceIn2K = new ArrayList<>();
        List<String> neverListed = new ArrayList<>();
        Map<String, int[]> byPattern = new TreeMap<>();     // pattern -> {listed, true fraud}
        int exact = 0;
        for (int i = 0; i < kept.size(); i++) {
            Listed l = kept.get(i);
            Truth t = byKey.get(l.key());
            boolean fraud = t != null && t.fraud() && !t.policeNotified();
            for (String p : l.patterns()) {
                int[] counts = byPattern.computeIfAbsent(p, x -> new int[2]);
                counts[0]++;
                counts[1] += fraud ? 1 : 0;
            }
            exact += l.reasonsExact() ? 1 : 0;
            String what = t == null ? null : t.kind() + " " + l.key() + " @" + l.rank();
            if (t != null && !t.fraud() && NEVER_LISTED_KINDS.contains(t.kind())) {
                neverListed.add(what);
            }
            if (i >= 2 * k) {
                continue;
            }
            if (fraud) {
                hits += i < k ? 1 : 0;
                found.merge(t.pattern(), 1, Integer::sum);
            } else if (t != null && !t.fraud()) {
                if (COMPLIANCE_KINDS.contains(t.kind())) {
                    complianceIn2K.add(what);
                    if (i < k) {
                        complianceInK.add(what);
                    }
                } else {
                    lookalikes.add(what);
                }
            }
        }
        Map<String, Double> recall = new LinkedHashMap<>();
        sizes.forEach((p, n) -> recall.put(p, found.getOrDefault(p, 0) / (double) n));
        Map<String, Double> precision = new LinkedHashMap<>();
        byPattern.forEach((p, c) -> precision.put(p, c[1] / (double) c[0]));
        return new Result(k, k == 0 ? 0.0 : hits / (double) k, recall, sizes, precision, lookalikes, complianceInK, complianceIn2K,
                neverListed, kept.isEmpty() ? 1.0 : exact / (double) kept.size(), kept.size());
    }

    /**
     * The rows of a day's list ({@code suspects} rows of one {@code list_date}), in rank order, with
     * whether each row's reasons recount exactly under {@code rules}. Collects the day's list to the
     * driver (thousands of rows).
     */
    public static List<Listed> listed(Dataset<Row> dayList, RuleBook rules) {
        RequiredColumns.check(dayList, "evaluate", RANK, ENTITY_TYPE, ENTITY_ID, POLICE_NOTIFIED, PATTERNS, REASONS);
        RecountableReasons recount = new RecountableReasons(rules);
        return dayList.orderBy(RANK).collectAsList().stream()
                .map(r -> new Listed(r.<Integer>getAs(RANK), r.getAs(ENTITY_TYPE), r.getAs(ENTITY_ID), r.<Boolean>getAs(POLICE_NOTIFIED),
                        r.getList(r.fieldIndex(PATTERNS)),
                        recount.allExact(EntityType.valueOf(r.<String>getAs(ENTITY_TYPE)), r.getList(r.fieldIndex(REASONS)))))
                .toList();
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
