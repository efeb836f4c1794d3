package com.zhifang.features.behaviour;

import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Final feature rows of day D: the merged window values ({@link WindowMerger}) joined with the
 * window features that come from pairs, carried numbers or SMS recipients and with the as-of-D attributes, in the
 * column order of the output schema. Cost: left joins of per-entity rows (the snapshot-sized ones
 * are shuffled, police notices broadcast).
 */
public final class FeatureRows {
    private FeatureRows() {}

    /**
     * Numbers: our subscribers seen in the window, and other numbers that called or texted ours
     * (numbers only called by ours are context, not entities).
     *
     * @param contacts    the window features from contact pairs ({@link ContactPairs#toWindowContacts}); the range
     *                    figures of international callers are summed from them here ({@link CallerRanges})
     * @param recipients  the window features from stored SMS recipients ({@link SmsSenders#toWindowRecipients})
     * @param linkSenders the window features from stored link senders ({@link SmsSenders#toWindowLinkSenders})
     * @param subscribers the snapshot that applies to D
     * @param police      all police notices (those notified on or before D count)
     */
    public static Dataset<Row> toNumberFeatures(Dataset<Row> windowed, Dataset<Row> contacts, Dataset<Row> recipients,
                                                Dataset<Row> linkSenders, Dataset<Row> subscribers, Dataset<Row> police, LocalDate day, List<Integer> windows) {
        EntityFeatures def = FeatureSets.NUMBER_FEATURES;
        RequiredColumns.check(subscribers, "toNumberFeatures", MSISDN, ACTIVATED_ON, PLAN, CUSTOMER_TYPE, RESELLER_ID,
                REAL_NAME_VERIFIED, STATUS, ID_HASH);
        RequiredColumns.check(police, "toNumberFeatures", NUMBER, NOTIFIED_ON);
        Dataset<Row> profile = subscribers.filter(col(MSISDN).isNotNull())
                .withColumn(SIMS_SAME_IDENTITY, when(col(ID_HASH).isNotNull(),
                        count(lit(1)).over(Window.partitionBy(ID_HASH))))
                .select(col(MSISDN).as("_msisdn"), col(ACTIVATED_ON), col(PLAN), col(CUSTOMER_TYPE), col(RESELLER_ID),
                        col(REAL_NAME_VERIFIED), col(STATUS), col(SIMS_SAME_IDENTITY));
        Dataset<Row> notified = police.filter(col(NOTIFIED_ON).leq(lit(day)).and(col(NUMBER).isNotNull()))
                .groupBy(col(NUMBER).as("_notified")).agg(min(NOTIFIED_ON).as(POLICE_NOTIFIED_ON));
        List<StructField> pairAndRange = new ArrayList<>(FeatureSets.NUMBER_PAIR_FEATURES);
        pairAndRange.addAll(FeatureSets.RANGE_FEATURES);
        Dataset<Row> withContacts = withJoined(withJoined(windowed, CallerRanges.withRangeOneRing(contacts, windows), NUMBER,
                        pairAndRange, windows),
                recipients.withColumnRenamed(ENTITY_ID, NUMBER), NUMBER, FeatureSets.SMS_RECIPIENT_FEATURES, windows);
        Map<String, Column> shares = new LinkedHashMap<>();
        for (int w : windows) {
            shares.put(windowed(NEW_CALLEE_SHARE, w), try_divide(col(windowed(NEW_CALLEES, w)).cast("double"), col(windowed(CALLEES, w))));
        }
        withContacts = withContacts.withColumns(shares);
        Dataset<Row> joined = withJoined(withContacts, linkSenders, NUMBER, FeatureSets.LINK_SENDER_FEATURES, windows)
                .join(profile, col(NUMBER).equalTo(col("_msisdn")), "left")
                .join(broadcast(notified), col(NUMBER).equalTo(col("_notified")), "left")
                .withColumn(IS_SUBSCRIBER, col("_msisdn").isNotNull())
                .withColumn(SIM_AGE_DAYS, datediff(lit(day), col(ACTIVATED_ON)))
                .withColumn(POLICE_NOTIFIED, col(POLICE_NOTIFIED_ON).isNotNull());
        int longest = java.util.Collections.max(windows);
        Column active = col(windowed(CALLS_OUT, longest)).gt(0).or(col(windowed(SMS_OUT, longest)).gt(0));
        return EntityFeatures.conform(joined.filter(col(IS_SUBSCRIBER).or(active)), def.outputSchema(windows), "toNumberFeatures");
    }

