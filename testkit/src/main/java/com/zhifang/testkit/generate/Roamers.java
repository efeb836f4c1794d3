package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of spoofed calls from abroad: ordinary subscribers travelling abroad for a few days (listed in
 * roaming.csv). The roamers among them call their contacts at home, so +86 numbers arrive on international trunks;
 * the travellers stay silent while away.
 */
final class Roamers extends OrdinaryMembers {

    private static final String[] COUNTRIES = {"GB", "DE", "TH", "MY", "PH", "VN", "JP", "US", "KR", "SG", "FR", "AU"};

    @Override
    public void place(WorldBuilder world) {
        World w = world.world();
        SplittableRandom r = world.random();
        int roamers = world.scaled(0.002, 2);
        int travellers = world.scaled(0.004, 3);
        for (int i = 0; i < roamers + travellers; i++) {
            boolean callsHome = i < roamers;
            Sub s = world.randomSubscriber(c -> c.ordinary() && c.activationDay <= 0
                    && !(callsHome && w.contactCount(c.idx) == 0));
            int from = -5 + r.nextInt(w.days + 5);
            int to = Math.max(from, 0) + r.nextInt(8);
            if (callsHome) {
                from = Math.min(from, Math.max(0, w.days - 2));
                to = Math.max(to, from + 1);
            }
            s.role = this;
            s.roamFrom = from;
            s.roamTo = to;
            s.roamCountry = COUNTRIES[r.nextInt(COUNTRIES.length)];
            s.callsHomeWhenAbroad = callsHome;
        }
    }

    /** Abroad: a roamer calls home, a traveller is silent; at home: an ordinary day. */
    @Override
    void emitFor(Sub a, DayContext day, SplittableRandom r) throws IOException {
        int d = day.index();
        if (a.activeOn(d) && a.abroadOn(d)) {
            if (a.callsHomeWhenAbroad) {
                callHome(a, day, r);
            }
            return;
        }
        OrdinaryLife.live(a, day, r, 1.0);
    }

    /** On the first day abroad, and on seven later days in ten: 1 to 3 calls to contacts, on one carrier. */
    private static void callHome(Sub a, DayContext day, SplittableRandom r) throws IOException {
        int d = day.index();
        World w = day.world();
        boolean first = d == Math.max(0, a.roamFrom);
        int cc = w.contactCount(a.idx);
        if (cc == 0 || (!first && r.nextInt(100) >= 70)) {
            return;
        }
        int calls = 1 + r.nextInt(3);
        Trunk trunk = w.carriers.get(r.nextInt(w.carriers.size()));
        for (int i = 0; i < calls; i++) {
            Sub b = day.sub(w.contact(a.idx, r.nextInt(cc)));
            if (!b.reachableOn(d)) {
                continue;
            }
            day.normal(r, 0.85, 240, 0.9);
            day.gwIn(r, Hours.time(r, Hours.ORDINARY), trunk, Numbers.signalledInternational(a.msisdn, r), b, 0);
            a.calledFromAbroad = true;
        }
    }

    /** The roamers whose calls home actually went through. */
    @Override
    public List<TruthRow> truth(World world) {
        return world.members(this).stream().filter(s -> s.calledFromAbroad)
                .map(s -> TruthRow.legitimate("NUMBER", Numbers.e164(s.msisdn), "ROAMER")).toList();
    }
}
