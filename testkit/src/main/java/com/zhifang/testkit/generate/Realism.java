package com.zhifang.testkit.generate;

/**
 * The mess of real carrier traffic that the default world carries on top of its actors: each item models a
 * legitimate behaviour detectors must see through, or a way real fraud keeps under known limits. Every item is ON in
 * {@link #defaults()}; {@link #none()} turns every one off (the world of the generator before these existed, up to
 * the changes of the registry). A figure of 0 (or {@code false}) turns one item off.
 *
 * <p>Each item draws from streams (or per-record hashes) of its own, so that turning it on or off changes the rest of
 * a seed's world as little as possible: only where the item acts, or where others meet its members.
 *
 * @param portedOutShare        Number portability, outward: share of our own-block numbers (relative to our
 *                              subscribers on them) that were ported to another operator. Those people call our
 *                              subscribers on interconnect trunks (GW + MT rows) and are called back (MO rows); the
 *                              numbers are listed in {@code reference/ported.csv} of the first day with the operator
 *                              now serving them ({@code CUCC}, {@code CTCC}, {@code CBN}). Truth: none for the people;
 *                              the interconnect trunks that carried the traffic are {@code LEGITIMATE}
 *                              {@code INTERCONNECT_TRUNK}. Off: 0.
 * @param portedInShare         Number portability, inward: share of our ordinary subscribers holding a number from
 *                              another operator's block (listed in ported.csv with operator {@code ZF}). No truth.
 *                              Off: 0. With both shares 0 no ported.csv is written.
 * @param garbledCallerShare    Share of GW calls on interconnect trunks whose caller number arrives as real switches
 *                              garble it (truncated or over-long mobiles, {@code +860...}, spaced {@code +86 21 ...},
 *                              {@code 86}/{@code 0086} fixed lines, letters, empty); when above 0 a few Beijing and
 *                              Shanghai office lines also call our subscribers, their number signalled in varying
 *                              forms ({@code 010...}, {@code 021...}, {@code +86 21 ...}). Legitimate calls from real
 *                              people; truth: the interconnect trunks, as above. Off: 0.
 * @param wifiCallingShare      Share of ordinary subscribers who make part of their calls and texts over Wi-Fi
 *                              (evenings, at home): their MO/MT rows then have an empty {@code cell_id}; one in
 *                              twenty-five of them never shows a cell id. No truth. Off: 0.
 * @param dualSimPhonesPer      One dual-SIM salesperson's handset per this many subscribers (at least one): a work
 *                              SIM (ENTERPRISE) and a private SIM (PERSONAL), both 1-6 years old, in one device at one
 *                              office cell, 150-250 sales calls a working day, customers calling back. Truth:
 *                              {@code LEGITIMATE} {@code DUAL_SIM_PHONE} for the DEVICE and both numbers. Off: 0.
 * @param rotatingTelemarketerShare Share of telemarketers (rounded, at least one) who rotate three company SIMs
 *                              (60-900 days old, ENTERPRISE) in one handset, each SIM under a per-SIM limit. Truth:
 *                              {@code TELEMARKETER} for each number and the DEVICE. Off: 0.
 * @param notificationPortsPer  A bank, a shop and a utility per this many subscribers (at least one of each), each
 *                              texting bills, statements and shipping notices with a link to its own domain to a
 *                              fixed customer base of 300-3,000 of our subscribers every day; no complaints. Truth:
 *                              {@code LEGITIMATE} {@code NOTIFICATION_PORT} for the PORT_CUSTOMER. Off: 0.
 * @param policeNamesSpoofVictim Once per generated week (when there is a spoofing trunk) a police notice names the
 *                              innocent subscriber whose number a spoofing trunk presented. Truth: that number stays
 *                              {@code LEGITIMATE} {@code SPOOFED_VICTIM}, with {@code police_notified=true}. Off:
 *                              false.
 * @param vendorBShare          Share of cells whose switch (vendor B) reports ring time with call set-up included
 *                              (1-3 s more) and leaves it empty for answered calls; MO/MT rows follow the served
 *                              subscriber's cell, GW rows are vendor A. No truth. Off: 0.
 * @param simDailyCallCap       Per-SIM daily limit of outgoing calls that fraud keeps just under (bulk callers,
 *                              scanners, SIM-box SIMs, wangiri numbers): each stays at a figure just under it (e.g.
 *                              294-299 for 300), SIM boxes and wangiri spreading the excess over their other SIMs or
 *                              numbers (wangiri operators get sibling numbers, labelled {@code WANGIRI} when they rang someone). Off: 0.
 * @param simDailySmsCap        The same for outgoing SMS (spam SIMs, the excess spread over the group's other SIMs).
 *                              Off: 0.
 */
