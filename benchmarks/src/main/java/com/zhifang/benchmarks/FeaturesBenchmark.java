package com.zhifang.benchmarks;

import com.zhifang.features.behaviour.ContactPairs;
import com.zhifang.features.behaviour.FeatureSets;
import com.zhifang.features.behaviour.NumberStates;
import com.zhifang.features.behaviour.Sides;
import com.zhifang.features.behaviour.SmsSenders;
import com.zhifang.features.behaviour.TextFingerprint;
import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.reference.ReferenceSnapshots;
import com.zhifang.features.schema.RecordColumns;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.spark.JobLabels;
import com.zhifang.jobs.features.FeaturesAction;
import com.zhifang.jobs.features.FeaturesResult;
import com.zhifang.jobs.io.Warehouse;
import com.zhifang.jobs.nightly.NightlyJob;
import com.zhifang.jobs.nightly.NightlySettings;
import com.zhifang.jobs.nightly.NightlyStage;
import com.zhifang.testkit.generate.GeneratorSettings;
import com.zhifang.testkit.generate.LandingZoneGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * {@code scripts/bench-features}: one generated day, ingested, its normalised voice, SMS and
 * subscriber snapshot written to Parquet; then, on the same machine and the same Parquet,
 * <ol>
 *   <li>Spark computing the daily per-number state ({@link NumberStates}), the day's contact
 *       counts from its stored pairs ({@link ContactPairs}) and its distinct SMS recipients from
 *       its stored recipients ({@link SmsSenders}): the same aggregates DuckDB computes, plus HLL
 *       sketches of cells and text fingerprints; written to Parquet, twice (the first run in a
 *       fresh JVM, the second warm);</li>
 *   <li>DuckDB (JDBC) computing the same daily per-number aggregates and writing them to Parquet,
 *       twice as well;</li>
 *   <li>for scale, each engine's floor on the same voice rows: one aggregation by number (calls
 *       made and received, their seconds), twice each, in turn; the ratio of the faster runs is
 *       about what any per-number aggregate costs Spark against DuckDB on this machine;</li>
 *   <li>for context, the whole Spark features stage ({@link FeaturesAction}: every entity type,
 *       Delta reads and writes, window rows).</li>
 * </ol>
 * Prints the wall times and the Spark/DuckDB ratios, first run to first run and second to second.
 * A benchmark, not a test.
 */
