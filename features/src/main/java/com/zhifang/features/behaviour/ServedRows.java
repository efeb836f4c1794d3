package com.zhifang.features.behaviour;

import com.zhifang.features.domain.CallRecordType;
import com.zhifang.features.domain.SmsRecordType;
import com.zhifang.features.schema.RequiredColumns;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static com.zhifang.features.schema.RecordColumns.*;
import static org.apache.spark.sql.functions.*;

/**
 * The subscriber a switch served in each voice and SMS record (the caller of an MO row, the callee
 * of an MT row) with its SIM, device and cell: the input of cells-used and device features.
 * Columns: {@code number, imsi, imei, cell_id, event_time, kind} with kind one of
 * {@code CALL_OUT, CALL_IN, SMS}. GW and PORT rows serve no subscriber and are left out. No shuffle.
 */
public final class ServedRows {
    private ServedRows() {}

    public static final String EVENT_TIME = "event_time";
    public static final String KIND = "kind";

    public static Dataset<Row> toServedRows(Dataset<Row> voice, Dataset<Row> sms) {
        RequiredColumns.check(voice, "toServedRows", RECORD_TYPE, CALLING_NUMBER, CALLED_NUMBER, START_TIME, IMSI, IMEI, CELL_ID);
        RequiredColumns.check(sms, "toServedRows", RECORD_TYPE, SENDER, RECIPIENT, SEND_TIME, IMSI, IMEI, CELL_ID);
        Dataset<Row> calls = voice.filter(col(RECORD_TYPE).isin(CallRecordType.MO.code(), CallRecordType.MT.code())).select(
                when(col(RECORD_TYPE).equalTo(CallRecordType.MO.code()), col(CALLING_NUMBER)).otherwise(col(CALLED_NUMBER)).as(NUMBER),
                col(IMSI), col(IMEI), col(CELL_ID), col(START_TIME).as(EVENT_TIME),
                when(col(RECORD_TYPE).equalTo(CallRecordType.MO.code()), lit("CALL_OUT")).otherwise(lit("CALL_IN")).as(KIND));
        Dataset<Row> messages = sms.filter(col(RECORD_TYPE).isin(SmsRecordType.MO.code(), SmsRecordType.MT.code())).select(
                when(col(RECORD_TYPE).equalTo(SmsRecordType.MO.code()), col(SENDER)).otherwise(col(RECIPIENT)).as(NUMBER),
                col(IMSI), col(IMEI), col(CELL_ID), col(SEND_TIME).as(EVENT_TIME), lit("SMS").as(KIND));
        return calls.unionByName(messages);
    }
}
