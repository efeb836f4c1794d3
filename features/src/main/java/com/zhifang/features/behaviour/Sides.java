package com.zhifang.features.behaviour;

import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.domain.SmsRecordType;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Counts each call (or message) once per side. A call between two of our subscribers is an MO and an
 * MT row; a call from another network a GW and an MT row (SMS: an MT row only). So:
 * <ul>
 *   <li>outgoing of our subscribers: MO rows; of off-net and foreign senders: the transit rows (GW
 *       for voice, MT for SMS) whose sender is not one of our subscribers (a transit row showing a
 *       subscriber's number is a roamer's call or a spoof, never the subscriber's own outgoing);</li>
 *   <li>incoming of our subscribers: MT rows (and PORT messages); of off-net numbers: MO rows whose
 *       recipient is not one of our subscribers (so a Wangiri number's call-backs are its incoming).</li>
 * </ul>
 * Adds {@code number} (the side's own number) and {@code peer} (the other party; null when hidden).
 * Voice should come through {@link Presentations#toAttributableCalls} first, so that spoofed
 * transit calls are not counted as the impersonated number's own.
 *
 * <p>Cost: one broadcast anti-join against the subscriber numbers of the snapshot (a hash set of
 * about 30 bytes per subscriber); no shuffle.
 */
public final class Sides {
    private Sides() {}

    /** Voice: outgoing sides, keyed by the calling number. */
    public static Dataset<Row> outgoingCalls(Dataset<Row> voice, Dataset<Row> subscribers) {
        return outgoing(voice, subscribers, CALLING_NUMBER, CALLED_NUMBER, CallRecordType.MO.code(), CallRecordType.GW.code(),
                "outgoingCalls");
    }

    /** Voice: incoming sides, keyed by the called number. */
    public static Dataset<Row> incomingCalls(Dataset<Row> voice, Dataset<Row> subscribers) {
        return incoming(voice, subscribers, CALLING_NUMBER, CALLED_NUMBER, CallRecordType.MO.code(), List.of(CallRecordType.MT.code()),
                "incomingCalls");
    }

    /** SMS: outgoing sides, keyed by the sender. */
    public static Dataset<Row> outgoingSms(Dataset<Row> sms, Dataset<Row> subscribers) {
        return outgoing(sms, subscribers, SENDER, RECIPIENT, SmsRecordType.MO.code(), SmsRecordType.MT.code(), "outgoingSms");
    }

    /** SMS: incoming sides (person-to-person and port messages), keyed by the recipient. */
    public static Dataset<Row> incomingSms(Dataset<Row> sms, Dataset<Row> subscribers) {
        return incoming(sms, subscribers, SENDER, RECIPIENT, SmsRecordType.MO.code(),
                List.of(SmsRecordType.MT.code(), SmsRecordType.PORT.code()), "incomingSms");
    }

    private static Dataset<Row> outgoing(Dataset<Row> events, Dataset<Row> subscribers, String from, String to,
                                         String ownType, String transitType, String op) {
        RequiredColumns.check(events, op, RECORD_TYPE, from, to);
        RequiredColumns.check(subscribers, op, MSISDN);
        Dataset<Row> own = events.filter(col(RECORD_TYPE).equalTo(ownType).and(col(from).isNotNull()));
        Dataset<Row> transit = notSubscriber(events.filter(col(RECORD_TYPE).equalTo(transitType).and(col(from).isNotNull())),
                subscribers, from);
        return own.unionByName(transit).withColumn(NUMBER, col(from)).withColumn(PEER, col(to));
    }

    private static Dataset<Row> incoming(Dataset<Row> events, Dataset<Row> subscribers, String from, String to,
                                         String ownType, List<String> deliveredTypes, String op) {
        RequiredColumns.check(events, op, RECORD_TYPE, from, to);
        RequiredColumns.check(subscribers, op, MSISDN);
        Dataset<Row> delivered = events.filter(col(RECORD_TYPE).isin(deliveredTypes.toArray()).and(col(to).isNotNull()));
        Dataset<Row> offNet = notSubscriber(events.filter(col(RECORD_TYPE).equalTo(ownType).and(col(to).isNotNull())),
                subscribers, to);
        return delivered.unionByName(offNet).withColumn(NUMBER, col(to)).withColumn(PEER, col(from));
    }

    /** Rows whose {@code column} is not a subscriber number of the snapshot. */
    static Dataset<Row> notSubscriber(Dataset<Row> rows, Dataset<Row> subscribers, String column) {
        Dataset<Row> numbers = subscribers.select(col(MSISDN).as("_sub")).filter(col("_sub").isNotNull());
        return rows.join(broadcast(numbers), col(column).equalTo(col("_sub")), "left_anti");
    }

    /** Longest ring time (seconds, inclusive) of a one-ring call: the first ring cycle plus call set-up. */
    public static final int ONE_RING_MAX_SECONDS = 6;

    /**
     * A one-ring call: not answered, after 1 to {@value #ONE_RING_MAX_SECONDS} seconds of ringing
     * (Wangiri's signature: hang up within the first ring cycle, before anyone can answer).
     *
     * <p>China's ringback cadence is 1 s of tone and 4 s of silence, so the first ring cycle lasts
     * 5 s. Switch vendors report ring time differently: some count call set-up in ring_s (1-3 s more
     * for the same ring), so the bound is the cycle plus set-up as those switches count it, 6 s; a
     * 1-3 s window missed every Wangiri call such a switch reported. The cost is some ordinary
     * unanswered calls (a callee rejecting a call within seconds) counting too, which is why the
     * detectors read one-ring calls together with the callees' call-backs and the answer rate. The
     * same vendors leave ring_s empty for answered calls: an answered call is never a one-ring call,
     * and an unanswered one with an empty ring_s is not one either (null: unknown, not counted).
     */
    public static Column oneRing() {
        return not(col(ANSWERED)).and(col(RING_S).between(1, ONE_RING_MAX_SECONDS));
    }

    /** The number block of an E.164 number: everything but its last four digits ({@code +86138123}). */
    public static Column blockOf(Column number) {
        return when(length(number).gt(6), number.substr(lit(1), length(number).minus(4)));
    }
}
