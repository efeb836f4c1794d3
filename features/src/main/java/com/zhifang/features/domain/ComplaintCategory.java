package com.zhifang.features.domain;

/** What a complaint reports ({@code complaints.category}). */
public enum ComplaintCategory implements Code {
    FRAUD, HARASSMENT, SPAM_SMS, ADVERT;

    @Override
    public String code() {
        return name();
    }
}
