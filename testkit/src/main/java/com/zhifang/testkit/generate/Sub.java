package com.zhifang.testkit.generate;

/** One of our subscribers (a SIM) with its static attributes. Mutable only while the world is built. */
final class Sub {
    final int idx;
    Role role = Role.ORDINARY;
    /** Instance (group) number within its role, e.g. which SIM box site or ring; -1 when none. */
    int group = -1;
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
    /** Day index of a police notice; traffic stops after it. */
    int policeDay = Integer.MAX_VALUE;
    boolean spoofVictim;
    /** Receives malicious or inherited (recycled-number) complaints although innocent. */
    boolean complaintTarget;
    /** Forwards a link many others forward too (World.ForwardedLink); legitimate. */
    boolean linkForwarder;

    Sub(int idx) {
        this.idx = idx;
    }

    boolean activeOn(int day) {
        return activationDay <= day && day <= policeDay && role != Role.DORMANT;
    }

    boolean abroadOn(int day) {
        return day >= roamFrom && day <= roamTo;
    }

    /** Reachable as a callee / sender on a day: active and at home. */
    boolean reachableOn(int day) {
        return activeOn(day) && !abroadOn(day);
    }

    String imeiOn(int day) {
        return day >= deviceSwitchDay && imei2 != null ? imei2 : imei;
    }
}
