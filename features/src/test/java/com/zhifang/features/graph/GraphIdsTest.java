package com.zhifang.features.graph;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphIdsTest {
    private final SparkSession spark = SparkTestSession.get();

    private Dataset<Row> calls() {
        StructType schema = new StructType()
                .add("caller", DataTypes.StringType).add("callee", DataTypes.StringType).add("calls", DataTypes.IntegerType);
        return spark.createDataFrame(List.of(
                RowFactory.create("+8613800000002", "+8613800000001", 3),
                RowFactory.create("+8613800000001", "+8613800000003", 1),
                RowFactory.create(null, "+8613800000003", 9)), schema);
    }

    @Test
    void indexGivesDenseIdsInKeyOrder() {
        Map<String, Long> ids = GraphIds.index(calls(), "caller", "callee").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertEquals(Map.of("+8613800000001", 0L, "+8613800000002", 1L, "+8613800000003", 2L), ids);
    }

    @Test
    void keysSpreadOverManyPartitionsAreNumberedDenselyInKeyOrder() {
        StructType schema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
        List<Row> edges = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            edges.add(RowFactory.create(String.format("k%04d", (i * 7919) % 1000), String.format("k%04d", (i * 7919 + 1) % 1000)));
        }
        List<Row> index = GraphIds.index(spark.createDataFrame(edges, schema).repartition(5), "a", "b")
                .orderBy(GraphAlgorithms.VERTEX).collectAsList();
        List<String> keys = index.stream().map(r -> r.getString(0)).toList();
        assertEquals(keys.stream().sorted().distinct().toList(), keys, "ids follow key order, each key once");
        for (int i = 0; i < index.size(); i++) {
            assertEquals(i, index.get(i).getLong(1), "dense ids 0..n-1");
        }
    }

    @Test
    void edgesAreReKeyedKeepingOtherColumnsAndResultsMapBack() {
        Dataset<Row> index = GraphIds.index(calls(), "caller", "callee");
        Dataset<Row> edges = GraphIds.toVertexEdges(calls(), index, "caller", "callee");
        List<String> rows = edges.select("src", "dst", "calls").orderBy("src").collectAsList().stream()
                .map(Row::toString).collect(Collectors.toList());
        assertEquals(List.of("[0,2,1]", "[1,0,3]"), rows);

        Map<String, Long> outDegrees = GraphIds.withKeys(GraphAlgorithms.degrees(edges), index)
                .collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(GraphIds.KEY), r -> r.getAs(GraphAlgorithms.OUT_DEGREE)));
        assertEquals(Map.of("+8613800000001", 1L, "+8613800000002", 1L, "+8613800000003", 0L), outDegrees);
    }
}
