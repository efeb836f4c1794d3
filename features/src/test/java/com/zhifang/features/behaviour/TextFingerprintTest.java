package com.zhifang.features.behaviour;

import com.zhifang.features.testing.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

class TextFingerprintTest {

    private static List<Row> fingerprints(String... texts) {
        Dataset<Row> df = SparkTestSession.get().createDataset(Arrays.asList(texts), Encoders.STRING()).toDF("t");
        return df.select(TextFingerprint.of(col("t")).as("fp"), TextFingerprint.hasUrl(col("t")).as("url")).collectAsList();
    }

    @Test
    void variantsOfOneTemplateShareAFingerprint() {
        List<Row> fp = fingerprints(
                "【澳门葡京】首存送45%，博彩日返水，官网 t.cn/Ab3xYz , 认准\"官方\"，邀请码vip1234",
                "【金沙】首存送90%，博彩日返水，官网 dwz.cn/Qw8Rt2 , 认准\"官方\"，邀请码kk88",
                "王先生您好，您的信用额度已提升至30000元，低息贷款当天到账，退订回T",
                "李女士您好，您的信用额度已提升至150000元，低息贷款当天到账，退订回T",
                "好的，晚上见");
        assertEquals(fp.get(0).get(0), fp.get(1).get(0), "signature, link, amount and code masked");
        assertEquals(fp.get(2).get(0), fp.get(3).get(0), "name and amount masked");
        assertNotEquals(fp.get(0).get(0), fp.get(2).get(0));
        assertNotEquals(fp.get(2).get(0), fp.get(4).get(0));
    }

    /** Full-width forms, Cyrillic look-alikes and zero-width characters are how spam dodges keyword filters. */
    @Test
    void lookAlikeCharactersFoldIntoTheTemplate() {
        List<Row> fp = fingerprints(
                "加vx: abc123 领取bank补贴，官网 t.cn/Ab3xYz",
                "加ｖｘ：ａｂｃ１２３ 领取Ｂａｎｋ补贴，官网 ｔ．ｃｎ/Ａｂ３ｘＹｚ",
                "加v\u200Bx: kk88 领取Ваnк补\u00AD贴，官网 t。cn/Qw8",
                "加vx: abc123 领取cash补贴，官网 t.cn/Ab3xYz");
        assertEquals(fp.get(0).get(0), fp.get(1).get(0), "full-width letters, digits and signs");
        assertEquals(fp.get(0).get(0), fp.get(2).get(0), "zero-width space, soft hyphen, Cyrillic В а к");
        assertNotEquals(fp.get(0).get(0), fp.get(3).get(0), "another word is another text");
        assertEquals(List.of(true, true, true, true), fp.stream().map(r -> r.getBoolean(1)).toList(),
                "full-width and ideographic-stop links are links");
    }

    @Test
    void foldingMapsEachLookAlikeToOneCharacterAndDeletesInvisibleOnes() {
        assertEquals(TextFingerprint.FOLD_FROM.codePoints().count(), TextFingerprint.FOLD_FROM.length(), "all in the BMP");
        assertEquals(TextFingerprint.FOLD_FROM.length(), TextFingerprint.FOLD_FROM.chars().distinct().count(), "no character twice");
        Dataset<Row> df = SparkTestSession.get().createDataset(
                List.of("ＡＢＣ　ｘｙｚ！", "Ｔ\u200Bｅst。", "普通文本 plain"), Encoders.STRING()).toDF("t");
        assertEquals(List.of("ABC xyz!", "Test.", "普通文本 plain"),
                df.select(TextFingerprint.folded(col("t"))).as(Encoders.STRING()).collectAsList());
    }

    /** One link reads the same however a sender writes it: scheme, www, host case, full-width forms, text around it. */
    @Test
    void linksAreNormalisedToWhatAnAnalystSearchesFor() {
        List<String> texts = Arrays.asList("官网 http://WWW.Dwz.CN/Qw8Rt2 , 认准", "点击 t.cn/Ab3xYz处理", "请点击 https://t.cn/Ab3xYz处理",
                "点 ｔ．ｃｎ／Ａｂ３ｘＹｚ。", "see www.example.com/x?a=1.", "HTTPS://T.CN/Ab3", "收到", null);
        Dataset<Row> df = SparkTestSession.get().createDataset(texts, Encoders.STRING()).toDF("t");
        assertEquals(Arrays.asList("dwz.cn/Qw8Rt2", "t.cn/Ab3xYz", "t.cn/Ab3xYz", "t.cn/Ab3xYz", "example.com/x?a=1", "t.cn/Ab3", null, null),
                df.select(TextFingerprint.link(col("t"))).as(Encoders.STRING()).collectAsList());
    }

    @Test
    void emptyTextHasNoFingerprintAndLinksAreFound() {
        List<Row> fp = fingerprints("", null, "收到", "官网 t.cn/Ab3xYz 领取", "see https://example.com/x", "贷.款 5000");
        assertTrue(fp.get(0).isNullAt(0));
        assertTrue(fp.get(1).isNullAt(0));
        assertFalse(fp.get(2).isNullAt(0), "a two-letter text still has one");
        assertEquals(List.of(false, false, false, true, true, false),
                fp.stream().map(r -> r.getBoolean(1)).toList());
    }

    @Test
    void minBigramHashIsSparksXxhash64OfTheBigrams() {
        List<String> texts = Arrays.asList("首存送返水官网认准官方", "ab", "a", "", "贷款😀到账", null);
        Dataset<Row> df = SparkTestSession.get().createDataset(texts, Encoders.STRING()).toDF("s");
        List<Row> sql = df.selectExpr("CASE WHEN length(s) < 2 THEN xxhash64(s) "
                + "ELSE array_min(transform(sequence(1, length(s) - 1), i -> xxhash64(substr(s, i, 2)))) END").collectAsList();
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(sql.get(i).get(0), TextFingerprint.minBigramHash(texts.get(i)), "text " + i + ": " + texts.get(i));
        }
    }

    /** The template counts count texts by {@code hasText} and fingerprint them apart: both must agree. */
    @Test
    void hasTextIsExactlyHavingAFingerprint() {
        List<String> texts = Arrays.asList("", null, "   ", "收到", "123 456", "t.cn/Ab3xYz", "a", "\t");
        Dataset<Row> df = SparkTestSession.get().createDataset(texts, Encoders.STRING()).toDF("t");
        for (Row r : df.select(TextFingerprint.hasText(col("t")), TextFingerprint.of(col("t")).isNotNull(), col("t")).collectAsList()) {
            assertFalse(r.isNullAt(0), "never null: " + r.get(2));
            assertEquals(r.getBoolean(1), r.getBoolean(0), "text [" + r.get(2) + "]");
        }
    }
}
