package com.zhifang.benchmarks.sichuan;

import com.zhifang.features.graph.GraphAlgorithms;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;

/**
 * The Sichuan benchmark's two files, read with Spark's CSV reader (gzip is handled by the codec):
 * {@code features.csv.gz} (node, phone_no_m, 55 numeric behaviour features with empty cells, label)
 * and {@code edges.csv.gz} (src, dst node indices). Every feature is read as double, empty cells as
 * null; the node index is the row's position in the file, which the file-order split relies on.
 *
 * <p>Cost: two small CSV scans (6,106 rows and 416,211 edges for the real data); lazy.
 */
public record SichuanData(Dataset<Row> nodes, Dataset<Row> edges) {
    public static final String NODE = "node";
    public static final String PHONE = "phone_no_m";
    public static final String LABEL = "label";
    public static final String FEATURES_FILE = "features.csv.gz";
    public static final String EDGES_FILE = "edges.csv.gz";
    private static final Set<String> NOT_FEATURES = Set.of(NODE, PHONE, LABEL);

    public static SichuanData load(SparkSession spark, Path directory) {
        Dataset<Row> raw = spark.read().option("header", "true").csv(directory.resolve(FEATURES_FILE).toString());
        List<Column> typed = Arrays.stream(raw.columns())
                .map(name -> switch (name) {
                    case NODE -> col(name).cast("long");
                    case LABEL -> col(name).cast("int");
                    case PHONE -> col(name);
                    default -> col(name).cast("double");
                })
                .collect(Collectors.toList());
        Dataset<Row> nodes = raw.select(typed.toArray(Column[]::new));
        Dataset<Row> edges = spark.read().option("header", "true").csv(directory.resolve(EDGES_FILE).toString())
                .select(col(GraphAlgorithms.SRC).cast("long").as(GraphAlgorithms.SRC),
                        col(GraphAlgorithms.DST).cast("long").as(GraphAlgorithms.DST));
        return new SichuanData(nodes, edges);
    }

    /** The behaviour feature columns: every column but the node index, the hashed number and the label. */
    public static List<String> behaviourFeatures(Dataset<Row> nodes) {
        return Arrays.stream(nodes.columns()).filter(c -> !NOT_FEATURES.contains(c)).collect(Collectors.toList());
    }
}
