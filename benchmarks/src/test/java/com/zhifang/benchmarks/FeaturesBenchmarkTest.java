package com.zhifang.benchmarks;

import com.zhifang.features.behaviour.SmsSenders;
import com.zhifang.features.schema.Tables;
import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static com.zhifang.features.testing.Records.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The DuckDB side of the features benchmark computes what Spark computes: the messages per text
 * template of each sender (the costliest SMS aggregate), on texts that vary the way spam does; and
 * the floor aggregation both engines run for scale.
 */
class FeaturesBenchmarkTest {
    static final String A = "+8613800000001";
    static final String B = "+8613800000002";
    static final String X = "+8613900000009";

    @TempDir
    Path tmp;

    @Test
    void duckDbGroupsEachSendersTextsIntoTheSameTemplatesAsSpark() throws Exception {
        SparkSession spark = SparkTestSession.get();
        List<Row> messages = List.of(
                sms("s1", "MO", "2026-11-01T09:00:00", A, X).content("【工商银行】王先生，您的账户 6222 0201 异常，请点击 t.cn/Ab12 处理").row(),
                sms("s2", "MO", "2026-11-01T09:01:00", A, X).content("【建设银行】李女士，您的账户 ６２１７ ９９１１ 异\u200B常，请点击 ｈｔｔｐ：／／ｘ．ｃｎ／Ｚｚ９ 处理").row(),
                sms("s3", "MO", "2026-11-01T09:02:00", A, X).content("Your code is 482913, valid for 5 minutes").row(),
                sms("s4", "MO", "2026-11-01T09:03:00", A, X).content("Your code is 771204, valid for 5 minutes").row(),
                sms("s5", "MO", "2026-11-01T09:04:00", A, X).content("晚上一起吃饭吗").row(),
                sms("s6", "MO", "2026-11-01T09:05:00", A, X).content("   ").row(),
                sms("s7", "MO", "2026-11-01T09:06:00", B, X).content("明天见").row(),
                sms("s8", "MO", "2026-11-01T09:07:00", B, X).content("123456").row());
        Dataset<Row> sms = table(spark, Tables.SMS_MESSAGES, messages);
        Dataset<Row> voice = table(spark, Tables.VOICE_CALLS, voice("v1", "MO", "2026-11-01T10:00:00", A, B).answered(30).row());
        Dataset<Row> subscribers = table(spark, Tables.REF_SUBSCRIBERS,
                subscriber(A, "imsi-a", LocalDate.of(2020, 1, 1), "PREPAID", "id-a", LocalDate.of(2026, 11, 1)),
                subscriber(B, "imsi-b", LocalDate.of(2020, 1, 1), "PREPAID", "id-b", LocalDate.of(2026, 11, 1)));
        voice.write().parquet(tmp.resolve("voice").toString());
        sms.write().parquet(tmp.resolve("sms").toString());
        subscribers.write().parquet(tmp.resolve("subscribers").toString());

        FeaturesBenchmark.duckDbDailyNumberState(tmp);

        Map<String, List<Long>> duck = templateSizes(spark.read().parquet(tmp.resolve("out-duckdb.parquet").toString())
                .selectExpr(NUMBER, "map_values(sms_templates) AS sizes"));
        Map<String, List<Long>> sparkSizes = templateSizes(SmsSenders.toSenderStateParts(sms.withColumnRenamed(SENDER, NUMBER), NUMBER)
                .get(1).selectExpr(NUMBER, "map_values(" + SMS_TEMPLATES + ") AS sizes"));
        assertEquals(Map.of(A, List.of(1L, 2L, 2L), B, List.of(1L, 1L)), sparkSizes,
                "two bank variants (one in full-width forms), two codes, one chat; blanks have no template");
        assertEquals(sparkSizes, duck);
        Dataset<Row> sparkCounts = SmsSenders.toSenderStateParts(sms.withColumnRenamed(SENDER, NUMBER), NUMBER).get(0);
        Dataset<Row> duckCounts = spark.read().parquet(tmp.resolve("out-duckdb.parquet").toString()).where(col(SMS_OUT).isNotNull());
        assertEquals(Map.of(A, 2L, B, 0L), links(sparkCounts), "both bank texts carry a link");
        assertEquals(links(sparkCounts), links(duckCounts));
    }

    private static Map<String, Long> links(Dataset<Row> counts) {
        return counts.select(col(NUMBER), col(SMS_WITH_URL).cast("long")).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    }

    @Test
    void bothFloorAggregationsCountTheSameCallsAndSeconds() throws Exception {
        SparkSession spark = SparkTestSession.get();
        table(spark, Tables.VOICE_CALLS,
                voice("v1", "MO", "2026-11-01T10:00:00", A, B).answered(30).row(),
                voice("v2", "MT", "2026-11-01T10:00:00", A, B).answered(30).row(),
                voice("v3", "MO", "2026-11-01T11:00:00", B, X).row(),
                voice("v4", "GW", "2026-11-01T12:00:00", null, A).answered(7).row())
                .write().parquet(tmp.resolve("voice").toString());

        FeaturesBenchmark.sparkFloorAggregation(spark, tmp);
        FeaturesBenchmark.duckDbFloorAggregation(tmp);

        String columns = "number, calls_out, calls_in, seconds";
        List<Row> fromSpark = spark.read().parquet(tmp.resolve("out-spark-floor").toString()).selectExpr(columns.split(", "))
                .orderBy(NUMBER).collectAsList();
        List<Row> fromDuck = spark.read().parquet(tmp.resolve("out-duckdb-floor.parquet").toString()).selectExpr(columns.split(", "))
                .orderBy(NUMBER).collectAsList();
        assertEquals(List.of(A, B, X), fromSpark.stream().map(r -> r.getString(0)).toList(), "the hidden caller is not a number");
        assertEquals(fromSpark.toString(), fromDuck.toString());
        assertEquals("[+8613800000001,2,1,67]", fromSpark.get(0).toString(), "A: two rows as caller, one as callee (from a hidden caller)");
    }

    /** Per sender, its template sizes in ascending order. */
    private static Map<String, List<Long>> templateSizes(Dataset<Row> rows) {
        Map<String, List<Long>> sizes = new TreeMap<>();
        for (Row r : rows.where("sizes IS NOT NULL").collectAsList()) {
            sizes.put(r.getString(0), r.<Number>getList(1).stream().map(Number::longValue).sorted().toList());
        }
        return sizes;
    }
}
