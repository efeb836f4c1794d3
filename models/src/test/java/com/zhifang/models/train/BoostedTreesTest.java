package com.zhifang.models.train;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

class BoostedTreesTest {
    static final List<String> INPUTS = List.of("calls", "answer_rate");
    static final BoostedTrees.Settings FEW_TREES = new BoostedTrees.Settings(10, 2, 0.5, 1.0, 1.0, 0.0, 3L);
    static SparkSession spark;
    static Dataset<Row> rows;
    static BoostedTreesModel model;

    /**
     * Fraud is exactly the rows whose answer rate is missing; a real 0 answer rate is legitimate.
     * Trees that read null as 0, or 0 as missing, cannot tell the two apart.
     */
    @BeforeAll
    static void fitOnce() {
        spark = SparkTestSession.get();
        StructType schema = new StructType()
                .add("id", DataTypes.StringType, false)
                .add("calls", DataTypes.LongType, true)
                .add("answer_rate", DataTypes.DoubleType, true)
                .add("label", DataTypes.IntegerType, false)
                .add("weight", DataTypes.DoubleType, false);
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            data.add(RowFactory.create("missing-" + i, 10L + i, null, 1, 1.0));
            data.add(RowFactory.create("zero-" + i, 10L + i, 0.0, 0, 1.0));
            data.add(RowFactory.create("answered-" + i, 10L + i, 0.5 + i / 100.0, 0, 1.0));
        }
        rows = spark.createDataFrame(data, schema);
        model = BoostedTrees.fit(rows, INPUTS, "label", "weight", FEW_TREES);
    }

    static Map<String, Double> scores(BoostedTreesModel m) {
        return m.withProbability(rows, "p").select(col("id"), col("p")).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
    }

    @Test
    void aMissingInputIsNotAZero() {
        Map<String, Double> p = scores(model);
        for (Map.Entry<String, Double> e : p.entrySet()) {
            if (e.getKey().startsWith("missing-")) {
                assertTrue(e.getValue() > 0.9, e.toString());
            } else {
                assertTrue(e.getValue() < 0.1, e.toString());
            }
        }
    }

    @Test
    void savedTreesScoreExactlyAsTheFittedOnes() {
        BoostedTreesModel reloaded = BoostedTreesModel.fromBytes(INPUTS, model.toBytes());
        assertEquals(INPUTS, reloaded.inputs());
        assertEquals(scores(model), scores(reloaded));
        assertThrows(IllegalArgumentException.class, () -> BoostedTreesModel.fromBytes(INPUTS, new byte[] {1, 2, 3}));
    }

    @Test
    void scoringKeepsTheRowsColumnsAndNamesAMissingInput() {
        Dataset<Row> scored = model.withProbability(rows, "p");
        List<String> expected = new ArrayList<>(List.of(rows.columns()));
        expected.add("p");
        assertEquals(expected, List.of(scored.columns()));
        assertEquals(rows.count(), scored.count());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.withProbability(rows.drop("answer_rate"), "p"));
        assertTrue(e.getMessage().contains("answer_rate"), e.getMessage());
    }

    /** 40 positives, 80 negatives: a positive weighs 2, a negative 1, so each class totals 80. */
    @Test
    void balancedClassWeightsGiveEachClassTheSameTotal() {
        Map<Integer, Double> totals = BoostedTrees.withBalancedClassWeights(rows.drop("weight"), "label", "w", 40, 80)
                .groupBy("label").agg(org.apache.spark.sql.functions.sum("w")).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getInt(0), r -> r.getDouble(1)));
        assertEquals(Map.of(1, 80.0, 0, 80.0), totals);
        assertThrows(IllegalArgumentException.class, () -> BoostedTrees.withBalancedClassWeights(rows, "label", "w", 0, 80),
                "one class alone cannot be balanced");
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Settings(0, 2, 0.1, 1, 1, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Settings(10, 2, 0.0, 1, 1, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Settings(10, 2, 0.1, 1.5, 1, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Settings(10, 2, 0.1, 1, 0, 0, 1L));
        assertTrue(FEW_TREES.describe().startsWith("10 trees, depth 2"), FEW_TREES.describe());
    }
}
