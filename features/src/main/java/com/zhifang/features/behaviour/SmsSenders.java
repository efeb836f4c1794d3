package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * What any SMS sender accumulates in a day, whoever it is (a number, a port customer): messages,
 * delivered, messages with captured text and with links, and the count of messages per text
 * fingerprint ({@link TextFingerprint}), from which template concentration is read over any window;
 * and, stored apart, the recipients it reached ({@link DistinctNumbers}), from which its distinct
 * recipients are counted exactly over any window.
 *
 * <p>Links shared across senders: spammers split one campaign over many SIMs so that each stays
 * under per-number limits (a few dozen recipients a week each), but every SIM sends the campaign's
 * link. The numbers that sent each link are stored per day ({@link #toLinkSenderDayState}, entity
 * type {@link #LINK} in {@code carried_number_day_state}), and a number's {@code link_senders} is
 * the most numbers that sent any one link it sent ({@link #toWindowLinkSenders}): 1 for a person
 * sharing a link of their own, dozens for a SIM of a split campaign. A count anyone can recheck by
 * searching the window's messages for the link. Links are forwarded too (a vote, a coupon), by
 * people whose SIMs are years old, while a campaign's SIMs are a fresh batch: {@code link_new_senders}
 * counts only the senders whose SIM is new ({@link FeatureSets#NEW_SIM_DAYS}) on D.
 *
 * <p>Cost: two aggregations of the sender's rows (by sender, and by sender and fingerprint), each
 * with map-side partial aggregation; no join. The recipients: one more (by sender and recipient).
 */
public final class SmsSenders {
    private SmsSenders() {}

    /** Entity type of links in {@code carried_number_day_state}: the numbers that sent each link. */
    public static final String LINK = "LINK";

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
     * sms_recipients_<n>d..., repeat_recipients_<n>d..., repeat_recipient_share_<n>d...}: its
     * distinct recipients of each window, those it messaged on at least two days of the window, and
     * their share of the recipients (exact). A bank or a utility messages its own customers again
     * and again; a spam run reaches each bought number once. Cost: one aggregation of the window's
     * pairs by (sender, recipient), one by sender.
     *
     * @param recipients the stored pairs ({@code sms_recipient_day_state})
     */
    public static Dataset<Row> toWindowRecipients(Dataset<Row> recipients, String entityType, LocalDate day, List<Integer> windows) {
        Dataset<Row> pairs = DistinctNumbers.toLastSeen(recipients, entityType, day, windows, true);
        List<Column> counts = new ArrayList<>();
        for (int w : windows) {
            counts.add(count_if(DistinctNumbers.seenWithin(day, w)).as(windowed(SMS_RECIPIENTS, w)));
            counts.add(count_if(DistinctNumbers.daysSeen(w).geq(2)).as(windowed(REPEAT_RECIPIENTS, w)));
        }
        List<Column> out = new ArrayList<>(List.of(col(ENTITY_ID)));
        for (int w : windows) {
            out.add(col(windowed(SMS_RECIPIENTS, w)));
            out.add(col(windowed(REPEAT_RECIPIENTS, w)));
            out.add(try_divide(col(windowed(REPEAT_RECIPIENTS, w)), col(windowed(SMS_RECIPIENTS, w)))
                    .cast("double").as(windowed(REPEAT_RECIPIENT_SHARE, w)));
        }
        return pairs.groupBy(ENTITY_ID).agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]))
                .select(out.toArray(new Column[0]));
    }

    /**
     * The day's distinct (link, sender) pairs ({@link TextFingerprint#link}), as {@link DistinctNumbers}
     * rows of entity type {@link #LINK} (messages without a link have none and drop out). Cost: the
     * link's extraction on each message, one partially-aggregated shuffle of the messages that carry one.
     *
     * @param outgoing the day's outgoing messages keyed by sender ({@link Sides#outgoingSms})
     */
    public static Dataset<Row> toLinkSenderDayState(Dataset<Row> outgoing, LocalDate day) {
        RequiredColumns.check(outgoing, "toLinkSenderDayState", NUMBER, CONTENT);
        Dataset<Row> links = outgoing.select(col(NUMBER), TextFingerprint.link(col(CONTENT)).as("_link"));
        return DistinctNumbers.toDayState(links, LINK, "_link", NUMBER, day);
    }

    /**
     * Per number that sent a link in the longest window: {@code number, link_senders_<n>d...,
     * link_new_senders_<n>d...}: of the links it sent in each window, the most distinct numbers that
     * sent the same link in that window (itself included), and the most of them whose SIM was
     * activated at most {@link FeatureSets#NEW_SIM_DAYS} days before D by the snapshot of D (numbers
     * not in it are not new). Each maximum is over the number's links on its own, so the two may come
     * from different links. Exact, from the stored pairs. Cost: an aggregation of the window's link
     * pairs by (link, number), a join with the snapshot's activation dates, one aggregation by link,
     * its join back, and one by number; only messages with links reach it.
     *
     * @param carried     the stored pairs ({@code carried_number_day_state}; only entity type {@link #LINK} is read)
     * @param subscribers the subscriber snapshot that applies to D
     */
    public static Dataset<Row> toWindowLinkSenders(Dataset<Row> carried, Dataset<Row> subscribers, LocalDate day, List<Integer> windows) {
        Dataset<Row> lastSeen = DistinctNumbers.withNewSimFlag(DistinctNumbers.toLastSeen(carried, LINK, day, windows),
                subscribers, day);
        Map<String, Column> countedWhen = new LinkedHashMap<>();
        countedWhen.put(LINK_SENDERS, lit(true));
        countedWhen.put(LINK_NEW_SENDERS, col(DistinctNumbers.IS_NEW_SIM));
        Dataset<Row> perLink = DistinctNumbers.toWindowCounts(lastSeen, countedWhen, day, windows);
        List<Column> most = new ArrayList<>();
        for (String feature : countedWhen.keySet()) {
            for (int w : windows) {
                String name = windowed(feature, w);
                most.add(max(when(DistinctNumbers.seenWithin(day, w), col(name))).as(name));
            }
        }
        return lastSeen.join(perLink, ENTITY_ID).groupBy(NUMBER)
                .agg(most.get(0), most.subList(1, most.size()).toArray(new Column[0]));
    }
}
