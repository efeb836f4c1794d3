package com.zhifang.testkit.generate;

import static com.zhifang.testkit.generate.TrafficSink.S_CELL;
import static com.zhifang.testkit.generate.TrafficSink.S_CONTENT;
import static com.zhifang.testkit.generate.TrafficSink.S_DELIVERED;
import static com.zhifang.testkit.generate.TrafficSink.S_IMEI;
import static com.zhifang.testkit.generate.TrafficSink.S_IMSI;
import static com.zhifang.testkit.generate.TrafficSink.S_PORT_CUSTOMER;
import static com.zhifang.testkit.generate.TrafficSink.S_RECIPIENT;
import static com.zhifang.testkit.generate.TrafficSink.S_SEGMENTS;
import static com.zhifang.testkit.generate.TrafficSink.S_SENDER;
import static com.zhifang.testkit.generate.TrafficSink.S_TIME;
import static com.zhifang.testkit.generate.TrafficSink.S_TYPE;
import static com.zhifang.testkit.generate.TrafficSink.V_ANSWERED;
import static com.zhifang.testkit.generate.TrafficSink.V_CALLED;
import static com.zhifang.testkit.generate.TrafficSink.V_CALLING;
import static com.zhifang.testkit.generate.TrafficSink.V_CAUSE;
import static com.zhifang.testkit.generate.TrafficSink.V_CELL;
import static com.zhifang.testkit.generate.TrafficSink.V_CLIR;
import static com.zhifang.testkit.generate.TrafficSink.V_DURATION;
import static com.zhifang.testkit.generate.TrafficSink.V_IMEI;
import static com.zhifang.testkit.generate.TrafficSink.V_IMSI;
import static com.zhifang.testkit.generate.TrafficSink.V_RING;
import static com.zhifang.testkit.generate.TrafficSink.V_TIME;
import static com.zhifang.testkit.generate.TrafficSink.V_TRUNK;
import static com.zhifang.testkit.generate.TrafficSink.V_TYPE;

import com.zhifang.testkit.generate.World.Port;
import com.zhifang.testkit.generate.World.PortKind;
import com.zhifang.testkit.generate.World.Ring;
import com.zhifang.testkit.generate.World.SimboxSite;
import com.zhifang.testkit.generate.World.SpamGroup;
import com.zhifang.testkit.generate.World.Trunk;
import com.zhifang.testkit.generate.World.Wangiri;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates one traffic day: every actor's calls and messages, plus the complaints they cause. */
final class DayTraffic {

    /** A complaint received on some day at a second of that day. */
    record Complaint(int second, String number, String category, String channel, String reporterHash) {
    }

    /** A call-back scheduled for the next day (wangiri victims calling the foreign number). */
    record Callback(int second, int victim, String number) {
    }

    // hour-of-day weights
    private static final double[] ORDINARY = {0.3, 0.15, 0.08, 0.06, 0.08, 0.25, 0.8, 2.2, 3.8, 5, 5.5, 5.2, 4.5,
            4.8, 5, 5, 5, 4.6, 5, 5.5, 5.2, 4, 2.4, 1};
    private static final double[] OFFICE = {0, 0, 0, 0, 0, 0, 0, 0.2, 1.5, 5, 5.5, 5, 1.5, 2, 5, 5.2, 5, 4.5, 1.2, 0.3, 0,
            0, 0, 0};
    private static final double[] COURIER = {0, 0, 0, 0, 0, 0, 0, 0.5, 3, 5, 5.5, 5, 3.5, 4, 5, 5, 5, 4.5, 3.5, 2.5, 1.2,
            0.4, 0, 0};
    private static final double[] RIDE = {0.8, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 4.5, 5, 3.5, 2.5, 2.5, 3, 2.5, 2.5, 3, 3.5,
            5, 5.5, 4, 3.5, 3, 2.5, 1.5};
    private static final double[] SHOP_HOURS = {0, 0, 0, 0, 0, 0, 0, 0.2, 1, 3, 4.5, 5, 5, 4, 4, 4, 4.5, 5, 5.5, 5, 4,
            2.5, 0.5, 0};
    private static final double[] BUSINESS = {0, 0, 0, 0, 0, 0, 0, 0.2, 2, 5, 5, 5, 3, 3.5, 5, 5, 5, 4.5, 2.5, 1.2, 0.5,
            0, 0, 0};
    private static final double[] WAVES = {1.5, 1, 0.6, 0.5, 0.5, 0.6, 1, 1.5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2.5, 3, 3.5, 3.5,
            3, 2.5, 2};

    /**
     * Share (percent) of messages with a link whose text the content-capture system keeps: it keys on
     * links, so a link message is kept far more often than a casual one (6 %), whoever sends it.
     */
    private static final int CAPTURED_LINK_PERCENT = 35;
    private static final String[] SMALL = new String[10_000];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    private final World w;
    private final Sub[] subs;
    private final int day;
    private final LocalDate date;
    private final boolean weekend;
    private final long seed;
    private final TrafficSink voice;
    private final TrafficSink sms;
    private final ZoneId zone;
    private final String fixedPrefix;
    private final String fixedOffset;
    private final boolean lastDay;

    final List<Complaint> complaints = new ArrayList<>();
    final List<Complaint> complaintsNextDay = new ArrayList<>();
    final List<Callback> callbacksNextDay = new ArrayList<>();

    // the current call's outcome
    private int answered;
    private int duration;
    private int ring;
    private int cause;

    private final String[] v = new String[TrafficSink.VOICE_COLUMNS.length];
    private final String[] s = new String[TrafficSink.SMS_COLUMNS.length];

    DayTraffic(World w, int day, LocalDate date, ZoneId zone, long seed, TrafficSink voice, TrafficSink sms,
            boolean lastDay) {
        this.w = w;
        this.subs = w.subs;
        this.day = day;
        this.date = date;
        this.zone = zone;
        this.seed = seed;
        this.voice = voice;
        this.sms = sms;
        this.lastDay = lastDay;
        this.weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (zone.getRules().isFixedOffset()) {
            ZoneOffset offset = zone.getRules().getOffset(java.time.Instant.EPOCH);
            this.fixedOffset = offset.getId();
        } else {
            this.fixedOffset = null;
        }
        this.fixedPrefix = date + "T";
    }

