package com.zhifang.features.behaviour;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.*;

/**
 * The one text fingerprint: messages from the same template get the same value although spammers
 * vary them (names, codes, short links, separators, homophones).
 *
 * <p>Steps, all in SQL expressions (no UDF): lower-case; drop the bracketed signature
 * ({@code 【...】}, which spam rotates); mask URLs, honorific names ({@code 王先生}, {@code 李女士})
 * and every token holding a digit (amounts, codes, ids); keep letters only (drops separators,
 * punctuation, emoji used to break keyword filters). The fingerprint is then a one-permutation
 * MinHash of the character bigrams: the smallest 64-bit hash of any bigram. Two variants of one
 * template share most bigrams, so they share the minimum with probability equal to their bigram
 * Jaccard similarity (typically 0.7-0.9 for spam variants); unrelated texts almost never do.
 * Texts shorter than two letters hash whole. Null for an empty or missing text.
 */
public final class TextFingerprint {
    private TextFingerprint() {}

    /** Host-with-path, scheme or www form: {@code t.cn/abc}, {@code https://x.y}, {@code www.x.com}. */
    public static final String URL_REGEX = "(?i)(https?://\\S+|www\\.\\S+|[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/[a-z0-9/?=&%._-]*)";
    private static final String SIGNATURE_REGEX = "【[^】]*】";
    private static final String NAME_REGEX = "\\p{IsHan}(先生|女士|小姐|总)";

    /** The fingerprint (bigint) of a text column. */
    public static Column of(Column text) {
        Column t = lower(text);
        t = regexp_replace(t, lit(SIGNATURE_REGEX), lit(" "));
        t = regexp_replace(t, lit(URL_REGEX), lit(" "));
        t = regexp_replace(t, lit(NAME_REGEX), lit(" "));
        t = regexp_replace(t, lit("(?i)[a-z]*[0-9][a-z0-9]*"), lit(" "));
        Column skeleton = regexp_replace(t, lit("[^\\p{L}]"), lit(""));
        Column minBigram = array_min(transform(sequence(lit(1), length(skeleton).minus(1)),
                i -> xxhash64(skeleton.substr(i, lit(2)))));
        return when(text.isNull().or(trim(text).equalTo("")), lit(null).cast("bigint"))
                .when(length(skeleton).lt(2), xxhash64(skeleton))
                .otherwise(minBigram);
    }

    /** Whether a text holds a link. */
    public static Column hasUrl(Column text) {
        return coalesce(text.rlike(URL_REGEX), lit(false));
    }
}
