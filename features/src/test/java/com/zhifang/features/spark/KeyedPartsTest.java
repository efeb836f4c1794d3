package com.zhifang.features.spark;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyedPartsTest {
    private final SparkSession spark = SparkTestSession.get();

    /** The keys, with a column of their own: C has no part's row, D only an empty part's. */
    private Dataset<Row> keys() {
        return frame(new StructType().add("number", DataTypes.StringType).add("is_seed", DataTypes.BooleanType),
                RowFactory.create("A", true), RowFactory.create("B", false), RowFactory.create("C", false), RowFactory.create("D", null));
    }

    /** A long per key; E is not a key (dropped), a null key never matches. */
    private Dataset<Row> pageRanks() {
        return frame(new StructType().add("number", DataTypes.StringType).add("pagerank", DataTypes.DoubleType),
                RowFactory.create("A", 1.5), RowFactory.create("B", 0.25), RowFactory.create("E", 9.0), RowFactory.create(null, 7.0));
    }

    /** Two columns, one of them an array and one null in a present row. */
    private Dataset<Row> rings() {
        return frame(new StructType().add("number", DataTypes.StringType).add("ring_id", DataTypes.StringType)
                        .add("members", DataTypes.createArrayType(DataTypes.StringType)),
                RowFactory.create("B", "R1", Arrays.asList("B", "X")), RowFactory.create("A", null, Arrays.asList("A")));
    }

    private Dataset<Row> noHops() {
        return frame(new StructType().add("number", DataTypes.StringType).add("hops", DataTypes.IntegerType));
    }

    @Test
    void givesWhatTheChainOfLeftJoinsGives() {
        List<Dataset<Row>> parts = List.of(pageRanks(), rings(), noHops());
        Dataset<Row> joined = keys();
        for (Dataset<Row> part : parts) {
            joined = joined.join(part, new String[] {"number"}, "left");
        }
        Dataset<Row> combined = KeyedParts.toLeftJoined(keys(), "number", parts);

        assertEquals(joined.schema().toString(), combined.schema().toString());
        assertEquals(sorted(joined), sorted(combined));
        assertEquals("[A,true,1.5,null,ArraySeq(A),null]", row(combined, "A"));
        assertEquals("[B,false,0.25,R1,ArraySeq(B, X),null]", row(combined, "B"));
        assertEquals("[C,false,null,null,null,null]", row(combined, "C"));
        assertEquals(4, combined.count(), "a part's key that is not a key (E, null) adds no row");
    }

    @Test
    void aColumnInTwoPartsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyedParts.toLeftJoined(keys(), "number", List.of(pageRanks(), pageRanks())));
        assertTrue(e.getMessage().contains("pagerank"), e.getMessage());
    }

    @Test
    void aPartWithoutTheKeyIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyedParts.toLeftJoined(keys(), "number", List.of(pageRanks().withColumnRenamed("number", "vertex"))));
        assertTrue(e.getMessage().contains("number"), e.getMessage());
    }

    private Dataset<Row> frame(StructType schema, Row... rows) {
        return spark.createDataFrame(List.of(rows), schema);
    }

    private static List<String> sorted(Dataset<Row> frame) {
        return frame.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static String row(Dataset<Row> frame, String number) {
        return frame.where(frame.col("number").equalTo(number)).first().toString();
    }
}
