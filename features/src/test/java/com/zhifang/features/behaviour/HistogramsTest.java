package com.zhifang.features.behaviour;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

class HistogramsTest {
    private static final long[] EDGES = Histograms.DURATION_EDGES;

    /** The definition, written plainly: the bucket where the running count reaches q of the total, interpolated inside it. */
    private static Double expectedQuantile(long[] hist, double q) {
        long total = Arrays.stream(hist).sum();
        double target = q * total;
        if (total <= 0) {
            return null;
        }
        long before = 0;
        for (int k = 0; k < hist.length; k++) {
            if (before + hist[k] >= target) {
                return k == hist.length - 1 ? (double) EDGES[k]
                        : EDGES[k] + (target - before) / hist[k] * (double) (EDGES[k + 1] - EDGES[k]);
            }
            before += hist[k];
        }
        throw new AssertionError("unreachable");
    }

    private static List<Row> quantiles(List<long[]> hists, double q) {
        StructType schema = new StructType().add("h", DataTypes.createArrayType(DataTypes.LongType));
        List<Row> rows = new ArrayList<>();
        for (long[] h : hists) {
            rows.add(RowFactory.create(h == null ? null : Arrays.stream(h).boxed().toList()));
        }
        Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, schema);
        return df.select(Histograms.quantile(col("h"), q, EDGES)).collectAsList();
    }

    @Test
    void knownHistograms() {
        long[] thirtySeconds = new long[EDGES.length];
        thirtySeconds[9] = 4;                       // 4 calls in [24, 32)
        long[] lastBucket = new long[EDGES.length];
        lastBucket[EDGES.length - 1] = 1;           // one call of 4096 s or more
        List<Row> medians = quantiles(Arrays.asList(thirtySeconds, lastBucket, new long[EDGES.length], null), 0.5);
        assertEquals(28.0, medians.get(0).getDouble(0), 1e-9, "half of the bucket's 4 calls: halfway through [24, 32)");
        assertEquals(4096.0, medians.get(1).getDouble(0), 1e-9, "the open last bucket gives its lower edge");
        assertTrue(medians.get(2).isNullAt(0), "empty histogram");
        assertTrue(medians.get(3).isNullAt(0), "missing histogram");
    }

    @Test
    void randomHistogramsMatchTheDefinition() {
        Random random = new Random(7);
        List<long[]> hists = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long[] h = new long[EDGES.length];
            for (int b = 0; b < h.length; b++) {
                h[b] = random.nextInt(4) == 0 ? random.nextInt(50) : 0;
            }
            hists.add(h);
        }
        for (double q : new double[] {0.5, 0.9}) {
            List<Row> got = quantiles(hists, q);
            for (int i = 0; i < hists.size(); i++) {
                Double expected = expectedQuantile(hists.get(i), q);
                if (expected == null) {
                    assertTrue(got.get(i).isNullAt(0), "histogram " + i);
                } else {
                    assertEquals(expected, got.get(i).getDouble(0), 1e-9, "histogram " + i + " q " + q);
                }
            }
        }
    }
}
