package com.zhifang.features.graph;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;

/**
 * Maps arbitrary vertex keys (phone numbers, IMEIs, ...) to the dense {@code long} ids that
 * {@link GraphAlgorithms} works on, and back.
 *
 * <p>Cost: {@link #index} is a distributed sort of the distinct keys (range partitioning, so no
 * single task holds them all, as a global {@code row_number} would: with a province's hundreds of
 * millions of numbers that one task would bound the graph stage) and runs small jobs when called:
 * the sort's sampling of range bounds and a count per sorted partition, which numbers the keys
 * densely ({@code zipWithIndex}). The same keys get the same ids on every run, whatever the
 * partitioning. {@link #toVertexEdges} is two hash joins, a lazy transform.
 */
public final class GraphIds {
    /** Column holding the original key in the mapping returned by {@link #index}. */
    public static final String KEY = "key";

    private GraphIds() {}

    /**
     * The mapping {@code key -> vertex} for every distinct non-null key in {@code srcColumn} or
     * {@code dstColumn}: ids 0..n-1 in key order, so deterministic.
     */
    public static Dataset<Row> index(Dataset<Row> edges, String srcColumn, String dstColumn) {
        RequiredColumns.check(edges, "edges", srcColumn, dstColumn);
        Dataset<Row> keys = edges.select(col(srcColumn).as(KEY))
                .union(edges.select(col(dstColumn).as(KEY)))
                .where(col(KEY).isNotNull())
                .distinct();
        StructType schema = new StructType().add(keys.schema().apply(KEY)).add(GraphAlgorithms.VERTEX, DataTypes.LongType, false);
        JavaRDD<Row> numbered = keys.orderBy(KEY).javaRDD().zipWithIndex().map(t -> RowFactory.create(t._1().get(0), t._2()));
        return keys.sparkSession().createDataFrame(numbered, schema);
    }

    /**
     * Edges re-keyed to vertex ids: {@code src}, {@code dst} (longs) plus every other column of
     * {@code edges}. Edges with a key missing from {@code index} are dropped (inner joins).
     */
    public static Dataset<Row> toVertexEdges(Dataset<Row> edges, Dataset<Row> index, String srcColumn, String dstColumn) {
        RequiredColumns.check(edges, "edges", srcColumn, dstColumn);
        RequiredColumns.check(index, "vertex index", KEY, GraphAlgorithms.VERTEX);
        Dataset<Row> srcIds = index.select(col(KEY).as("__src_key"), col(GraphAlgorithms.VERTEX).as("__src_vertex"));
        Dataset<Row> dstIds = index.select(col(KEY).as("__dst_key"), col(GraphAlgorithms.VERTEX).as("__dst_vertex"));
        return edges
                .join(srcIds, col(srcColumn).equalTo(col("__src_key")))
                .join(dstIds, col(dstColumn).equalTo(col("__dst_key")))
                .drop(srcColumn, dstColumn, "__src_key", "__dst_key")
                .withColumnRenamed("__src_vertex", GraphAlgorithms.SRC)
                .withColumnRenamed("__dst_vertex", GraphAlgorithms.DST);
    }

    /** Adds the original key next to a result's {@code vertex} column (results of {@link GraphAlgorithms}). */
    public static Dataset<Row> withKeys(Dataset<Row> vertexResult, Dataset<Row> index) {
        RequiredColumns.check(vertexResult, "vertex result", GraphAlgorithms.VERTEX);
        RequiredColumns.check(index, "vertex index", KEY, GraphAlgorithms.VERTEX);
        return vertexResult.join(index, GraphAlgorithms.VERTEX);
    }
}
