package com.zhifang.testkit.generate;

/**
 * One of our subscribers (a SIM) and its static attributes. Set while the world is built and read-only afterwards,
 * except {@link #calledFromAbroad}, which the traffic records for the truth.
 */
final class Sub {
    final int idx;
    /** The actor this subscriber is a member of; {@code null} for an ordinary subscriber. */
    SubscriberActor role;
    /** Position among the subscribers its role claimed in one go ({@link WorldBuilder#claim}). */
    int claimIndex = -1;
    long msisdn;
    String imsi;
    /** Devices; the active one may change during the window (see deviceSwitchDay). */
    String imei;
    String imei2;
    int deviceSwitchDay = Integer.MAX_VALUE;
    /** Day index (relative to the start date) the SIM was activated; may be negative. */
    int activationDay;
    boolean prepaid;
    boolean enterprise;
    long personId;
    boolean realNameVerified = true;
    String reseller = "";
    /** ACTIVE, or CLOSED / SUSPENDED for a line out of service all along (a police suspension: {@link #lastActiveDay}). */
    String status = "ACTIVE";
    int homeCell;
    int workCell;
    int[] otherCells;
    double activity;
    double smsRate;
    /** Roaming abroad on day indexes [roamFrom, roamTo]; roamFrom > roamTo when never. */
    int roamFrom = 1;
    int roamTo = 0;
    String roamCountry;
    boolean callsHomeWhenAbroad;
    boolean calledFromAbroad;
    /** Day index of a police notice (the truth's police flag). */
    int policeDay = Integer.MAX_VALUE;
    /**
     * Last day index the line carries traffic: the day operations suspended it after a police notice
     * ({@link Enforcement}), {@link Integer#MAX_VALUE} while it is not suspended (a notice left unhandled keeps the line
     * live).
     */
    int lastActiveDay = Integer.MAX_VALUE;
    /**
     * Day index (negative: before the window) on which the number was ported in from another operator
     * ({@link Realism#portedInShare()}), or {@link Integer#MAX_VALUE} when it was always ours.
     */
    int portedInDay = Integer.MAX_VALUE;

    Sub(int idx) {
        this.idx = idx;
    }

    boolean ordinary() {
        return role == null;
    }

    boolean fraud() {
        return role != null && role.fraud();
    }

    boolean inService() {
        return status.equals("ACTIVE");
    }

    boolean activeOn(int day) {
        return activationDay <= day && day <= lastActiveDay && inService();
    }

    boolean abroadOn(int day) {
        return day >= roamFrom && day <= roamTo;
    }

    /** Reachable as a callee / sender on a day: active and at home. */
    boolean reachableOn(int day) {
        return activeOn(day) && !abroadOn(day);
    }

    /** Lives and works in one cell, and goes nowhere else (a room, a site, an office). */
    void stayIn(int cell) {
        homeCell = cell;
        workCell = cell;
        otherCells = new int[] {cell};
    }

    String imeiOn(int day) {
        return day >= deviceSwitchDay && imei2 != null ? imei2 : imei;
    }
}
