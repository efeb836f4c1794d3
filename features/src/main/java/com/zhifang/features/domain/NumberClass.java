package com.zhifang.features.domain;

/** What kind of number a signalled address is. Stored as its name in the {@code *_class} columns. */
public enum NumberClass implements Code {
    /** Chinese mobile number (11 digits, 1xx). */
    MOBILE,
    /** Chinese fixed line (area code + subscriber number), Beijing's {@code 010 6...} included. */
    FIXED_LINE,
    /** National service and business numbers: 95xxx/96xxx, 400/800, short codes such as 10086. */
    SERVICE,
    /** Enterprise application-to-person SMS port (106..., signalled without a trunk 0). */
    SMS_PORT,
    /** A valid number of another country. */
    INTERNATIONAL,
    /** No number presented (empty). */
    HIDDEN,
    /**
     * Present but not a number any plan allocates (bad length such as a truncated mobile, unassigned
     * range, letters). Its key, when it has one, is never the key of a number of another class.
     */
    INVALID;

    @Override
    public String code() {
        return name();
    }
}
