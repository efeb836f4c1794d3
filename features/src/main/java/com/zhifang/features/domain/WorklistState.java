package com.zhifang.features.domain;

/**
 * Where a police-notified number stands on day D ({@code suspension.csv}, column {@code state}): decided by the
 * latest {@link SuspensionAction} taken up to the end of D, else by the subscriber snapshot's status.
 */
public enum WorklistState implements Code {
    /** No action recorded and the snapshot shows the line in service (or does not know it). */
    NO_ACTION(true),
    /** Declined without a reason: a decision nobody can check, so the item stays open. */
    NOT_SUSPENDED_WITHOUT_REASON(true),
    /** Suspended, then put back in service: the notice stands, so the item is open again. */
    RESTORED(true),
    /**
     * Recorded as suspended, but the line was served in calls or SMS after the suspension: the suspension did not take
     * effect (a wrong number suspended, a switch not updated), so the item stays open.
     */
    SUSPENDED_BUT_LIVE(true),
    /** Declined with a reason (e.g. the number was impersonated), after the latest notice: closed. */
    NOT_SUSPENDED(false),
    /** Suspended by operations: closed. */
    SUSPENDED(false),
    /** No action recorded, but the snapshot shows the line suspended or closed: closed. */
    OUT_OF_SERVICE(false);

    private final boolean open;

    WorklistState(boolean open) {
        this.open = open;
    }

    /** Whether the number is still to be handled (it stays on the worklist). */
    public boolean open() {
        return open;
    }

    @Override
    public String code() {
        return name();
    }
}
