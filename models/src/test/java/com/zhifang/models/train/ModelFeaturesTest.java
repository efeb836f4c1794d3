package com.zhifang.models.train;

import com.zhifang.features.catalog.Schemas;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.ModelColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.models.train.TrainTestRows.featureRow;
import static com.zhifang.models.train.TrainTestRows.frame;
import static com.zhifang.models.train.TrainTestRows.graphRow;
import static org.junit.jupiter.api.Assertions.*;

class ModelFeaturesTest {
    static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    static final Set<DataType> NUMERIC = Set.of(DataTypes.LongType, DataTypes.IntegerType, DataTypes.DoubleType, DataTypes.BooleanType);

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void inputsAreNumericTableColumnsAndNoneEncodesTheLabel() {
        StructType features = Schemas.schemaOf(Tables.FEATURES_NUMBER);
        StructType graph = Schemas.schemaOf(Tables.GRAPH_FEATURES_NUMBER);
        // The leaking columns exist in the tables: leaving them out is a decision, not an accident of naming.
        Set<String> tableColumns = Set.of(features.fieldNames());
        assertTrue(tableColumns.containsAll(List.of(POLICE_NOTIFIED, POLICE_NOTIFIED_ON, STATUS)));
        assertTrue(Set.of(graph.fieldNames()).containsAll(List.of(IS_SEED, HOPS_TO_SEED, PPR_CALL, PPR_SHARED, RING_ID)));

        Set<String> graphInputs = ModelFeatures.GRAPH.stream().map(g -> graphInput(g)).collect(Collectors.toSet());
        for (String c : ModelFeatures.COLUMNS) {
            String source = graphInputs.contains(c) ? c.substring(graphInput("").length()) : c;
            assertFalse(source.startsWith(POLICE_NOTIFIED), c);
            assertFalse(ModelFeatures.EXCLUDED.containsKey(source), c + ": " + ModelFeatures.EXCLUDED.get(source));
            if (c.equals(GRAPH_MISSING) || c.equals(IS_HUB)) {
                continue;
            }
            StructType table = graphInputs.contains(c) ? graph : features;
            assertTrue(NUMERIC.contains(table.apply(source).dataType()), c + " is " + table.apply(source).dataType());
        }
        for (String leak : List.of(POLICE_NOTIFIED, POLICE_NOTIFIED_ON, STATUS, IS_SEED, HOPS_TO_SEED, PPR_CALL, PPR_SHARED, RING_ID)) {
            assertFalse(ModelFeatures.COLUMNS.contains(leak), leak);
            assertFalse(ModelFeatures.COLUMNS.contains(graphInput(leak)), leak);
            assertTrue(ModelFeatures.EXCLUDED.containsKey(leak), leak + " has a documented reason");
        }
        assertEquals(ModelFeatures.COLUMNS.size(), Set.copyOf(ModelFeatures.COLUMNS).size(), "no input twice");
    }

    @Test
    void graphRowsJoinOnNumberAndDateAndNullsBecomeZeroWithAMissingFlag() {
        String a = "+8613800000001";
        String b = "+8613800000002";
        var features = frame(spark, Tables.FEATURES_NUMBER, List.of(
                featureRow(a, NOV_5, Map.of(windowed(CALLS_OUT, 1), 40L, IS_SUBSCRIBER, true, POLICE_NOTIFIED, true)),
                featureRow(b, NOV_5, Map.of(windowed(CALLS_OUT, 1), 3L, windowed(ANSWER_RATE_OUT, 1), 0.5))));
        var graph = frame(spark, Tables.GRAPH_FEATURES_NUMBER, List.of(
                graphRow(a, NOV_5, Map.of(PAGERANK, 0.25, HUB_REASON, "SERVICE", IS_SEED, true, PPR_CALL, 0.9)),
                graphRow(b, NOV_5.minusDays(1), Map.of(PAGERANK, 0.75))));   // another date: not b's graph row for NOV_5

        Map<String, Row> rows = ModelFeatures.toModelInput(features, graph).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r));
        assertEquals(2, rows.size());
        Row ra = rows.get(a);
        Row rb = rows.get(b);
        assertEquals(40.0, ra.<Double>getAs(windowed(CALLS_OUT, 1)));
        assertEquals(1.0, ra.<Double>getAs(IS_SUBSCRIBER));
        assertEquals(0.0, ra.<Double>getAs(windowed(ANSWER_RATE_OUT, 1)), "null ratio becomes 0");
        assertEquals(0.25, ra.<Double>getAs(graphInput(PAGERANK)));
        assertEquals(1.0, ra.<Double>getAs(IS_HUB));
        assertEquals(0.0, ra.<Double>getAs(GRAPH_MISSING));
        assertEquals(0.5, rb.<Double>getAs(windowed(ANSWER_RATE_OUT, 1)));
        assertEquals(0.0, rb.<Double>getAs(graphInput(PAGERANK)));
        assertEquals(1.0, rb.<Double>getAs(GRAPH_MISSING));
        assertEquals(0.0, rb.<Double>getAs(IS_HUB));
        List<String> columns = List.of(ModelFeatures.toModelInput(features, graph).columns());
        assertEquals(ModelFeatures.COLUMNS, columns.subList(2, columns.size()));
        for (Row r : rows.values()) {
            for (String c : ModelFeatures.COLUMNS) {
                assertNotNull(r.getAs(c), c);
            }
        }
    }
}
