package com.zhifang.features.behaviour;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.Platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * The one text fingerprint: messages from the same template get the same value although spammers
 * vary them (names, codes, short links, separators, look-alike characters, homophones).
 *
 * <p>Steps, in SQL expressions: fold look-alike characters ({@link #folded}); lower-case; drop the
 * bracketed signature ({@code 【...】}, which spam rotates); mask URLs, honorific names
 * ({@code 王先生}, {@code 李女士}) and every token holding a digit (amounts, codes, ids); keep
 * letters only (drops separators, punctuation, emoji used to break keyword filters). The
 * fingerprint is then a one-permutation MinHash of the character bigrams: the smallest 64-bit hash
 * of any bigram. Two variants of one template share most bigrams, so they share the minimum with
 * probability equal to their bigram Jaccard similarity (typically 0.7-0.9 for spam variants);
 * unrelated texts almost never do. Texts shorter than two letters hash whole. Null for an empty or
 * missing text.
 *
 * <p>The MinHash is one small Java function ({@link #minBigramHash}), giving exactly Spark's
 * {@code xxhash64} of each bigram. Written as a SQL lambda over the bigram positions it ran
 * interpreted, and Spark inlined the five masking regexes into the lambda, so they ran once per
 * character instead of once per message.
 */
public final class TextFingerprint {
    private TextFingerprint() {}

    /** Host-with-path, scheme or www form: {@code t.cn/abc}, {@code https://x.y}, {@code www.x.com}. */
    public static final String URL_REGEX = "(?i)(https?://\\S+|www\\.\\S+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/[a-z0-9/?=&%._-]*)";
    private static final String SIGNATURE_REGEX = "【[^】]*】";
    private static final String NAME_REGEX = "\\p{IsHan}(先生|女士|小姐|总)";
    private static final String DIGIT_TOKEN_REGEX = "(?i)[a-z]*[0-9][a-z0-9]*";
    /** The masks (Java regular expressions), in the order applied to the lower-cased text: each match becomes a space. */
    public static final List<String> MASKS = List.of(SIGNATURE_REGEX, URL_REGEX, NAME_REGEX, DIGIT_TOKEN_REGEX);
    /** What the skeleton drops after the masks: everything but letters. */
    public static final String NON_LETTER_REGEX = "[^\\p{L}]";

    /**
     * Look-alike characters spammers substitute to dodge keyword filters ({@link #FOLD_FROM}), and
     * what each folds to (the character at the same place of {@link #FOLD_TO}): full-width forms
     * ({@code ｖｘ}, {@code ｔ．ｃｎ}, {@code １２３}: the Unicode block U+FF01-U+FF5E, which Chinese input
     * methods type with one key) to their ASCII letter, digit or sign; the ideographic space and full
     * stops to a space and a dot (so {@code t。cn/x} is a link); Cyrillic and Greek capitals and
     * small letters drawn like Latin ones ({@code Ваnк}) to those. The list ends with characters
     * that have no counterpart and are deleted: zero-width spaces and joiners, the word joiner, the
     * byte-order mark and the soft hyphen, which split a word or a link without showing.
     */
    public static final String FOLD_FROM;
    public static final String FOLD_TO;

    static {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
            from.append(c);
            to.append((char) (c - 0xFEE0));
        }
        from.append("\u3000\u3002\uFF61").append("АВЕКМНОРСТХаеокрсухіјѕ").append("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο");
        to.append(" ..").append("ABEKMHOPCTXaeokpcyxijs").append("ABEZHIKMNOPTYXo");
        FOLD_FROM = from.append("\u200B\u200C\u200D\u2060\uFEFF\u00AD").toString();
        FOLD_TO = to.toString();
    }

    /**
     * The text with look-alike characters folded and invisible ones deleted: one {@code translate},
     * which means the same in Spark and DuckDB (characters of the first list beyond the second's
     * length are deleted). Run before the masks and the link check, so a full-width digit is masked
     * like an ASCII one and a full-width link is a link.
     */
    public static Column folded(Column text) {
        return translate(text, FOLD_FROM, FOLD_TO);
    }

    /** The fingerprint (bigint) of a text column. */
    public static Column of(Column text) {
        Column t = lower(folded(text));
        for (String mask : MASKS) {
            t = regexp_replace(t, lit(mask), lit(" "));
        }
        Column skeleton = regexp_replace(t, lit(NON_LETTER_REGEX), lit(""));
        return when(hasText(text), MIN_BIGRAM_HASH.apply(skeleton));
    }

    /**
     * Whether a text has a fingerprint (is neither missing nor blank): the same answer as
     * {@code of(text).isNotNull()} without running the masks and the hash.
     */
    public static Column hasText(Column text) {
        return coalesce(trim(text).notEqual(lit("")), lit(false));
    }

    private static final UserDefinedFunction MIN_BIGRAM_HASH =
            udf((UDF1<String, Long>) TextFingerprint::minBigramHash, DataTypes.LongType);

    /** Spark's {@code xxhash64} seed: the values equal {@code xxhash64(substr(s, i, 2))} in SQL. */
    private static final long XXHASH64_SEED = 42L;

    /**
     * The smallest {@code xxhash64} of any two consecutive characters (code points, as SQL's
     * {@code substr} counts them) of {@code skeleton}; the hash of the whole text when it has fewer
     * than two. Null for null.
     */
    static Long minBigramHash(String skeleton) {
        if (skeleton == null) {
            return null;
        }
        int[] codePoints = skeleton.codePoints().toArray();
        if (codePoints.length < 2) {
            return xxhash64(skeleton);
        }
        long min = Long.MAX_VALUE;
        for (int i = 0; i + 1 < codePoints.length; i++) {
            min = Math.min(min, xxhash64(new String(codePoints, i, 2)));
        }
        return min;
    }

    private static long xxhash64(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return XXH64.hashUnsafeBytes(utf8, Platform.BYTE_ARRAY_OFFSET, utf8.length, XXHASH64_SEED);
    }

    /** What may follow a link's host (path, query, fragment), in ASCII: a link ends at the first other character. */
    private static final String LINK_CHARS_REGEX = "^[A-Za-z0-9./?=&%_~#+-]*";

    /**
     * The text's first link (as {@link #hasUrl} finds it, look-alikes folded), normalised so that one
     * link sent by several numbers reads the same: scheme and {@code www.} dropped, the host
     * lower-cased (hosts ignore case; short-link paths do not, so the path keeps its case), cut at
     * the first character a link cannot hold (Chinese text written against it) and stripped of
     * trailing punctuation. Null when the text has no link. Evidence an analyst can search the
     * records for: {@code t.cn/Ab3xYz}.
     */
    public static Column link(Column text) {
        Column found = regexp_extract(folded(text), URL_REGEX, 0);
        Column bare = regexp_replace(found, lit("(?i)^(https?://)?(www\\.)?"), lit(""));
        Column trimmed = regexp_replace(regexp_extract(bare, LINK_CHARS_REGEX, 0), lit("[./?=&#_~-]+$"), lit(""));
        Column host = substring_index(trimmed, "/", 1);
        Column normalised = concat(lower(host), trimmed.substr(length(host).plus(1), lit(Integer.MAX_VALUE)));
        return when(host.contains("."), normalised);
    }

    /** Whether a text holds a link, once its look-alike characters are folded. */
    public static Column hasUrl(Column text) {
        return coalesce(folded(text).rlike(URL_REGEX), lit(false));
    }
}