public final class FeaturesBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesBenchmark.class);
    private static final LocalDate DAY = GeneratorSettings.DEFAULT_START_DATE;
    private static final ZoneId ZONE = GeneratorSettings.DEFAULT_ZONE;

    private FeaturesBenchmark() {}

    /**
     * Runs the benchmark in {@code work} (reusing its landing zone and Parquet when present) and
     * returns the printed report. {@code subscribers}: about 14.5 voice rows per subscriber and day.
     */
    public static String run(SparkSession spark, Path work, int subscribers) throws Exception {
        Path landing = work.resolve("landing");
        Warehouse warehouse = new Warehouse(work.resolve("warehouse").toString());
        Path parquet = work.resolve("parquet");
        if (!Files.exists(landing.resolve("generator-manifest.json"))) {
            new LandingZoneGenerator(GeneratorSettings.builder(landing).subscribers(subscribers).days(1).seed(11)
                    .gzip(false).maxRowsPerFile(1_000_000).build()).execute();
        }
        {
            if (!Files.exists(parquet.resolve("_done"))) {
                new NightlyJob(spark, Clock.systemUTC()).run("ingest",
                        new NightlySettings(landing.toString(), warehouse, List.of(DAY), ZONE), EnumSet.of(NightlyStage.INGEST));
                warehouse.read(spark, Tables.VOICE_CALLS).filter(col("traffic_day").equalTo(lit(DAY)))
                        .write().mode("overwrite").parquet(parquet.resolve("voice").toString());
                warehouse.read(spark, Tables.SMS_MESSAGES).filter(col("traffic_day").equalTo(lit(DAY)))
                        .write().mode("overwrite").parquet(parquet.resolve("sms").toString());
                ReferenceSnapshots.asOf(warehouse.read(spark, Tables.REF_SUBSCRIBERS), DAY)
                        .write().mode("overwrite").parquet(parquet.resolve("subscribers").toString());
                Files.createFile(parquet.resolve("_done"));
            }
            long voiceRows = spark.read().parquet(parquet.resolve("voice").toString()).count();
            long smsRows = spark.read().parquet(parquet.resolve("sms").toString()).count();

            double sparkDaily = timed(() -> sparkDailyNumberState(spark, parquet));
            LOG.info("bench: Spark daily per-number state (cold) {} s", sparkDaily);
            double sparkDailyWarm = timed(() -> sparkDailyNumberState(spark, parquet));
            LOG.info("bench: Spark daily per-number state (warm) {} s", sparkDailyWarm);
            // DuckDB also runs twice (the first run loads its native library), so each ratio compares
            // like with like: one DuckDB run of the same query took 14.5 s in one benchmark and 24.3 s in another.
            double duck = timed(() -> duckDbDailyNumberState(parquet));
            double duckWarm = timed(() -> duckDbDailyNumberState(parquet));
            LOG.info("bench: DuckDB daily per-number aggregates {} s cold, {} s warm; ratio cold {} warm {}", duck, duckWarm,
                    sparkDaily / duck, sparkDailyWarm / duckWarm);
            // Each engine's floor on this input (one scan, one aggregation by number, one write), twice each in
            // turn: a ratio no per-number state can beat by much, for scale.
            double[] floors = new double[4];
            for (int i = 0; i < 4; i += 2) {
                floors[i] = timed(() -> sparkFloorAggregation(spark, parquet));
                floors[i + 1] = timed(() -> duckDbFloorAggregation(parquet));
            }
            double sparkFloor = Math.min(floors[0], floors[2]);
            double duckFloor = Math.min(floors[1], floors[3]);
            LOG.info("bench: floor (one aggregation) Spark {} and {} s, DuckDB {} and {} s; ratio of the faster runs {}", floors[0], floors[2],
                    floors[1], floors[3], sparkFloor / duckFloor);
            long[] stageRows = new long[1];
            double stage = timed(() -> {
                FeaturesResult r = new FeaturesAction(spark, warehouse, DAY, List.of(1, 7)).execute();
                stageRows[0] = r.rows();
            });
            String report = String.format(Locale.ROOT, """
                    bench-features: %,d voice rows + %,d sms rows (one day, %,d subscribers), 2 cores shared
                      Spark daily per-number state (cold JVM)          %8.1f s
                      Spark daily per-number state (warm)              %8.1f s
                      DuckDB daily per-number aggregates (first run)   %8.1f s
                      DuckDB daily per-number aggregates (second run)  %8.1f s
                      ratio Spark/DuckDB (cold, warm)                  %8.2f  %6.2f
                      floor, one aggregation (faster of two runs): Spark %.1f s, DuckDB %.1f s, ratio %.2f
                      Spark whole features stage (all entities, Delta, windows): %.1f s, %,d feature rows
                    """, voiceRows, smsRows, subscribers, sparkDaily, sparkDailyWarm, duck, duckWarm, sparkDaily / duck, sparkDailyWarm / duckWarm,
                    sparkFloor, duckFloor, sparkFloor / duckFloor, stage, stageRows[0]);
            Files.writeString(work.resolve("bench-result.txt"), report);
            return report;
        }
    }

    /**
     * The floor of either engine on this input, for scale: per number, the calls it made and received
     * and their seconds, from both ends of every voice row; one scan, one aggregation, one
     * Parquet file set. No side rules, no state: what any per-number aggregate costs at least.
     */
    static void sparkFloorAggregation(SparkSession spark, Path parquet) {
        labelled(spark, "Spark floor aggregation", () -> {
            Dataset<Row> voice = spark.read().parquet(parquet.resolve("voice").toString());
            voice.select(col(RecordColumns.CALLING_NUMBER).as(RecordColumns.NUMBER), col(RecordColumns.DURATION_S), lit(1L).as("_out"))
                    .unionByName(voice.select(col(RecordColumns.CALLED_NUMBER).as(RecordColumns.NUMBER), col(RecordColumns.DURATION_S), lit(0L).as("_out")))
                    .filter(col(RecordColumns.NUMBER).isNotNull())
                    .groupBy(RecordColumns.NUMBER)
                    .agg(sum("_out").as("calls_out"), count(lit(1)).minus(sum("_out")).as("calls_in"), sum(RecordColumns.DURATION_S).as("seconds"))
                    .write().mode("overwrite").parquet(parquet.resolve("out-spark-floor").toString());
        });
    }

    static void duckDbFloorAggregation(Path parquet) throws Exception {
        String v = "read_parquet('" + parquet.resolve("voice") + "/*.parquet')";
        String sql = """
                COPY (SELECT number, sum(o)::BIGINT AS calls_out, (count(*) - sum(o))::BIGINT AS calls_in, sum(duration_s)::BIGINT AS seconds FROM (
                  SELECT calling_number AS number, duration_s, 1 AS o FROM %1$s
                  UNION ALL SELECT called_number, duration_s, 0 FROM %1$s) WHERE number IS NOT NULL GROUP BY number
                ) TO '%2$s' (FORMAT PARQUET)
                """.formatted(v, parquet.resolve("out-duckdb-floor.parquet"));
        try (Connection c = duckDb(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** An in-memory DuckDB using every core of the machine, as Spark's local mode does. */
    private static Connection duckDb() throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
        }
        return c;
    }

    /** A Java regular expression as a DuckDB (RE2) string literal. */
    private static String sqlRegex(String javaRegex) {
        return sqlString(javaRegex.replace("\\p{IsHan}", "\\p{Han}"));
    }

    private static String sqlString(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static double timed(ThrowingRunnable body) throws Exception {
        long start = System.nanoTime();
        body.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void sparkDailyNumberState(SparkSession spark, Path parquet) {
        labelled(spark, "Spark daily number state", () -> writeSparkDailyNumberState(spark, parquet));
    }

    /** Runs {@code body} with its Spark jobs labelled {@code bench: <step>}, restoring the label before it. */
    private static void labelled(SparkSession spark, String step, Runnable body) {
        JobLabels labels = new JobLabels(spark, "bench");
        labels.restoring(() -> {
            labels.step(step);
            body.run();
            return null;
        });
    }

    private static void writeSparkDailyNumberState(SparkSession spark, Path parquet) {
        Dataset<Row> voice = spark.read().parquet(parquet.resolve("voice").toString());
        Dataset<Row> sms = spark.read().parquet(parquet.resolve("sms").toString());
        Dataset<Row> subs = spark.read().parquet(parquet.resolve("subscribers").toString());
        Dataset<Row> complaints = spark.createDataFrame(List.of(), Schemas.schemaOf(Tables.COMPLAINTS));
        // As the features stage does: the day's pairs are stored, then read by the day state (new callees)
        // and by the contact counts (distinct callees, callers and blocks, exact); two outputs.
        String pairsPath = parquet.resolve("out-spark-pairs").toString();
        ContactPairs.toPairDayState(Sides.outgoingCalls(voice, subs), Sides.incomingCalls(voice, subs), DAY)
                .write().mode("overwrite").parquet(pairsPath);
        Dataset<Row> pairs = spark.read().parquet(pairsPath);
        Dataset<Row> noPrior = spark.createDataFrame(List.of(), ContactPairs.PAIR_SCHEMA);
        NumberStates.toNumberDayState(voice, sms, complaints, subs, pairs, noPrior, DAY)
                .write().mode("overwrite").parquet(parquet.resolve("out-spark").toString());
        ContactPairs.toWindowContacts(pairs, DAY, List.of(1))
                .write().mode("overwrite").parquet(parquet.resolve("out-spark-contacts").toString());
        // Distinct SMS recipients likewise: the day's (sender, recipient) pairs stored, then counted.
        String recipientsPath = parquet.resolve("out-spark-recipients").toString();
        SmsSenders.toRecipientDayState(Sides.outgoingSms(sms, subs), FeatureSets.NUMBER_FEATURES.entityType().code(), RecordColumns.NUMBER, DAY)
                .write().mode("overwrite").parquet(recipientsPath);
        SmsSenders.toWindowRecipients(spark.read().parquet(recipientsPath), FeatureSets.NUMBER_FEATURES.entityType().code(), DAY, List.of(1))
                .write().mode("overwrite").parquet(parquet.resolve("out-spark-recipient-counts").toString());
    }

    /**
     * The same aggregates as {@link NumberStates} and the contact counts in DuckDB SQL: exact distinct
     * counts where Spark also keeps sketches, and the message counts per text fingerprint (the same
     * masks, DuckDB's own hash).
     */
    static void duckDbDailyNumberState(Path parquet) throws Exception {
        String v = "read_parquet('" + parquet.resolve("voice") + "/*.parquet')";
        String s = "read_parquet('" + parquet.resolve("sms") + "/*.parquet')";
        String subs = "read_parquet('" + parquet.resolve("subscribers") + "/*.parquet')";
        long[] edges = com.zhifang.features.behaviour.Histograms.DURATION_EDGES;
        String bucket = "CASE " + IntStream.iterate(edges.length - 1, i -> i >= 1, i -> i - 1)
                .mapToObj(i -> "WHEN duration_s >= " + edges[i] + " THEN " + i).collect(Collectors.joining(" ")) + " ELSE 0 END";
        String durHist = IntStream.range(0, edges.length)
                .mapToObj(i -> "sum(CASE WHEN answered AND b = " + i + " THEN 1 ELSE 0 END)").collect(Collectors.joining(", ", "list_value(", ")"));
        String hourHist = IntStream.range(0, 24)
                .mapToObj(i -> "sum(CASE WHEN h = " + i + " THEN 1 ELSE 0 END)").collect(Collectors.joining(", ", "list_value(", ")"));
        // The text fingerprint's skeleton with the same folding and masks (RE2 names the Han script without
        // "Is"); the MinHash of its bigrams uses DuckDB's own hash, which groups the same texts together.
        String folded = "translate(content, " + sqlString(TextFingerprint.FOLD_FROM) + ", " + sqlString(TextFingerprint.FOLD_TO) + ")";
        String skeleton = "lower(" + folded + ")";
        for (String mask : TextFingerprint.MASKS) {
            skeleton = "regexp_replace(" + skeleton + ", " + sqlRegex(mask) + ", ' ', 'g')";
        }
        skeleton = "regexp_replace(" + skeleton + ", " + sqlRegex(TextFingerprint.NON_LETTER_REGEX) + ", '', 'g')";
        String sql = """
                COPY (
                WITH sub AS (SELECT DISTINCT msisdn FROM %3$s WHERE msisdn IS NOT NULL),
                o AS (
                  SELECT calling_number AS number, called_number AS peer, start_time, record_id, answered, duration_s, ring_s, release_cause
                  FROM %1$s WHERE record_type = 'MO' AND calling_number IS NOT NULL
                  UNION ALL
                  SELECT calling_number, called_number, start_time, record_id, answered, duration_s, ring_s, release_cause
                  FROM %1$s g ANTI JOIN sub ON g.calling_number = sub.msisdn WHERE record_type = 'GW' AND calling_number IS NOT NULL),
                i AS (
                  SELECT called_number AS number, calling_number AS peer, start_time, answered, ring_s
                  FROM %1$s WHERE record_type = 'MT' AND called_number IS NOT NULL
                  UNION ALL
                  SELECT called_number, calling_number, start_time, answered, ring_s
                  FROM %1$s m ANTI JOIN sub ON m.called_number = sub.msisdn WHERE record_type = 'MO' AND called_number IS NOT NULL),
                ow AS (
                  SELECT *, %4$s AS b, CAST(((epoch(start_time)::BIGINT + 28800) %% 86400) / 3600 AS INTEGER) AS h,
                    abs(pv - lag(pv) OVER w) AS step, epoch(start_time) - lag(epoch(start_time)) OVER w AS gap,
                    count(*) OVER (PARTITION BY number, floor(epoch(start_time) / 60)) AS minute_calls
                  FROM (SELECT *, TRY_CAST(regexp_replace(peer, '^\\+', '') AS BIGINT) AS pv FROM o)
                  WINDOW w AS (PARTITION BY number ORDER BY start_time, record_id)),
                out_state AS (
                  SELECT number, count(*) AS calls_out, sum(answered::INT) AS answered_out,
                    sum((answered AND duration_s < 6)::INT) AS short_calls_out,
                    sum(CASE WHEN answered THEN duration_s ELSE 0 END) AS duration_sum_out, %5$s AS duration_hist_out,
                    sum((NOT answered AND ring_s BETWEEN 1 AND 3)::INT) AS one_ring_out, sum((release_cause = 1)::INT) AS unallocated_out,
                    %6$s AS hour_hist_out, max(minute_calls) AS peak_minute_calls_out, count(step) AS seq_pairs_out, sum((step BETWEEN 1 AND 10)::INT) AS seq_steps_out,
                    count(gap) AS gap_n_out, sum(gap) AS gap_sum_out, sum(gap * gap) AS gap_sumsq_out
                  FROM ow GROUP BY number),
                in_state AS (
                  SELECT number, count(*) AS calls_in, sum(answered::INT) AS answered_in,
                    sum((NOT answered AND ring_s BETWEEN 1 AND 3)::INT) AS one_ring_in FROM i GROUP BY number),
                pairs AS (
                  SELECT number, peer, sum(o) AS out_calls, sum(1 - o) AS in_calls FROM (
                    SELECT number, peer, 1 AS o FROM o WHERE peer IS NOT NULL
                    UNION ALL SELECT number, peer, 0 FROM i WHERE peer IS NOT NULL) GROUP BY number, peer),
                contacts AS (
                  SELECT number, sum((out_calls > 0)::INT) AS callees, sum((in_calls > 0)::INT) AS callers,
                    count(DISTINCT CASE WHEN out_calls > 0 AND length(peer) > 6 THEN left(peer, length(peer) - 4) END) AS callee_blocks
                  FROM pairs GROUP BY number),
                served AS (
                  SELECT CASE WHEN record_type = 'MO' THEN calling_number ELSE called_number END AS number, cell_id
                  FROM %1$s WHERE record_type IN ('MO', 'MT')
                  UNION ALL
                  SELECT CASE WHEN record_type = 'MO' THEN sender ELSE recipient END, cell_id FROM %2$s WHERE record_type IN ('MO', 'MT')),
                cells AS (SELECT number, count(DISTINCT cell_id) AS cells FROM served WHERE number IS NOT NULL AND cell_id IS NOT NULL GROUP BY number),
                so AS (
                  SELECT sender AS number, recipient, delivered, content FROM %2$s WHERE record_type = 'MO' AND sender IS NOT NULL
                  UNION ALL
                  SELECT sender, recipient, delivered, content FROM %2$s t ANTI JOIN sub ON t.sender = sub.msisdn
                  WHERE record_type = 'MT' AND sender IS NOT NULL),
                sms_out AS (
                  SELECT number, count(*) AS sms_out, sum(delivered::INT) AS sms_delivered,
                    sum((content IS NOT NULL AND trim(content) <> '')::INT) AS sms_with_content,
                    sum(coalesce(regexp_matches(%10$s, %8$s), false)::INT) AS sms_with_url,
                    count(DISTINCT recipient) AS sms_recipients
                  FROM so GROUP BY number),
                skeletons AS (SELECT number, %9$s AS s FROM so WHERE content IS NOT NULL AND trim(content) <> ''),
                templates AS (
                  SELECT number, map_from_entries(list(struct_pack(k := fp, v := n))) AS sms_templates FROM (
                    SELECT number, CASE WHEN length(s) < 2 THEN hash(s)
                      ELSE list_min(list_transform(range(1, length(s)), lambda i: hash(substr(s, i, 2)))) END AS fp, count(*) AS n
                    FROM skeletons GROUP BY number, fp)
                  GROUP BY number),
                sms_in AS (
                  SELECT recipient AS number, count(*) AS sms_in FROM %2$s WHERE record_type IN ('MT', 'PORT') AND recipient IS NOT NULL GROUP BY recipient
                  UNION ALL
                  SELECT recipient, count(*) FROM %2$s t ANTI JOIN sub ON t.recipient = sub.msisdn
                  WHERE record_type = 'MO' AND recipient IS NOT NULL GROUP BY recipient)
                SELECT * FROM out_state
                  FULL OUTER JOIN in_state USING (number) FULL OUTER JOIN contacts USING (number)
                  FULL OUTER JOIN cells USING (number) FULL OUTER JOIN sms_out USING (number) FULL OUTER JOIN templates USING (number)
                  FULL OUTER JOIN (SELECT number, sum(sms_in) AS sms_in FROM sms_in GROUP BY number) USING (number)
                ) TO '%7$s' (FORMAT PARQUET)
                """.formatted(v, s, subs, bucket, durHist, hourHist, parquet.resolve("out-duckdb.parquet"),
                sqlRegex(TextFingerprint.URL_REGEX), skeleton, folded);
        try (Connection c = duckDb(); Statement st = c.createStatement()) {
            st.execute(sql);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + parquet.resolve("out-duckdb.parquet") + "')")) {
                rs.next();
                LOG.info("DuckDB wrote {} number rows", rs.getLong(1));
            }
        }
    }
}
