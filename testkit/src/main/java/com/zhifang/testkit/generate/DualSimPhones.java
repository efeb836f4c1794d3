package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of SIM boxes and bulk callers ({@link Realism#dualSimPhonesPer()}): salespeople whose one
 * handset holds two long-lived SIMs, a work SIM (company line, ENTERPRISE, postpaid) and their private SIM (PERSONAL,
 * with its own social circle), both activated 1 to 6 years ago. On working days, in office hours and at one office
 * cell, they make 150 to 250 calls over the two SIMs (nine in ten on the work SIM) to a customer list of their own,
 * half of them answered with 1-5 minute conversations; 5-15 % of the customers called call back; a few texts go both
 * ways. Two IMSIs on one IMEI at one cell, heavy outgoing volume: and not a SIM box.
 */
final class DualSimPhones extends SubscriberActor {

    /** Set-up stream key ({@link WorldBuilder#randomOf}). */
    private static final long SETUP_KEY = 0xD0A151L;

    static final class Phone {
        String imei;
        int office;
        int workSim;
        int privateSim;
        /** Customers: ours (subscriber index) or on other networks (national significant number). */
        int[] customerSubs;
        long[] customerExternal;
        /** Percent of called customers that call back the same day. */
        int callBackPercent;
    }

    final List<Phone> phones = new ArrayList<>();
    private final Map<Integer, Phone> phoneOf = new HashMap<>();

    DualSimPhones() {
        super(false);
    }

    @Override
    public void realism(WorldBuilder world) {
        int per = world.realism().dualSimPhonesPer();
        if (per <= 0) {
            return;
        }
        World w = world.world();
        SplittableRandom r = world.randomOf(SETUP_KEY);
        for (int p = 0; p < world.onePer(per); p++) {
            Sub personal = world.ordinaryFrom(r, s -> w.contactCount(s.idx) >= 3);
            if (personal == null) {
                break;
            }
            personal.role = this;
            Sub work = world.ordinaryFrom(r, s -> true);
            if (work == null) {
                personal.role = null;
                break;
            }
            work.role = this;
            Phone phone = new Phone();
            phone.imei = Numbers.handsetImei(r);
            phone.office = w.anyCell(r);
            phone.workSim = work.idx;
            phone.privateSim = personal.idx;
            int customers = 400 + r.nextInt(800);
            phone.customerSubs = new int[customers * 6 / 10];
            for (int i = 0; i < phone.customerSubs.length; i++) {
                Sub c = w.randomSubscriber(r, 100, s -> !s.fraud() && s.inService() && s.role != this);
                phone.customerSubs[i] = c == null ? personal.idx : c.idx;
            }
            phone.customerExternal = new long[customers - phone.customerSubs.length];
            for (int i = 0; i < phone.customerExternal.length; i++) {
                phone.customerExternal[i] = r.nextInt(100) < 85 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
            }
            phone.callBackPercent = 5 + r.nextInt(11);
            for (Sub s : new Sub[] {work, personal}) {
                s.imei = phone.imei;
                s.imei2 = null;
                s.deviceSwitchDay = Integer.MAX_VALUE;
                s.activationDay = -365 - r.nextInt(365 * 5);
                s.status = "ACTIVE";
                s.realNameVerified = true;
                phoneOf.put(s.idx, phone);
            }
            work.stayIn(phone.office);
            work.enterprise = true;
            work.prepaid = false;
            work.personId = Numbers.mix(w.salt, 0xD0A10000L + p);
            personal.enterprise = false;
            personal.workCell = phone.office;
            phones.add(phone);
            world.expectDailyVoiceRows(2 * 200);
        }
    }

    boolean isWorkSim(Sub s) {
        return phoneOf.get(s.idx).workSim == s.idx;
    }

    /**
     * The work SIM carries the sales day (most calls); the private SIM lives an ordinary day with its own circle and
     * makes the rest of the sales calls when the work line is busy.
     */
    @Override
    void emitFor(Sub s, DayContext day, SplittableRandom r) throws IOException {
        Phone phone = phoneOf.get(s.idx);
        boolean work = isWorkSim(s);
        if (!work) {
            OrdinaryLife.live(s, day, r, 1.0);
        }
        if (day.weekend() || !s.reachableOn(day.index())) {
            return;
        }
        int total = 150 + r.nextInt(101);
        int calls = work ? total * 9 / 10 : total - total * 9 / 10;
        for (int i = 0; i < calls; i++) {
            salesCall(phone, s, day, r);
        }
        if (work) {
            int texts = 3 + r.nextInt(10);
            for (int i = 0; i < texts; i++) {
                int t = Hours.time(r, Hours.OFFICE);
                int c = r.nextInt(phone.customerSubs.length + phone.customerExternal.length);
                if (c < phone.customerSubs.length) {
                    Sub b = day.sub(phone.customerSubs[c]);
                    if (b.reachableOn(day.index())) {
                        day.smsOnNet(r, t, s, b, r.nextInt(100) < 10 ? "您好，报价单已发邮箱，请查收" : "", 1);
                        if (r.nextInt(100) < 40) {
                            day.smsOnNet(r, t + 120 + r.nextInt(3600), b, s, "", 1);
                        }
                    }
                } else {
                    long ext = phone.customerExternal[c - phone.customerSubs.length];
                    day.smsMo(r, t, s, Numbers.signalled(ext, r), "", 1);
                    if (Numbers.isMobile(ext) && r.nextInt(100) < 40) {
                        day.smsMtFromOutside(r, Math.min(86_399, t + 120 + r.nextInt(3600)), Numbers.signalled(ext, r),
                                s, "", 1);
                    }
                }
            }
        }
    }

    /** One call to a customer: half answered, 1-5 minutes; now and then the customer calls back later that day. */
    private static void salesCall(Phone phone, Sub a, DayContext day, SplittableRandom r) throws IOException {
        int t = Hours.time(r, Hours.OFFICE);
        if (r.nextInt(100) < 50) {
            day.outcome(true, 60 + r.nextInt(241), 2 + r.nextInt(12), 16);
        } else {
            int x = r.nextInt(100);
            day.unanswered(r, x < 55 ? 19 : x < 80 ? 17 : 21);
        }
        int c = r.nextInt(phone.customerSubs.length + phone.customerExternal.length);
        boolean callBack = r.nextInt(100) < phone.callBackPercent;
        int tb = t + 600 + r.nextInt(4 * 3600);
        Sub work = day.sub(phone.workSim);
        if (c < phone.customerSubs.length) {
            Sub b = day.sub(phone.customerSubs[c]);
            if (!b.reachableOn(day.index())) {
                return;
            }
            day.onNet(r, t, a, b, 0);
            if (callBack && tb < 86_400 && work.reachableOn(day.index())) {
                day.normal(r, 0.85, 150, 0.7);
                day.onNet(r, tb, b, work, 0);
            }
        } else {
            long ext = phone.customerExternal[c - phone.customerSubs.length];
            day.moOut(r, t, a, Numbers.signalled(ext, r), 0);
            if (callBack && tb < 86_400 && work.reachableOn(day.index())) {
                day.normal(r, 0.85, 150, 0.7);
                day.gwIn(r, tb, day.interconnectFor(ext, r), Numbers.signalled(ext, r), work, 0);
            }
        }
    }

    /** The work SIM is always at the office; the private SIM there in office hours on working days. */
    @Override
    int cell(Sub s, int t, DayContext day, SplittableRandom r) {
        Phone phone = phoneOf.get(s.idx);
        int hour = t / 3600;
        if (isWorkSim(s) || (!day.weekend() && hour >= 8 && hour < 19)) {
            return phone.office;
        }
        return OrdinaryLife.cell(s, t, day.weekend(), r);
    }

    /** The handset and both numbers. */
    @Override
    public List<TruthRow> truth(World world) {
        List<TruthRow> rows = new ArrayList<>(legitimateNumbers(world, "DUAL_SIM_PHONE"));
        for (Phone p : phones) {
            rows.add(TruthRow.legitimate("DEVICE", p.imei, "DUAL_SIM_PHONE"));
        }
        return rows;
    }
}
