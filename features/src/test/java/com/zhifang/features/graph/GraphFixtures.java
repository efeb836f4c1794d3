package com.zhifang.features.graph;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small named frames for graph tests: {@code frame("a STRING, b LONG", row("x", 1L), ...)}. */
final class GraphFixtures {
    private GraphFixtures() {}

    static Object[] row(Object... values) {
        return values;
    }

    static Dataset<Row> frame(String ddl, Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return SparkTestSession.get().createDataFrame(list, StructType.fromDDL(ddl));
    }

    static Dataset<Row> frame(String ddl, List<Object[]> rows) {
        return frame(ddl, rows.toArray(new Object[0][]));
    }

    /** Call edges {@code from_number, to_number, from_class, to_class, calls, talk_s} from "from>to" strings, one call of 30 s each. */
    static Dataset<Row> calls(String... pairs) {
        List<Object[]> rows = new ArrayList<>();
        for (String p : pairs) {
            String[] ends = p.split(">");
            rows.add(row(ends[0], ends[1], classOf(ends[0]), classOf(ends[1]), 1L, 30L));
        }
        return frame("from_number STRING, to_number STRING, from_class STRING, to_class STRING, calls LONG, talk_s LONG", rows);
    }

    static Dataset<Row> numbers(String... numbers) {
        return frame("number STRING", Arrays.stream(numbers).map(n -> row(n)).toList());
    }

    static String classOf(String number) {
        return number.startsWith("955") || number.startsWith("100") ? "SERVICE" : "MOBILE";
    }

    static Map<String, Object> byNumber(Dataset<Row> frame, String column) {
        Map<String, Object> out = new TreeMap<>();
        for (Row r : frame.select("number", column).collectAsList()) {
            out.put(r.getString(0), r.get(1));
        }
        return out;
    }
}
