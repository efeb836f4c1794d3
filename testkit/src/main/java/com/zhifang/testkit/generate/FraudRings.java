package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud pattern FRAUD_RING: 4 to 6 SIMs on two bought identities, sharing 2 or 3 handsets and one or two hide-outs,
 * in contact with each other, calling a common list of victims (a second member often following up the same victim)
 * during business hours. The police notify one or two members of each ring ({@link Enforcement}).
 */
final class FraudRings extends SubscriberActor {

    /** Traffic stream, keyed by ring. */
    private static final int STREAM = 4;

    static final class Ring {
        int[] members;
        String[] imeis;
        int[] cells;
        int[] victimSubs;
        long[] victimExternal;
    }

    final List<Ring> rings = new ArrayList<>();

    FraudRings() {
        super(true);
    }

    /** One ring of 4 to 6 SIMs per 2,000 subscribers, every member in contact with the others. */
    @Override
    public void claim(WorldBuilder world) {
        for (int g = 0; g < world.onePer(2000); g++) {
            Ring ring = new Ring();
            ring.members = world.claim(this, 4 + world.random().nextInt(3));
            world.keepInContact(ring.members);
            rings.add(ring);
        }
    }

    @Override
    public void equip(WorldBuilder world) {
        for (int g = 0; g < rings.size(); g++) {
            equip(rings.get(g), g, world);
        }
    }

    /** Phones passed round the members, two hide-outs, a victim list (seven in ten ours), two identities. */
    private static void equip(Ring ring, int index, WorldBuilder world) {
        SplittableRandom r = world.random();
        World w = world.world();
        ring.imeis = new String[2 + r.nextInt(2)];
        Arrays.setAll(ring.imeis, i -> Numbers.handsetImei(r));
        ring.cells = new int[] {w.anyCell(r), w.anyCell(r)};
        int victims = Math.max(40, Math.min(400, w.n / 20));
        ring.victimSubs = world.sampleSubs(victims * 7 / 10);
        ring.victimExternal = new long[victims - ring.victimSubs.length];
        for (int i = 0; i < ring.victimExternal.length; i++) {
            ring.victimExternal[i] = Numbers.otherNetworkMobile(r);
        }
        long identityA = Numbers.mix(w.salt, 0x21A60000L + index * 2L);
        long identityB = Numbers.mix(w.salt, 0x21A60001L + index * 2L);
        for (int i = 0; i < ring.members.length; i++) {
            Sub s = w.subs[ring.members[i]];
            s.imei = ring.imeis[i % ring.imeis.length];
            s.imei2 = ring.imeis[(i + 1) % ring.imeis.length];
            s.deviceSwitchDay = 1 + r.nextInt(Math.max(1, w.days));
            s.homeCell = ring.cells[0];
            s.workCell = ring.cells[1];
            s.otherCells = ring.cells.clone();
            s.personId = i % 2 == 0 ? identityA : identityB;
        }
    }

    /** Members call ring by ring. */
    @Override
    public void emitDay(DayContext day) throws IOException {
        day.forEach(rings, STREAM, (ring, r) -> emitRing(ring, day, r));
    }

    private static void emitRing(Ring ring, DayContext day, SplittableRandom r) throws IOException {
        int d = day.index();
        int m = ring.members.length;
        for (int k = 0; k < m; k++) {
            Sub a = day.sub(ring.members[k]);
            if (!a.reachableOn(d)) {
                continue;
            }
            int calls = 12 + r.nextInt(29);
            for (int i = 0; i < calls; i++) {
                int t = Hours.time(r, Hours.BUSINESS);
                int victims = ring.victimSubs.length + ring.victimExternal.length;
                int v = r.nextInt(victims);
                callVictim(day, r, t, a, ring, v);
                if (r.nextInt(100) < 35) {
                    // a second member follows up the same victim ("police officer" after "customer service")
                    Sub follower = otherMember(ring, k, day, r);
                    int t2 = t + 1200 + r.nextInt(6000);
                    if (follower.reachableOn(d) && t2 < 86_400) {
                        callVictim(day, r, t2, follower, ring, v);
                    }
                }
            }
            int internal = 2 + r.nextInt(5);
            for (int i = 0; i < internal; i++) {
                Sub b = otherMember(ring, k, day, r);
                if (b.reachableOn(d)) {
                    day.normal(r, 0.9, 60, 0.8);
                    day.onNet(r, Hours.time(r, Hours.BUSINESS), a, b, 0);
                }
            }
            if (r.nextInt(100) < 50) {
                Sub b = otherMember(ring, k, day, r);
                if (b.reachableOn(d)) {
                    day.smsOnNet(r, Hours.time(r, Hours.BUSINESS), a, b, "", 1);
                }
            }
        }
    }

    private static Sub otherMember(Ring ring, int k, DayContext day, SplittableRandom r) {
        int m = ring.members.length;
        return day.sub(ring.members[(k + 1 + r.nextInt(m - 1)) % m]);
    }

    private static void callVictim(DayContext day, SplittableRandom r, int t, Sub a, Ring ring, int v)
            throws IOException {
        if (r.nextInt(100) < 45) {
            day.answer(r, 180, 1.0);
        } else {
            int x = r.nextInt(100);
            day.unanswered(r, x < 50 ? 19 : x < 80 ? 21 : 17);
        }
        if (v < ring.victimSubs.length) {
            Sub b = day.sub(ring.victimSubs[v]);
            if (!b.reachableOn(day.index())) {
                return;
            }
            day.onNet(r, t, a, b, 0);
            if (day.answered() && r.nextInt(100) < 5) {
                day.complain(r, t + day.duration() + 600, Numbers.signalled(a.msisdn, r), "FRAUD", b.idx);
            }
        } else {
            day.moOut(r, t, a, Numbers.signalled(ring.victimExternal[v - ring.victimSubs.length], r), 0);
        }
    }

    /** At the first hide-out mostly, at the second otherwise. */
    @Override
    int cell(Sub a, int t, DayContext day, SplittableRandom r) {
        return r.nextInt(100) < 80 ? a.homeCell : a.workCell;
    }

    @Override
    public List<TruthRow> truth(World world) {
        return fraudNumbers(world, "FRAUD_RING");
    }
}