    // ------------------------------------------------------------------ driver

    void run(List<Callback> callbacks) throws IOException {
        for (Sub sub : subs) {
            SplittableRandom r = rng(1, sub.idx);
            switch (sub.role) {
                case ORDINARY -> ordinary(sub, r, 1.0);
                case COURIER -> courier(sub, r);
                case RIDE_HAIL_DRIVER -> rideHail(sub, r);
                case SHOP -> shop(sub, r);
                case TELEMARKETER -> telemarketer(sub, r);
                case BULK_CALLER -> bulkCaller(sub, r);
                case SCANNER -> scanner(sub, r);
                default -> {
                }
            }
        }
        for (int i = 0; i < w.simboxSites.size(); i++) {
            simbox(w.simboxSites.get(i), rng(2, i));
        }
        for (int i = 0; i < w.spamGroups.size(); i++) {
            spamGroup(w.spamGroups.get(i), rng(3, i));
        }
        for (int i = 0; i < w.rings.size(); i++) {
            ring(w.rings.get(i), rng(4, i));
        }
        for (int i = 0; i < w.forwardedLinks.size(); i++) {
            forwardedLink(w.forwardedLinks.get(i), rng(11, i));
        }
        for (int i = 0; i < w.wangiri.size(); i++) {
            wangiri(w.wangiri.get(i), rng(5, i));
        }
        SplittableRandom cr = rng(6, 0);
        for (Callback cb : callbacks) {
            wangiriCallback(cb.victim(), cb.number(), cb.second(), cr);
        }
        for (int i = 0; i < w.privateLines.size(); i++) {
            Trunk t = w.privateLines.get(i);
            if (t.spoofing) {
                spoofingPrivateLine(t, rng(7, i));
            } else {
                callCentre(t, rng(7, i));
            }
        }
        for (int i = 0; i < w.spoofInternational.size(); i++) {
            spoofingInternational(w.spoofInternational.get(i), rng(8, i));
        }
        foreignInbound(rng(9, 0));
        for (int i = 0; i < w.ports.size(); i++) {
            port(w.ports.get(i), rng(10, i));
        }
    }

    private SplittableRandom rng(int stream, int index) {
        return new SplittableRandom(Numbers.mix(seed, day * 64L + stream, index));
    }

    // ------------------------------------------------------------------ ordinary life

