package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static com.zhifang.features.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * What any SMS sender accumulates in a day, whoever it is (a number, a port customer): messages,
 * delivered, distinct recipients, messages with captured text and with links, and the count of
 * messages per text fingerprint ({@link TextFingerprint}), from which template concentration is
 * read over any window.
 *
 * <p>Cost: two aggregations of the sender's rows (by sender and recipient, then by sender and
 * fingerprint), each with map-side partial aggregation; no join.
 */
public final class SmsSenders {
    private SmsSenders() {}

    /**
     * The sender state as two parts keyed by {@code key}, to be assembled with the entity's other
     * parts by {@link StateParts#combine} (no join needed).
     *
     * @param key the sender column ({@code number}, {@code port_customer})
     */
    public static List<Dataset<Row>> toSenderStateParts(Dataset<Row> messages, String key) {
        RequiredColumns.check(messages, "toSenderStateParts", key, RECIPIENT, CONTENT, DELIVERED);
        Dataset<Row> rows = messages.filter(col(key).isNotNull())
                .select(col(key), col(RECIPIENT), col(DELIVERED),
                        TextFingerprint.hasText(col(CONTENT)).as("_has_text"), TextFingerprint.hasUrl(col(CONTENT)).as("_url"),
                        col(CONTENT));
        // The counts need only whether there is text; the masks and the hash run in the template part alone.
        Column hasText = col("_has_text");
        Dataset<Row> byRecipient = rows.groupBy(col(key), col(RECIPIENT)).agg(
                count(lit(1)).as("_n"),
                sum(when(col(DELIVERED), 1L).otherwise(0L)).as("_delivered"),
                sum(when(hasText, 1L).otherwise(0L)).as("_text"),
                sum(when(col("_url"), 1L).otherwise(0L)).as("_urls"));
        Dataset<Row> counts = HashedKeys.groupByKey(byRecipient, key).agg(
                sum("_n").as(SMS_OUT), sum("_delivered").as(SMS_DELIVERED),
                sum("_text").as(SMS_WITH_CONTENT), sum("_urls").as(SMS_WITH_URL),
                count(col(RECIPIENT)).as(SMS_RECIPIENTS + EXACT_SUFFIX),
                hll_sketch_agg(col(RECIPIENT)).as(SMS_RECIPIENTS + HLL_SUFFIX));
        Dataset<Row> byTemplate = rows.filter(hasText).withColumn("_fp", TextFingerprint.of(col(CONTENT)))
                .groupBy(col(key), col("_fp")).agg(count(lit(1)).as("_n"));
        Dataset<Row> templates = HashedKeys.groupByKey(byTemplate, key).agg(map_from_entries(collect_list(struct(col("_fp"), col("_n")))).as(SMS_TEMPLATES));
        return List.of(counts, templates);
    }
}
