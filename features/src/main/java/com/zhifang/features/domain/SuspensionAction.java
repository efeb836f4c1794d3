package com.zhifang.features.domain;

/**
 * What the carrier's operations team did to a line ({@code suspensions/}, table {@code suspension_actions}): the
 * closed loop of a police notice. A notified number leaves the suspension worklist when {@code SUSPENDED}, or when
 * {@code NOT_SUSPENDED} with a reason (a spoofing victim, a number already re-assigned); {@code RESTORED} puts a
 * notified line back in service, so it returns to the worklist until it is suspended again or declined with a reason.
 */
public enum SuspensionAction implements Code {
    SUSPENDED, NOT_SUSPENDED, RESTORED;

    @Override
    public String code() {
        return name();
    }
}