    private void ordinary(Sub a, SplittableRandom r, double scale) throws IOException {
        if (!a.activeOn(day)) {
            return;
        }
        if (a.abroadOn(day)) {
            if (a.callsHomeWhenAbroad) {
                roamerCallsHome(a, r);
            }
            return;
        }
        double wf = weekend ? 0.85 : 1.0;
        int out = poisson(r, a.activity * scale * wf);
        int cc = w.contactCount(a.idx);
        int ec = w.extCount(a.idx);
        for (int i = 0; i < out; i++) {
            int t = time(r, ORDINARY);
            int clir = r.nextInt(100) == 0 ? 1 : 0;
            double u = r.nextDouble();
            if (u < 0.6 && cc > 0) {
                Sub b = subs[w.contact(a.idx, r.nextInt(cc))];
                if (!b.reachableOn(day)) {
                    continue;
                }
                normal(r, 0.78, 70, 1.1);
                onNet(r, t, a, b, clir);
            } else if (u < 0.87 && ec > 0) {
                normal(r, 0.72, 60, 1.1);
                moOut(r, t, a, Numbers.signalled(w.ext(a.idx, r.nextInt(ec)), r), clir);
            } else if (u < 0.95) {
                Sub b = stranger(r);
                if (b != null && r.nextBoolean()) {
                    normal(r, 0.55, 45, 1.0);
                    onNet(r, t, a, b, clir);
                } else {
                    normal(r, 0.55, 45, 1.0);
                    moOut(r, t, a, Numbers.signalled(Numbers.otherNetworkMobile(r), r), clir);
                }
            } else {
                String service = r.nextInt(3) == 0 ? "10086" : w.privateLines.get(r.nextInt(w.privateLines.size())).serviceNumber;
                if (service == null) {
                    service = "95588";
                }
                normal(r, 0.96, 150, 0.8);
                moOut(r, t, a, service, 0);
            }
        }
        int in = poisson(r, a.activity * scale * 0.35 * wf);
        for (int i = 0; i < in && ec > 0; i++) {
            long ext = w.ext(a.idx, r.nextInt(ec));
            normal(r, 0.75, 60, 1.1);
            gwIn(r, time(r, ORDINARY), interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
        }
        int texts = poisson(r, a.smsRate * scale);
        for (int i = 0; i < texts; i++) {
            int t = time(r, ORDINARY);
            String content = r.nextInt(100) < 6 ? Texts.casual(r) : "";
            if (cc > 0 && r.nextInt(100) < 65) {
                Sub b = subs[w.contact(a.idx, r.nextInt(cc))];
                if (b.reachableOn(day)) {
                    smsOnNet(r, t, a, b, content, content.isEmpty() ? 1 + (r.nextInt(8) == 0 ? 1 : 0) : Texts.segments(content));
                }
            } else if (ec > 0) {
                smsMo(r, t, a, Numbers.signalled(w.ext(a.idx, r.nextInt(ec)), r), content, 1);
            }
        }
        int inTexts = poisson(r, a.smsRate * scale * 0.35);
        for (int i = 0; i < inTexts && ec > 0; i++) {
            smsMtFromOutside(r, time(r, ORDINARY), Numbers.signalled(w.ext(a.idx, r.nextInt(ec)), r), a, "", 1);
        }
        if (a.complaintTarget && r.nextInt(100) < 30) {
            // malicious complaint by a competitor or complaints inherited by a recycled number
            complain(r, time(r, ORDINARY), Numbers.signalled(a.msisdn, r), r.nextBoolean() ? "HARASSMENT" : "FRAUD", -1);
        }
    }

    private void roamerCallsHome(Sub a, SplittableRandom r) throws IOException {
        boolean first = day == Math.max(0, a.roamFrom);
        int cc = w.contactCount(a.idx);
        if (cc == 0 || (!first && r.nextInt(100) >= 70)) {
            return;
        }
        int calls = 1 + r.nextInt(3);
        Trunk trunk = w.international.get(r.nextInt(w.international.size()));
        for (int i = 0; i < calls; i++) {
            Sub b = subs[w.contact(a.idx, r.nextInt(cc))];
            if (!b.reachableOn(day)) {
                continue;
            }
            normal(r, 0.85, 240, 0.9);
            gwIn(r, time(r, ORDINARY), trunk, Numbers.signalledInternational(a.msisdn, r), b, 0);
            a.calledFromAbroad = true;
        }
    }

    /** A random ordinary-looking subscriber reachable today (never a fraud SIM), or null. */
    private Sub stranger(SplittableRandom r) {
        for (int k = 0; k < 4; k++) {
            Sub b = subs[r.nextInt(subs.length)];
            if (!b.role.fraud() && b.reachableOn(day)) {
                return b;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ legitimate heavy users

    private void courier(Sub a, SplittableRandom r) throws IOException {
        ordinary(a, r, 0.5);
        if (!a.reachableOn(day)) {
            return;
        }
        int deliveries = (int) ((50 + r.nextInt(150)) * (weekend ? 0.7 : 1.0));
        for (int i = 0; i < deliveries; i++) {
            int t = time(r, COURIER);
            Sub b = r.nextInt(100) < 55 ? stranger(r) : null;
            String called;
            long ext = 0;
            if (b != null) {
                normal(r, 0.86, 25, 0.6);
                onNet(r, t, a, b, 0);
                called = null;
            } else {
                ext = Numbers.otherNetworkMobile(r);
                called = Numbers.signalled(ext, r);
                normal(r, 0.84, 25, 0.6);
                moOut(r, t, a, called, 0);
            }
            if (r.nextInt(100) < 35) {
                String text = r.nextInt(100) < 10 ? Texts.courierPickup(r) : "";
                int segs = text.isEmpty() ? 1 : Texts.segments(text);
                if (b != null) {
                    smsOnNet(r, t + 30, a, b, text, segs);
                } else {
                    smsMo(r, t + 30, a, Numbers.signalled(ext, r), text, segs);
                }
            }
            if (r.nextInt(100) < 18) {
                int tb = t + 300 + r.nextInt(5400);
                if (tb < 86_400) {
                    normal(r, 0.9, 30, 0.6);
                    if (b != null) {
                        onNet(r, tb, b, a, 0);
                    } else {
                        gwIn(r, tb, interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
                    }
                }
            }
        }
    }

    private void rideHail(Sub a, SplittableRandom r) throws IOException {
        ordinary(a, r, 0.5);
        if (!a.reachableOn(day)) {
            return;
        }
        int trips = 12 + r.nextInt(24);
        for (int i = 0; i < trips; i++) {
            int t = time(r, RIDE);
            Sub b = r.nextInt(100) < 55 ? stranger(r) : null;
            long ext = b == null ? Numbers.otherNetworkMobile(r) : 0;
            if (r.nextInt(100) < 80) {
                normal(r, 0.9, 30, 0.6);
                if (b != null) {
                    onNet(r, t, b, a, 0);
                } else {
                    gwIn(r, t, interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
                }
            }
            if (r.nextInt(100) < 50) {
                int t2 = Math.min(86_399, t + 60 + r.nextInt(600));
                normal(r, 0.88, 25, 0.6);
                if (b != null) {
                    onNet(r, t2, a, b, 0);
                } else {
                    moOut(r, t2, a, Numbers.signalled(ext, r), 0);
                }
            }
        }
    }

    private void shop(Sub a, SplittableRandom r) throws IOException {
        ordinary(a, r, 0.4);
        if (!a.reachableOn(day)) {
            return;
        }
        int incoming = 25 + r.nextInt(70);
        for (int i = 0; i < incoming; i++) {
            int t = time(r, SHOP_HOURS);
            normal(r, 0.82, 60, 0.9);
            Sub b = r.nextInt(100) < 55 ? stranger(r) : null;
            if (b != null) {
                onNet(r, t, b, a, 0);
            } else {
                long ext = r.nextInt(100) < 85 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
                gwIn(r, t, interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
            }
        }
        int outgoing = 3 + r.nextInt(10);
        for (int i = 0; i < outgoing; i++) {
            normal(r, 0.8, 90, 0.8);
            long ext = r.nextBoolean() ? Numbers.fixedLine(r) : Numbers.otherNetworkMobile(r);
            moOut(r, time(r, SHOP_HOURS), a, Numbers.signalled(ext, r), 0);
        }
    }

    private void telemarketer(Sub a, SplittableRandom r) throws IOException {
        if (!a.reachableOn(day)) {
            return;
        }
        int calls = (int) ((140 + r.nextInt(150)) * (weekend ? 0.25 : 1.0));
        for (int i = 0; i < calls; i++) {
            int t = time(r, OFFICE);
            Sub b = r.nextInt(100) < 55 ? stranger(r) : null;
            telemarketerOutcome(r);
            if (b != null) {
                onNet(r, t, a, b, 0);
                if (answered == 1 && r.nextInt(1000) < 15) {
                    complain(r, t + duration, Numbers.signalled(a.msisdn, r), r.nextInt(10) < 7 ? "HARASSMENT" : "ADVERT",
                            b.idx);
                }
                if (r.nextInt(100) < 2) {
                    int tb = t + 600 + r.nextInt(7200);
                    if (tb < 86_400) {
                        normal(r, 0.6, 40, 0.7);
                        onNet(r, tb, b, a, 0);
                    }
                }
            } else {
                moOut(r, t, a, Numbers.signalled(Numbers.otherNetworkMobile(r), r), 0);
            }
        }
    }

    private void telemarketerOutcome(SplittableRandom r) {
        if (r.nextInt(100) < 30) {
            answer(r, 35, 0.8);
        } else {
            int x = r.nextInt(100);
            if (x < 35) {
                unanswered(r, 21);
            } else if (x < 80) {
                unanswered(r, 19);
            } else {
                unanswered(r, 17);
            }
        }
    }

    private void callCentre(Trunk trunk, SplittableRandom r) throws IOException {
        boolean bank = "BANK_CALL_CENTRE".equals(trunk.legitKind);
        int calls = poisson(r, trunk.dailyCalls * (weekend ? 0.5 : 1.0));
        for (int i = 0; i < calls; i++) {
            Sub b = stranger(r);
            if (b == null) {
                continue;
            }
            String cli = r.nextInt(100) < 75 ? trunk.serviceNumber : Numbers.completeFixed(trunk.authorizedCli[1], r);
            if (bank) {
                normal(r, 0.62, 90, 0.9);
            } else {
                normal(r, 0.75, 30, 0.6);
            }
            gwIn(r, time(r, bank ? BUSINESS : COURIER), trunk, cli, b, 0);
        }
    }

    // ------------------------------------------------------------------ fraud

    private void bulkCaller(Sub a, SplittableRandom r) throws IOException {
        if (!a.reachableOn(day)) {
            return;
        }
        int target = (int) ((120 + r.nextInt(176)) * (weekend ? 0.6 : 1.0)); // just under a 300/day limit
        int bursts = 3 + r.nextInt(3);
        int perBurst = target / bursts;
        for (int bIdx = 0; bIdx < bursts; bIdx++) {
            int t = (9 + r.nextInt(10)) * 3600 + r.nextInt(3600);
            for (int i = 0; i < perBurst && t < 86_400; i++) {
                Sub b = r.nextInt(100) < 60 ? stranger(r) : null;
                if (r.nextInt(100) < 22) {
                    if (r.nextInt(100) < 70) {
                        answer(r, 8, 0.6);
                    } else {
                        answer(r, 90, 0.9);
                    }
                } else {
                    int x = r.nextInt(100);
                    unanswered(r, x < 45 ? 16 : x < 70 ? 19 : x < 88 ? 21 : 17);
                    if (cause == 16) {
                        ring = 3 + r.nextInt(10); // caller gives up after a few seconds of ringing
                    }
                }
                if (b != null) {
                    onNet(r, t, a, b, 0);
                    if (answered == 1 && r.nextInt(100) < 4) {
                        complain(r, t + duration, Numbers.signalled(a.msisdn, r), r.nextInt(10) < 7 ? "FRAUD" : "HARASSMENT", b.idx);
                    }
                    if (r.nextInt(100) < 1) {
                        int tb = t + 600 + r.nextInt(3600);
                        if (tb < 86_400) {
                            normal(r, 0.3, 20, 0.7);
                            onNet(r, tb, b, a, 0);
                        }
                    }
                } else {
                    moOut(r, t, a, Numbers.signalled(Numbers.otherNetworkMobile(r), r), 0);
                }
                t += Math.max(ring + duration, 3) + 5 + r.nextInt(30);
            }
        }
    }

    private void scanner(Sub a, SplittableRandom r) throws IOException {
        if (!a.reachableOn(day)) {
            return;
        }
        int sessions = 1 + r.nextInt(2);
        for (int sIdx = 0; sIdx < sessions; sIdx++) {
            long block = w.ownBlocks[r.nextInt(w.ownBlocks.length)];
            int suffix = r.nextInt(9000);
            int count = 150 + r.nextInt(250);
            int t = (10 + r.nextInt(11)) * 3600 + r.nextInt(3600);
            for (int i = 0; i < count && suffix < 10_000 && t < 86_400; i++) {
                long nsn = block * 10_000L + suffix;
                int idx = w.subByNumber(nsn);
                Sub b = idx >= 0 ? subs[idx] : null;
                String called = r.nextInt(100) < 90 ? Long.toString(nsn) : Numbers.signalled(nsn, r);
                if (b != null && b.reachableOn(day)) {
                    if (r.nextInt(100) < 4) {
                        answered = 1;
                        duration = 1 + r.nextInt(2);
                        ring = 1 + r.nextInt(4);
                        cause = 16;
                    } else {
                        answered = 0;
                        duration = 0;
                        ring = 1 + r.nextInt(3);
                        cause = r.nextInt(100) < 80 ? 16 : 31;
                    }
                    onNet(r, t, a, b, 0);
                } else if (b != null && b.activeOn(day)) {
                    // roaming abroad: the call would be forwarded out of our network; the scanner skips the number
                    suffix += 1;
                    continue;
                } else {
                    answered = 0;
                    duration = 0;
                    ring = r.nextInt(100) < 70 ? -1 : 0;
                    cause = 1;
                    moOut(r, t, a, called, 0);
                }
                suffix += 1 + r.nextInt(3);
                t += Math.max(ring, 0) + duration + 3 + r.nextInt(10);
            }
        }
    }

    private void simbox(SimboxSite site, SplittableRandom r) throws IOException {
        int modules = site.imeis.length;
        for (int m = 0; m < modules; m++) {
            List<Sub> sims = new ArrayList<>();
            for (int i = m; i < site.sims.length; i += modules) {
                Sub sim = subs[site.sims[i]];
                if (sim.reachableOn(day)) {
                    sims.add(sim);
                }
            }
            if (sims.isEmpty()) {
                continue;
            }
            int t = r.nextInt(300);
            int slotEnd = 0;
            int current = r.nextInt(sims.size());
            while (t < 86_400) {
                if (t >= slotEnd) {
                    current = (current + 1) % sims.size(); // rotate the SIM in the module every 1-3 hours
                    slotEnd = t + 3600 + r.nextInt(7200);
                }
                Sub a = sims.get(current);
                normal(r, 0.62, 75, 0.9);
                Sub b = r.nextBoolean() ? stranger(r) : null;
                if (b != null) {
                    onNetFixedDevice(r, t, a, site.imeis[m], site.cell, b);
                } else {
                    long ext = r.nextInt(100) < 80 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
                    moFixedDevice(r, t, a, site.imeis[m], site.cell, Numbers.signalled(ext, r));
                }
                int hour = t / 3600;
                int idle = hour < 6 ? 120 + r.nextInt(300) : 45 + r.nextInt(150);
                t += Math.max(ring, 0) + duration + idle;
            }
        }
    }

    private void spamGroup(SpamGroup g, SplittableRandom r) throws IOException {
        for (int simIdx : g.sims) {
            Sub a = subs[simIdx];
            if (!a.reachableOn(day)) {
                continue;
            }
            int target = g.dailyBase + r.nextInt(g.dailySpread); // split across SIMs to stay under a per-number daily cap
            int bursts = 2 + r.nextInt(3);
            for (int bIdx = 0; bIdx < bursts; bIdx++) {
                int t = (9 + r.nextInt(12)) * 3600 + r.nextInt(3600);
                for (int i = 0; i < target / bursts && t < 86_400; i++) {
                    String text = Texts.spam(g.template, r, g.links);
                    String captured = capturedLinkText(text, r);
                    int segs = Texts.segments(text);
                    Sub b = r.nextInt(100) < 55 ? stranger(r) : null;
                    if (b != null) {
                        smsOnNet(r, t, a, b, captured, segs);
                        if (r.nextInt(1000) < 6) {
                            complain(r, t + 60 + r.nextInt(7200), Numbers.signalled(a.msisdn, r), "SPAM_SMS", b.idx);
                        }
                    } else {
                        smsMo(r, t, a, Numbers.signalled(Numbers.otherNetworkMobile(r), r), captured, segs);
                    }
                    t += 4 + r.nextInt(25);
                }
            }
        }
    }

    /** The content a record keeps of a message with a link: the text, or empty when not captured. */
    private static String capturedLinkText(String text, SplittableRandom r) {
        return r.nextInt(100) < CAPTURED_LINK_PERCENT ? text : "";
    }

    /** Each forwarder due today sends the link to 6-15 of its own contacts in one evening sitting. */
    private void forwardedLink(World.ForwardedLink link, SplittableRandom r) throws IOException {
        for (int i = 0; i < link.forwarders.length; i++) {
            Sub a = subs[link.forwarders[i]];
            boolean due = day == link.firstDay[i] || (link.second[i] && day == link.firstDay[i] + 1);
            int cc = w.contactCount(a.idx);
            if (!due || !a.reachableOn(day) || cc == 0) {
                continue;
            }
            int t = (18 + r.nextInt(4)) * 3600 + r.nextInt(3600);
            int recipients = 6 + r.nextInt(10);
            for (int k = 0; k < recipients && t < 86_400; k++) {
                Sub b = subs[w.contact(a.idx, r.nextInt(cc))];
                String text = Texts.forwarded(link.link, r);
                if (b.reachableOn(day)) {
                    smsOnNet(r, t, a, b, capturedLinkText(text, r), Texts.segments(text));
                }
                t += 10 + r.nextInt(90);
            }
        }
    }

    private void ring(Ring ring, SplittableRandom r) throws IOException {
        int m = ring.members.length;
        for (int k = 0; k < m; k++) {
            Sub a = subs[ring.members[k]];
            if (!a.reachableOn(day)) {
                continue;
            }
            int calls = 12 + r.nextInt(29);
            for (int i = 0; i < calls; i++) {
                int t = time(r, BUSINESS);
                int victims = ring.victimSubs.length + ring.victimExternal.length;
                int v = r.nextInt(victims);
                ringCall(r, t, a, ring, v);
                if (r.nextInt(100) < 35) {
                    // a second member follows up the same victim ("police officer" after "customer service")
                    Sub follower = subs[ring.members[(k + 1 + r.nextInt(m - 1)) % m]];
                    int t2 = t + 1200 + r.nextInt(6000);
                    if (follower.reachableOn(day) && t2 < 86_400) {
                        ringCall(r, t2, follower, ring, v);
                    }
                }
            }
            int internal = 2 + r.nextInt(5);
            for (int i = 0; i < internal; i++) {
                Sub b = subs[ring.members[(k + 1 + r.nextInt(m - 1)) % m]];
                if (b.reachableOn(day)) {
                    normal(r, 0.9, 60, 0.8);
                    onNet(r, time(r, BUSINESS), a, b, 0);
                }
            }
            if (r.nextInt(100) < 50) {
                Sub b = subs[ring.members[(k + 1 + r.nextInt(m - 1)) % m]];
                if (b.reachableOn(day)) {
                    smsOnNet(r, time(r, BUSINESS), a, b, "", 1);
                }
            }
        }
    }

    private void ringCall(SplittableRandom r, int t, Sub a, Ring ring, int v) throws IOException {
        if (r.nextInt(100) < 45) {
            answer(r, 180, 1.0);
        } else {
            int x = r.nextInt(100);
            unanswered(r, x < 50 ? 19 : x < 80 ? 21 : 17);
        }
        if (v < ring.victimSubs.length) {
            Sub b = subs[ring.victimSubs[v]];
            if (!b.reachableOn(day)) {
                return;
            }
            onNet(r, t, a, b, 0);
            if (answered == 1 && r.nextInt(100) < 5) {
                complain(r, t + duration + 600, Numbers.signalled(a.msisdn, r), "FRAUD", b.idx);
            }
        } else {
            moOut(r, t, a, Numbers.signalled(ring.victimExternal[v - ring.victimSubs.length], r), 0);
        }
    }

    private void wangiri(Wangiri wg, SplittableRandom r) throws IOException {
        int callees = poisson(r, wg.dailyCallees);
        int waves = 2 + r.nextInt(3);
        int done = 0;
        for (int wave = 0; wave < waves; wave++) {
            Trunk trunk = w.international.get(r.nextInt(w.international.size()));
            int t = time(r, WAVES);
            int count = wave == waves - 1 ? callees - done : callees / waves;
            for (int i = 0; i < count && t < 86_400; i++) {
                done++;
                Sub b = stranger(r);
                if (b == null) {
                    continue;
                }
                if (r.nextInt(1000) < 5) {
                    answered = 1;
                    duration = 1 + r.nextInt(3);
                    ring = 1 + r.nextInt(3);
                    cause = 16;
                } else {
                    answered = 0;
                    duration = 0;
                    ring = r.nextInt(100) < 3 ? -1 : 1 + r.nextInt(3);
                    int x = r.nextInt(100);
                    cause = x < 65 ? 16 : x < 85 ? 31 : 19;
                }
                gwIn(r, t, trunk, Numbers.signalledForeign(wg.e164, r), b, 0);
                if (r.nextInt(100) < 5) {
                    int tb = t + 120 + r.nextInt(20 * 3600);
                    if (tb < 86_400) {
                        wangiriCallback(b.idx, wg.e164, tb, r);
                    } else if (!lastDay) {
                        callbacksNextDay.add(new Callback(tb - 86_400, b.idx, wg.e164));
                    }
                }
                t += 1 + r.nextInt(6);
            }
        }
    }

    private void wangiriCallback(int victim, String e164, int t, SplittableRandom r) throws IOException {
        Sub b = subs[victim];
        if (!b.reachableOn(day)) {
            return;
        }
        if (r.nextInt(100) < 75) {
            answer(r, 240, 0.8); // a premium line keeps the caller talking
        } else {
            unanswered(r, r.nextBoolean() ? 19 : 17);
        }
        moOut(r, t, b, Numbers.signalledForeign(e164, r), 0);
        if (answered == 1 && r.nextInt(100) < 15) {
            complain(r, t + duration + 900, Numbers.signalledForeign(e164, r), "FRAUD", b.idx);
        }
    }

    private void spoofingInternational(Trunk trunk, SplittableRandom r) throws IOException {
        int calls = poisson(r, trunk.dailyCalls);
        for (int i = 0; i < calls; i++) {
            long shown = r.nextInt(100) < 80 ? trunk.victimNumbers[r.nextInt(trunk.victimNumbers.length)]
                    : r.nextInt(100) < 80 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
            Sub b = stranger(r);
            if (b == null || b.msisdn == shown) {
                continue;
            }
            normal(r, 0.5, 120, 1.0);
            int t = time(r, BUSINESS);
            gwIn(r, t, trunk, Numbers.signalledInternational(shown, r), b, 0);
            if (answered == 1 && r.nextInt(100) < 6) {
                complain(r, t + duration + 300, Numbers.signalled(shown, r), "FRAUD", b.idx);
            }
        }
    }

    private void spoofingPrivateLine(Trunk trunk, SplittableRandom r) throws IOException {
        int calls = poisson(r, trunk.dailyCalls);
        for (int i = 0; i < calls; i++) {
            Sub b = stranger(r);
            if (b == null) {
                continue;
            }
            int x = r.nextInt(100);
            String cli;
            int clir = 0;
            long shown = -1;
            if (x < 30) {
                cli = Numbers.completeFixed(trunk.authorizedCli[0], r);
            } else if (x < 65) {
                int y = r.nextInt(100);
                shown = y < 30 ? trunk.victimNumbers[r.nextInt(trunk.victimNumbers.length)]
                        : y < 75 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
                cli = Numbers.signalled(shown, r);
            } else if (x < 85) {
                cli = "";
                clir = 1;
            } else {
                long nsn;
                do {
                    nsn = w.ownBlocks[r.nextInt(w.ownBlocks.length)] * 10_000L + r.nextInt(10_000);
                } while (w.isOurNumber(nsn));
                shown = nsn; // unallocated number of our own range
                cli = Long.toString(nsn);
            }
            if (b.msisdn == shown) {
                continue;
            }
            normal(r, 0.45, 90, 1.0);
            int t = time(r, BUSINESS);
            gwIn(r, t, trunk, cli, b, clir);
            if (answered == 1 && !cli.isEmpty() && r.nextInt(100) < 5) {
                complain(r, t + duration + 300, cli, "FRAUD", b.idx);
            }
        }
    }

    private void foreignInbound(SplittableRandom r) throws IOException {
        int calls = poisson(r, w.n * 0.004);
        for (int i = 0; i < calls; i++) {
            Sub b = stranger(r);
            if (b == null) {
                continue;
            }
            String[] template = Numbers.FOREIGN_TEMPLATES[r.nextInt(Numbers.FOREIGN_TEMPLATES.length)];
            normal(r, 0.7, 200, 0.9);
            Trunk trunk = w.international.get(r.nextInt(w.international.size()));
            gwIn(r, time(r, WAVES), trunk, Numbers.signalledForeign(Numbers.foreignNumber(template, r), r), b, 0);
        }
    }

    private void port(Port p, SplittableRandom r) throws IOException {
        int messages = poisson(r, p.dailyMessages);
        for (int i = 0; i < messages; i++) {
            Sub b = p.kind == PortKind.SPAM ? stranger(r) : subs[p.customers[r.nextInt(p.customers.length)]];
            if (b == null) {
                continue;
            }
            String text;
            int capture;
            double[] hours;
            switch (p.kind) {
                case OTP_PORT -> {
                    text = Texts.otp(p.brand, r);
                    capture = 50;
                    hours = ORDINARY;
                }
                case PARCEL_PORT -> {
                    text = Texts.parcel(p.brand, r);
                    capture = 50;
                    hours = COURIER;
                }
                default -> {
                    text = Texts.spam(1 + r.nextInt(3), r);
                    capture = 60;
                    hours = BUSINESS;
                }
            }
            int t = time(r, hours);
            String code = p.codes[r.nextInt(p.codes.length)];
            clear(s);
            s[S_TYPE] = "PORT";
            s[S_TIME] = ts(t);
            s[S_SENDER] = code;
            s[S_RECIPIENT] = Numbers.signalled(b.msisdn, r);
            s[S_PORT_CUSTOMER] = p.customerId;
            s[S_SEGMENTS] = SMALL[Texts.segments(text)];
            s[S_DELIVERED] = b.activeOn(day) && r.nextInt(100) < 98 ? "1" : "0";
            s[S_CONTENT] = r.nextInt(100) < capture ? text : "";
            sms.emit(s);
            if (p.kind == PortKind.SPAM && r.nextInt(1000) < 5) {
                complain(r, t + 60 + r.nextInt(7200), code, "SPAM_SMS", b.idx);
            }
        }
    }

    // ------------------------------------------------------------------ outcomes

    private void normal(SplittableRandom r, double pAnswer, double medianSeconds, double sigma) {
        if (r.nextDouble() < pAnswer) {
            answer(r, medianSeconds, sigma);
        } else {
            int x = r.nextInt(100);
            unanswered(r, x < 20 ? 17 : x < 30 ? 18 : x < 75 ? 19 : x < 95 ? 21 : 31);
        }
    }

    private void answer(SplittableRandom r, double medianSeconds, double sigma) {
        answered = 1;
        cause = 16;
        duration = (int) Math.max(1, Math.min(7200, Math.round(medianSeconds * Math.exp(sigma * r.nextGaussian()))));
        ring = r.nextInt(100) < 4 ? -1 : 2 + r.nextInt(r.nextInt(100) < 80 ? 10 : 25);
    }

    private void unanswered(SplittableRandom r, int releaseCause) {
        answered = 0;
        duration = 0;
        cause = releaseCause;
        ring = switch (releaseCause) {
            case 17 -> 0;
            case 18 -> 5 + r.nextInt(25);
            case 19 -> 25 + r.nextInt(36);
            case 21 -> 2 + r.nextInt(14);
            default -> r.nextInt(10);
        };
        if (r.nextInt(100) < 4) {
            ring = -1;
        }
    }

    // ------------------------------------------------------------------ records

    private void fillOutcome(int t, String calling, String called, int clir) {
        v[V_TIME] = ts(t);
        v[V_CALLING] = calling;
        v[V_CALLED] = called;
        v[V_ANSWERED] = answered == 1 ? "1" : "0";
        v[V_DURATION] = num(duration);
        v[V_RING] = ring < 0 ? "" : num(ring);
        v[V_CAUSE] = SMALL[cause];
        v[V_CLIR] = clir == 1 ? "1" : "0";
    }

    /** Our subscriber calls another network (or a service number, or abroad): MO only. */
    private void moOut(SplittableRandom r, int t, Sub a, String called, int clir) throws IOException {
        moFixedDevice(r, t, a, a.imeiOn(day), cellOf(a, t, r), called, clir);
    }

    private void moFixedDevice(SplittableRandom r, int t, Sub a, String imei, int cell, String called) throws IOException {
        moFixedDevice(r, t, a, imei, cell, called, 0);
    }

    private void moFixedDevice(SplittableRandom r, int t, Sub a, String imei, int cell, String called, int clir)
            throws IOException {
        fillOutcome(t, Numbers.signalled(a.msisdn, r), called, clir);
        v[V_TYPE] = "MO";
        v[V_IMSI] = a.imsi;
        v[V_IMEI] = imei;
        v[V_CELL] = w.cells[cell];
        v[V_TRUNK] = "";
        voice.emit(v);
    }

    /** A call between two of our subscribers: MO (served = caller) and MT (served = callee). */
    private void onNet(SplittableRandom r, int t, Sub a, Sub b, int clir) throws IOException {
        onNetFixedDevice(r, t, a, a.imeiOn(day), cellOf(a, t, r), b, clir);
    }

    private void onNetFixedDevice(SplittableRandom r, int t, Sub a, String imei, int cell, Sub b) throws IOException {
        onNetFixedDevice(r, t, a, imei, cell, b, 0);
    }

    private void onNetFixedDevice(SplittableRandom r, int t, Sub a, String imei, int cell, Sub b, int clir)
            throws IOException {
        fillOutcome(t, Numbers.signalled(a.msisdn, r), Numbers.signalled(b.msisdn, r), clir);
        v[V_TYPE] = "MO";
        v[V_IMSI] = a.imsi;
        v[V_IMEI] = imei;
        v[V_CELL] = w.cells[cell];
        v[V_TRUNK] = "";
        voice.emit(v);
        fillOutcome(t, Numbers.signalled(a.msisdn, r), Numbers.signalled(b.msisdn, r), clir);
        mtLeg(r, t, b);
    }

    /** A call entering on a trunk to our subscriber: GW and MT. */
    private void gwIn(SplittableRandom r, int t, Trunk trunk, String calling, Sub b, int clir) throws IOException {
        fillOutcome(t, calling, Numbers.signalled(b.msisdn, r), clir);
        v[V_TYPE] = "GW";
        v[V_IMSI] = "";
        v[V_IMEI] = "";
        v[V_CELL] = "";
        v[V_TRUNK] = trunk.id;
        voice.emit(v);
        fillOutcome(t, calling, Numbers.signalled(b.msisdn, r), clir);
        mtLeg(r, t, b);
    }

    private void mtLeg(SplittableRandom r, int t, Sub b) throws IOException {
        v[V_TYPE] = "MT";
        v[V_IMSI] = b.imsi;
        v[V_IMEI] = b.imeiOn(day);
        v[V_CELL] = w.cells[cellOf(b, t, r)];
        v[V_TRUNK] = "";
        voice.emit(v);
    }

    private void smsOnNet(SplittableRandom r, int t, Sub a, Sub b, String content, int segments) throws IOException {
        t = Math.min(t, 86_399);
        String delivered = r.nextInt(100) < 98 ? "1" : "0";
        String sender = Numbers.signalled(a.msisdn, r);
        String recipient = Numbers.signalled(b.msisdn, r);
        fillSms(t, "MO", sender, recipient, a, a.imeiOn(day), cellOf(a, t, r), segments, delivered, content);
        sms.emit(s);
        fillSms(t, "MT", sender, recipient, b, b.imeiOn(day), cellOf(b, t, r), segments, delivered, content);
        sms.emit(s);
    }

    private void smsMo(SplittableRandom r, int t, Sub a, String recipient, String content, int segments)
            throws IOException {
        t = Math.min(t, 86_399);
        fillSms(t, "MO", Numbers.signalled(a.msisdn, r), recipient, a, a.imeiOn(day), cellOf(a, t, r), segments,
                r.nextInt(100) < 97 ? "1" : "0", content);
        sms.emit(s);
    }

    private void smsMtFromOutside(SplittableRandom r, int t, String sender, Sub b, String content, int segments)
            throws IOException {
        fillSms(t, "MT", sender, Numbers.signalled(b.msisdn, r), b, b.imeiOn(day), cellOf(b, t, r), segments,
                r.nextInt(100) < 98 ? "1" : "0", content);
        sms.emit(s);
    }

    private void fillSms(int t, String type, String sender, String recipient, Sub served, String imei, int cell,
            int segments, String delivered, String content) {
        s[S_TYPE] = type;
        s[S_TIME] = ts(t);
        s[S_SENDER] = sender;
        s[S_RECIPIENT] = recipient;
        s[S_IMSI] = served.imsi;
        s[S_IMEI] = imei;
        s[S_CELL] = w.cells[cell];
        s[S_PORT_CUSTOMER] = "";
        s[S_SEGMENTS] = SMALL[Math.max(1, segments)];
        s[S_DELIVERED] = delivered;
        s[S_CONTENT] = content;
    }

    private static void clear(String[] fields) {
        java.util.Arrays.fill(fields, "");
    }

    private void complain(SplittableRandom r, int second, String number, String category, int reporter) {
        int x = r.nextInt(100);
        String channel = x < 50 ? "12321" : x < 80 ? "APP" : "HOTLINE";
        long reporterKey = reporter >= 0 ? subs[reporter].msisdn : Numbers.otherNetworkMobile(r);
        String hash = Numbers.hash16(w.salt ^ 0x12321L, reporterKey);
        if (second < 86_400) {
            complaints.add(new Complaint(second, number, category, channel, hash));
        } else if (!lastDay) {
            complaintsNextDay.add(new Complaint(Math.min(second - 86_400, 86_399), number, category, channel, hash));
        }
    }

    // ------------------------------------------------------------------ helpers

    private Trunk interconnectFor(long nsn, SplittableRandom r) {
        boolean unicom = Numbers.isMobile(nsn) && Numbers.isUnicom(nsn);
        return w.interconnect.get((unicom ? 0 : 2) + r.nextInt(2));
    }

    private int cellOf(Sub a, int t, SplittableRandom r) {
        int hour = t / 3600;
        switch (a.role) {
            case COURIER -> {
                int district = a.homeCell / World.CELLS_PER_DISTRICT;
                if (r.nextInt(100) < 30) {
                    district = (district + 1) % w.districts();
                }
                return district * World.CELLS_PER_DISTRICT + r.nextInt(World.CELLS_PER_DISTRICT);
            }
            case RIDE_HAIL_DRIVER -> {
                return r.nextInt(w.cells.length);
            }
            case SHOP, TELEMARKETER, BULK_CALLER, SCANNER, SIMBOX_SIM, SPAM_SIM -> {
                return a.workCell;
            }
            case RING_MEMBER -> {
                return r.nextInt(100) < 80 ? a.homeCell : a.workCell;
            }
            default -> {
                if (hour < 7 || hour >= 22) {
                    return a.homeCell;
                }
                if (!weekend && hour >= 9 && hour < 18) {
                    return r.nextInt(100) < 80 ? a.workCell : a.otherCells[r.nextInt(a.otherCells.length)];
                }
                int x = r.nextInt(100);
                return x < 50 ? a.homeCell : a.otherCells[r.nextInt(a.otherCells.length)];
            }
        }
    }

    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1.0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static int time(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double x : weights) {
            total += x;
        }
        double u = r.nextDouble() * total;
        int hour = 0;
        for (; hour < 23; hour++) {
            u -= weights[hour];
            if (u < 0) {
                break;
            }
        }
        return hour * 3600 + r.nextInt(3600);
    }

    private static String num(int value) {
        return value < SMALL.length ? SMALL[value] : Integer.toString(value);
    }

    /** ISO-8601 local timestamp with the zone's offset for a second of this day. */
    String ts(int second) {
        if (second < 0 || second >= 86_400) {
            throw new IllegalArgumentException("second of day out of range: " + second);
        }
        StringBuilder sb = new StringBuilder(25);
        int h = second / 3600;
        int m = (second / 60) % 60;
        int sec = second % 60;
        if (fixedOffset != null) {
            sb.append(fixedPrefix);
            two(sb, h).append(':');
            two(sb, m).append(':');
            two(sb, sec).append(fixedOffset);
            return sb.toString();
        }
        ZonedDateTime z = ZonedDateTime.of(date, LocalTime.of(h, m, sec), zone);
        if (!z.toLocalDate().equals(date)) {
            z = ZonedDateTime.of(date, LocalTime.of(23, 59, 59), zone);
        }
        sb.append(z.toLocalDate()).append('T');
        two(sb, z.getHour()).append(':');
        two(sb, z.getMinute()).append(':');
        two(sb, z.getSecond()).append(z.getOffset().getId());
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }
}
