package com.zhifang.features.domain;

/** The leg an SMS record describes ({@code sms_messages.record_type}). */
public enum SmsRecordType implements Code {
    /** Sent by our subscriber. */
    MO,
    /** Delivered to our subscriber. */
    MT,
    /** Application-to-person message from an enterprise SMS port. */
    PORT;

    @Override
    public String code() {
        return name();
    }
}
