package com.zhifang.features.graph;

import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.domain.NumberClass;
import com.zhifang.features.domain.SmsRecordType;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static com.zhifang.features.schema.FeatureColumns.*;
import static com.zhifang.features.schema.GraphColumns.*;
import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Number-to-number traffic graphs: one row per directed pair ({@code from_number}, {@code to_number})
 * with the pair's counts, plus each end's number class (used by {@link HubFilter}).
 *
 * <p>A call counts once: MO rows (our subscriber calling) and GW rows (a caller from another
 * network or abroad reaching us) are the originating side of every call we see; MT rows are the
 * terminating leg of the same calls and are left to {@link SharingGraph} (device evidence).
 * Likewise an SMS counts once on its MO row; PORT messages come from enterprise ports, which are
 * hubs, not people. Ends that are not addressable people (hidden, invalid) are dropped, and so are
 * self-calls (voicemail and the like).
 *
 * <p>Cost: one filter and one aggregation (a shuffle of the window's rows by pair). Lazy.
 */
public final class CallGraph {
    private CallGraph() {}

    /** Voice: {@code from_number, to_number, from_class, to_class, calls, answered_calls, talk_s}. */
    public static Dataset<Row> toCallEdges(Dataset<Row> voice) {
        RequiredColumns.check(voice, "voice calls", RECORD_TYPE, CALLING_NUMBER, CALLING_CLASS, CALLED_NUMBER, CALLED_CLASS,
                ANSWERED, DURATION_S);
        return voice.where(col(RECORD_TYPE).isin(CallRecordType.MO.code(), CallRecordType.GW.code()).and(addressable(CALLING_NUMBER, CALLING_CLASS))
                        .and(addressable(CALLED_NUMBER, CALLED_CLASS))
                        .and(col(CALLING_NUMBER).notEqual(col(CALLED_NUMBER))))
                .groupBy(col(CALLING_NUMBER).as(FROM_NUMBER), col(CALLED_NUMBER).as(TO_NUMBER))
                .agg(first(CALLING_CLASS).as(FROM_CLASS), first(CALLED_CLASS).as(TO_CLASS),
                        count(lit(1)).as(CALLS),
                        sum(when(col(ANSWERED), 1L).otherwise(0L)).as(ANSWERED_CALLS),
                        sum(col(DURATION_S).cast("long")).as(TALK_S));
    }

    /** Person-to-person SMS (MO rows): {@code from_number, to_number, from_class, to_class, messages}. */
    public static Dataset<Row> toSmsEdges(Dataset<Row> sms) {
        RequiredColumns.check(sms, "sms messages", RECORD_TYPE, SENDER, SENDER_CLASS, RECIPIENT, RECIPIENT_CLASS);
        return sms.where(col(RECORD_TYPE).equalTo(SmsRecordType.MO.code()).and(addressable(SENDER, SENDER_CLASS))
                        .and(addressable(RECIPIENT, RECIPIENT_CLASS))
                        .and(col(SENDER).notEqual(col(RECIPIENT))))
                .groupBy(col(SENDER).as(FROM_NUMBER), col(RECIPIENT).as(TO_NUMBER))
                .agg(first(SENDER_CLASS).as(FROM_CLASS), first(RECIPIENT_CLASS).as(TO_CLASS), count(lit(1)).as(MESSAGES));
    }

    private static Column addressable(String number, String numberClass) {
        return col(number).isNotNull()
                .and(col(numberClass).isin(NumberClass.HIDDEN.name(), NumberClass.INVALID.name()).equalTo(false));
    }
}
