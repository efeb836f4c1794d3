package com.zhifang.features.domain;

/**
 * What kind of case a listed entity is ({@code suspects.category}). The list ranks every fraud case
 * above every compliance case, whatever their scores.
 */
public enum ListCategory implements Code {
    /** Evidence of fraud or of an illegal source: acted on by suspension and referral to the police. */
    FRAUD,
    /**
     * Only the volume lawful marketing also produces (a telemarketer's calls to many strangers), with no sign
     * of fraud: unsolicited marketing is harassment under the regulation, a compliance matter for the
     * enterprise-customer team, ranked below every fraud case.
     */
    COMPLIANCE;

    @Override
    public String code() {
        return name();
    }
}
