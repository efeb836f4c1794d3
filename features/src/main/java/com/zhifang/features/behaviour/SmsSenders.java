package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

import static com.zhifang.features.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * What any SMS sender accumulates in a day, whoever it is (a number, a port customer): messages,
 * delivered, messages with captured text and with links, and the count of messages per text
 * fingerprint ({@link TextFingerprint}), from which template concentration is read over any window;
 * and, stored apart, the recipients it reached ({@link DistinctNumbers}), from which its distinct
 * recipients are counted exactly over any window.
 *
 * <p>Cost: two aggregations of the sender's rows (by sender, and by sender and fingerprint), each
 * with map-side partial aggregation; no join. The recipients: one more (by sender and recipient).
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
        RequiredColumns.check(messages, "toSenderStateParts", key, CONTENT, DELIVERED);
        Dataset<Row> rows = messages.filter(col(key).isNotNull())
                .select(col(key), col(DELIVERED),
                        TextFingerprint.hasText(col(CONTENT)).as("_has_text"), TextFingerprint.hasUrl(col(CONTENT)).as("_url"),
                        col(CONTENT));
        // The counts need only whether there is text; the masks and the hash run in the template part alone.
        Column hasText = col("_has_text");
        Dataset<Row> counts = HashedKeys.groupByKey(rows, key).agg(
                count(lit(1)).as(SMS_OUT),
                sum(when(col(DELIVERED), 1L).otherwise(0L)).as(SMS_DELIVERED),
                sum(when(hasText, 1L).otherwise(0L)).as(SMS_WITH_CONTENT),
                sum(when(col("_url"), 1L).otherwise(0L)).as(SMS_WITH_URL));
        Dataset<Row> byTemplate = rows.filter(hasText).withColumn("_fp", TextFingerprint.of(col(CONTENT)))
                .groupBy(col(key), col("_fp")).agg(count(lit(1)).as("_n"));
        Dataset<Row> templates = HashedKeys.groupByKey(byTemplate, key).agg(map_from_entries(collect_list(struct(col("_fp"), col("_n")))).as(SMS_TEMPLATES));
        return List.of(counts, templates);
    }

    /** The day's distinct (sender, recipient) pairs, stored in {@code sms_recipient_day_state}. */
    public static Dataset<Row> toRecipientDayState(Dataset<Row> messages, String entityType, String key, LocalDate day) {
        return DistinctNumbers.toDayState(messages, entityType, key, RECIPIENT, day);
    }

    /**
     * Per sender of {@code entityType} that sent in the longest window: {@code entity_id,
     * sms_recipients_<n>d...}, its distinct recipients of each window, exact.
     *
     * @param recipients the stored pairs ({@code sms_recipient_day_state})
     */
    public static Dataset<Row> toWindowRecipients(Dataset<Row> recipients, String entityType, LocalDate day, List<Integer> windows) {
        return DistinctNumbers.toWindowCounts(DistinctNumbers.toLastSeen(recipients, entityType, day, windows), SMS_RECIPIENTS,
                day, windows);
    }
}