    /** @param newSims the window features from stored served numbers ({@link DeviceStates#toWindowNewSims}) */
    public static Dataset<Row> toDeviceFeatures(Dataset<Row> windowed, Dataset<Row> newSims, List<Integer> windows) {
        EntityFeatures def = FeatureSets.DEVICE_FEATURES;
        Dataset<Row> joined = withJoined(windowed, newSims.withColumnRenamed(ENTITY_ID, IMEI), IMEI, def.joinedFeatures(), windows);
        return EntityFeatures.conform(joined, def.outputSchema(windows), "toDeviceFeatures");
    }

    /** @param trunks the trunk snapshot that applies to D (type and owner) */
    public static Dataset<Row> toTrunkFeatures(Dataset<Row> windowed, Dataset<Row> carriedFeatures, Dataset<Row> trunks,
                                               List<Integer> windows) {
        EntityFeatures def = FeatureSets.TRUNK_FEATURES;
        RequiredColumns.check(trunks, "toTrunkFeatures", TRUNK_ID, TRUNK_TYPE, OWNER);
        Dataset<Row> types = trunks.select(col(TRUNK_ID).as("_trunk"), col(TRUNK_TYPE), col(OWNER));
        Dataset<Row> joined = withJoined(windowed, carriedFeatures.withColumnRenamed(ENTITY_ID, TRUNK_ID), TRUNK_ID,
                def.joinedFeatures(), windows)
                .join(broadcast(types), col(TRUNK_ID).equalTo(col("_trunk")), "left");
        return EntityFeatures.conform(joined, def.outputSchema(windows), "toTrunkFeatures");
    }

    /** @param recipients the window features from stored SMS recipients ({@link SmsSenders#toWindowRecipients}) */
    public static Dataset<Row> toPortCustomerFeatures(Dataset<Row> windowed, Dataset<Row> carriedFeatures, Dataset<Row> recipients,
                                                      List<Integer> windows) {
        EntityFeatures def = FeatureSets.PORT_CUSTOMER_FEATURES;
        Dataset<Row> withCarried = withJoined(windowed, carriedFeatures.withColumnRenamed(ENTITY_ID, PORT_CUSTOMER), PORT_CUSTOMER,
                FeatureSets.carriedFeatures(PORT_CODES), windows);
        Dataset<Row> joined = withJoined(withCarried, recipients.withColumnRenamed(ENTITY_ID, PORT_CUSTOMER), PORT_CUSTOMER,
                FeatureSets.SMS_RECIPIENT_FEATURES, windows);
        return EntityFeatures.conform(joined, def.outputSchema(windows), "toPortCustomerFeatures");
    }

    /**
     * Left join of joined window features; counts an entity has no row for become 0, ratios stay null.
     * The zeroed counts are one projection ({@code withColumns}), not one {@code withColumn} each: every
     * {@code withColumn} re-analyses the whole plan, which shows in the driver's time on small runs
     * ({@code docs/measurements/2026-12-02-driver-time-session-26.md}).
     */
    private static Dataset<Row> withJoined(Dataset<Row> windowed, Dataset<Row> extra, String key, List<StructField> features,
                                           List<Integer> windows) {
        Dataset<Row> renamed = extra.withColumnRenamed(key, "_key");
        Dataset<Row> joined = windowed.join(renamed, col(key).equalTo(col("_key")), "left").drop("_key");
        Map<String, Column> zeroed = new LinkedHashMap<>();
        for (StructField f : features) {
            if (f.dataType().equals(org.apache.spark.sql.types.DataTypes.LongType)) {
                for (int w : windows) {
                    zeroed.put(windowed(f.name(), w), coalesce(col(windowed(f.name(), w)), lit(0L)));
                }
            }
        }
        return joined.withColumns(zeroed);
    }
}