public record Realism(
        double portedOutShare,
        double portedInShare,
        double garbledCallerShare,
        double wifiCallingShare,
        int dualSimPhonesPer,
        double rotatingTelemarketerShare,
        int notificationPortsPer,
        boolean policeNamesSpoofVictim,
        double vendorBShare,
        int simDailyCallCap,
        int simDailySmsCap) {

    public static final double DEFAULT_PORTED_OUT_SHARE = 0.02;
    public static final double DEFAULT_PORTED_IN_SHARE = 0.01;
    public static final double DEFAULT_GARBLED_CALLER_SHARE = 0.01;
    public static final double DEFAULT_WIFI_CALLING_SHARE = 0.05;
    public static final int DEFAULT_DUAL_SIM_PHONES_PER = 4_000;
    public static final double DEFAULT_ROTATING_TELEMARKETER_SHARE = 1.0 / 3;
    public static final int DEFAULT_NOTIFICATION_PORTS_PER = 10_000;
    public static final double DEFAULT_VENDOR_B_SHARE = 0.5;
    public static final int DEFAULT_SIM_DAILY_CALL_CAP = 300;
    public static final int DEFAULT_SIM_DAILY_SMS_CAP = 200;

    public Realism {
        share("portedOutShare", portedOutShare, 0.2);
        share("portedInShare", portedInShare, 0.2);
        share("garbledCallerShare", garbledCallerShare, 0.2);
        share("wifiCallingShare", wifiCallingShare, 1.0);
        share("rotatingTelemarketerShare", rotatingTelemarketerShare, 1.0);
        share("vendorBShare", vendorBShare, 1.0);
        atLeast("dualSimPhonesPer", dualSimPhonesPer, 200);
        atLeast("notificationPortsPer", notificationPortsPer, 200);
        atLeast("simDailyCallCap", simDailyCallCap, 20);
        atLeast("simDailySmsCap", simDailySmsCap, 20);
    }

    private static void share(String name, double value, double max) {
        if (!(value >= 0.0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be within [0, " + max + "], got " + value);
        }
    }

    /** 0 (off) or at least {@code min}: a figure below it would not leave the actors room to work. */
    private static void atLeast(String name, int value, int min) {
        if (value != 0 && value < min) {
            throw new IllegalArgumentException(name + " must be 0 (off) or at least " + min + ", got " + value);
        }
    }

    /** Every item on, at its default figure. */
    public static Realism defaults() {
        return new Realism(DEFAULT_PORTED_OUT_SHARE, DEFAULT_PORTED_IN_SHARE, DEFAULT_GARBLED_CALLER_SHARE,
                DEFAULT_WIFI_CALLING_SHARE, DEFAULT_DUAL_SIM_PHONES_PER, DEFAULT_ROTATING_TELEMARKETER_SHARE,
                DEFAULT_NOTIFICATION_PORTS_PER, true, DEFAULT_VENDOR_B_SHARE, DEFAULT_SIM_DAILY_CALL_CAP,
                DEFAULT_SIM_DAILY_SMS_CAP);
    }

    /** Every item off. */
    public static Realism none() {
        return new Realism(0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0);
    }

    /** Whether ported.csv is written. */
    boolean porting() {
        return portedOutShare > 0 || portedInShare > 0;
    }

    /** A builder holding these figures, to change some of them ({@code Realism.defaults().toBuilder().vendorBShare(0)}). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Sets figures one by one; {@link #build()} validates them all. */
    public static final class Builder {
        private double portedOutShare;
        private double portedInShare;
        private double garbledCallerShare;
        private double wifiCallingShare;
        private int dualSimPhonesPer;
        private double rotatingTelemarketerShare;
        private int notificationPortsPer;
        private boolean policeNamesSpoofVictim;
        private double vendorBShare;
        private int simDailyCallCap;
        private int simDailySmsCap;

        private Builder(Realism from) {
            portedOutShare = from.portedOutShare;
            portedInShare = from.portedInShare;
            garbledCallerShare = from.garbledCallerShare;
            wifiCallingShare = from.wifiCallingShare;
            dualSimPhonesPer = from.dualSimPhonesPer;
            rotatingTelemarketerShare = from.rotatingTelemarketerShare;
            notificationPortsPer = from.notificationPortsPer;
            policeNamesSpoofVictim = from.policeNamesSpoofVictim;
            vendorBShare = from.vendorBShare;
            simDailyCallCap = from.simDailyCallCap;
            simDailySmsCap = from.simDailySmsCap;
        }

        public Builder portedOutShare(double value) { portedOutShare = value; return this; }
        public Builder portedInShare(double value) { portedInShare = value; return this; }
        public Builder garbledCallerShare(double value) { garbledCallerShare = value; return this; }
        public Builder wifiCallingShare(double value) { wifiCallingShare = value; return this; }
        public Builder dualSimPhonesPer(int value) { dualSimPhonesPer = value; return this; }
        public Builder rotatingTelemarketerShare(double value) { rotatingTelemarketerShare = value; return this; }
        public Builder notificationPortsPer(int value) { notificationPortsPer = value; return this; }
        public Builder policeNamesSpoofVictim(boolean value) { policeNamesSpoofVictim = value; return this; }
        public Builder vendorBShare(double value) { vendorBShare = value; return this; }
        public Builder simDailyCallCap(int value) { simDailyCallCap = value; return this; }
        public Builder simDailySmsCap(int value) { simDailySmsCap = value; return this; }

        public Realism build() {
            return new Realism(portedOutShare, portedInShare, garbledCallerShare, wifiCallingShare, dualSimPhonesPer,
                    rotatingTelemarketerShare, notificationPortsPer, policeNamesSpoofVictim, vendorBShare, simDailyCallCap,
                    simDailySmsCap);
        }
    }
}
