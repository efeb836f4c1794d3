package com.zhifang.features.graph;

import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.domain.SmsRecordType;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;

/**
 * Who shares what: the device graph (number to IMEI, from the served-subscriber side of voice and
 * SMS records) and the identity graph (number to {@code id_hash}, from the subscriber snapshot), and
 * the number pairs they imply.
 *
 * <p>Device evidence comes from every record that carries the served subscriber's IMEI: voice MO
 * ({@code calling_number}) and MT ({@code called_number}), SMS MO ({@code sender}) and MT
 * ({@code recipient}). GW and PORT rows carry no device.
 *
 * <p><b>Cap.</b> {@link #toSharedPairs} drops every attribute value held by more than
 * {@code maxNumbers} numbers: a shop's phone, a test handset, a SIM box, an enterprise identity with
 * a hundred lines link nobody. One identity may hold at most five SIMs per carrier in China, and a
 * fraud ring passes a handful of SIMs through a handful of handsets, so a cap of about ten keeps the
 * ring evidence and removes the collective devices. The cap also bounds the self-join: at most
 * {@code maxNumbers}^2 / 2 pairs per value.
 *
 * <p>Cost: device edges are a filter and an aggregation over the window's rows; pairs are one
 * aggregation and one self-join on the (capped) value. Lazy.
 */
public final class SharingGraph {
    public static final String SHARED_DEVICE = "SHARED_DEVICE";
    public static final String SHARED_IDENTITY = "SHARED_IDENTITY";

    private SharingGraph() {}

    /** {@code number, imei, records}: which number was served on which device, how many records say so. */
    public static Dataset<Row> toNumberDeviceEdges(Dataset<Row> voice, Dataset<Row> sms) {
        RequiredColumns.check(voice, "voice calls", RECORD_TYPE, CALLING_NUMBER, CALLED_NUMBER, IMEI);
        RequiredColumns.check(sms, "sms messages", RECORD_TYPE, SENDER, RECIPIENT, IMEI);
        Dataset<Row> served = voice.where(col(RECORD_TYPE).equalTo(CallRecordType.MO.code())).select(col(CALLING_NUMBER).as(NUMBER), col(IMEI))
                .union(voice.where(col(RECORD_TYPE).equalTo(CallRecordType.MT.code())).select(col(CALLED_NUMBER).as(NUMBER), col(IMEI)))
                .union(sms.where(col(RECORD_TYPE).equalTo(SmsRecordType.MO.code())).select(col(SENDER).as(NUMBER), col(IMEI)))
                .union(sms.where(col(RECORD_TYPE).equalTo(SmsRecordType.MT.code())).select(col(RECIPIENT).as(NUMBER), col(IMEI)));
        return served.where(col(NUMBER).isNotNull().and(col(IMEI).isNotNull()))
                .groupBy(NUMBER, IMEI).agg(count(lit(1)).as(RECORDS));
    }

    /** {@code number, id_hash} from a subscriber snapshot (pick it with {@code ReferenceSnapshots.asOf}). */
    public static Dataset<Row> toNumberIdentityEdges(Dataset<Row> subscribers) {
        RequiredColumns.check(subscribers, "subscribers", MSISDN, ID_HASH);
        return subscribers.where(col(MSISDN).isNotNull().and(col(ID_HASH).isNotNull()))
                .select(col(MSISDN).as(NUMBER), col(ID_HASH)).distinct();
    }

    /**
     * Number pairs sharing a value of {@code attribute} ({@code imei} or {@code id_hash}):
     * {@code number_a < number_b, kind, weight} (distinct shared values) {@code , evidence} (up to
     * five of them, e.g. {@code imei 356938035643809}). Values held by one number, or by more than
     * {@code maxNumbers} numbers (the cap, see class comment), yield nothing; numbers in
     * {@code excluded} (hubs: {@code number} column) take no part.
     */
    public static Dataset<Row> toSharedPairs(Dataset<Row> numberAttribute, String attribute, String kind, int maxNumbers,
                                             Dataset<Row> excluded) {
        RequiredColumns.check(numberAttribute, "number-" + attribute + " edges", NUMBER, attribute);
        RequiredColumns.check(excluded, "excluded numbers", NUMBER);
        if (maxNumbers < 2) {
            throw new IllegalArgumentException("maxNumbers must be at least 2, got " + maxNumbers);
        }
        Dataset<Row> distinctEdges = numberAttribute.select(NUMBER, attribute).distinct()
                .join(broadcast(excluded.select(NUMBER)), new String[] {NUMBER}, "left_anti");
        Dataset<Row> linking = distinctEdges.groupBy(attribute).agg(count(lit(1)).as("__n"))
                .where(col("__n").between(2, maxNumbers)).select(attribute);
        Dataset<Row> kept = distinctEdges.join(linking, attribute);
        Dataset<Row> left = kept.select(col(attribute), col(NUMBER).as(NUMBER_A));
        Dataset<Row> right = kept.select(col(attribute).as("__attr_b"), col(NUMBER).as(NUMBER_B));
        return left.join(right, col(attribute).equalTo(col("__attr_b")).and(col(NUMBER_A).lt(col(NUMBER_B))))
                .groupBy(NUMBER_A, NUMBER_B)
                .agg(countDistinct(attribute).cast("double").as(WEIGHT),
                        concat(lit(attribute + " "), concat_ws(";", slice(sort_array(collect_set(attribute)), 1, 5))).as(EVIDENCE))
                .select(col(NUMBER_A), col(NUMBER_B), lit(kind).as(LINK_KIND), col(WEIGHT), col(EVIDENCE));
    }

    /**
     * Per device: {@code imei, numbers} (distinct numbers served on it), {@code seeds} (how many of
     * them are seeds) and {@code capped} (more than {@code maxNumbers}: links nobody).
     */
    public static Dataset<Row> toDeviceSummary(Dataset<Row> numberDevice, Dataset<Row> seeds, int maxNumbers) {
        RequiredColumns.check(numberDevice, "number-device edges", NUMBER, IMEI);
        RequiredColumns.check(seeds, "seeds", NUMBER);
        Dataset<Row> seedFlags = seeds.select(col(NUMBER), lit(1L).as("__seed")).distinct();
        return numberDevice.select(NUMBER, IMEI).distinct()
                .join(broadcast(seedFlags), new String[] {NUMBER}, "left")
                .groupBy(IMEI)
                .agg(count(lit(1)).as(NUMBERS), org.apache.spark.sql.functions.sum(coalesce(col("__seed"), lit(0L))).as(SEEDS))
                .withColumn(CAPPED, col(NUMBERS).gt(maxNumbers));
    }
}
