package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate callers that look odd on interconnect trunks, and number portability ({@link Realism}):
 * <ul>
 *   <li>ported out: people whose number is in one of our blocks but who are now served by another operator
 *       ({@code CUCC}, {@code CTCC}, {@code CBN}, listed in {@code reference/ported.csv}); they call a few of our
 *       subscribers, arriving on the new operator's interconnect trunk (GW + MT), are answered, and are called back
 *       (MO to a number of our block that is no subscriber of ours: not unallocated);</li>
 *   <li>ported in: a share of our ordinary subscribers hold a number of another operator's block (ported.csv,
 *       operator {@code ZF});</li>
 *   <li>office lines of Beijing and Shanghai calling their customers among our subscribers, the same number signalled
 *       in varying forms by different switches ({@code 021...}, {@code +86 21 ...}, {@code 0086...}, {@code 86...}),
 *       alongside the garbled caller numbers {@link DayContext#gwIn} lets through.</li>
 * </ul>
 * Truth: the interconnect trunks that carried any of this (or a garbled caller number) are
 * {@code LEGITIMATE INTERCONNECT_TRUNK}; the people need none.
 */
final class InterconnectCallers implements Actor {

    /** Traffic streams, keyed by caller. */
    private static final int PORTED_STREAM = 12;
    private static final int OFFICE_STREAM = 13;
    /** Set-up stream key ({@link WorldBuilder#randomOf}). */
    private static final long SETUP_KEY = 0x9047EDL;

    /** Another network's caller: its number, the trunk its calls arrive on, and the subscribers of ours it calls. */
    static final class Caller {
        long nsn;
        Trunk trunk;
        int[] contacts;
    }

    final List<Caller> portedOut = new ArrayList<>();
    final List<Caller> officeLines = new ArrayList<>();

    @Override
    public void realism(WorldBuilder world) {
        Realism cfg = world.realism();
        SplittableRandom r = world.randomOf(SETUP_KEY);
        if (cfg.portedInShare() > 0) {
            portIn(world, r, cfg.portedInShare());
        }
        if (cfg.portedOutShare() > 0) {
            portOut(world, r, cfg.portedOutShare());
        }
        if (cfg.garbledCallerShare() > 0) {
            World w = world.world();
            for (int i = 0; i < world.onePer(1000); i++) {
                Caller c = new Caller();
                c.nsn = Numbers.beijingOrShanghaiLine(r);
                c.trunk = w.interconnect.get(r.nextInt(w.interconnect.size()));
                c.contacts = contacts(w, r, 5 + r.nextInt(16));
                officeLines.add(c);
                world.expectDailyVoiceRows(2 * 3.5);
            }
        }
    }

    /** Ordinary subscribers with lines older than two months get a number of another network's block. */
    private static void portIn(WorldBuilder world, SplittableRandom r, double share) {
        World w = world.world();
        int count = Math.max(1, (int) Math.round(w.n * share));
        for (int i = 0; i < count; i++) {
            Sub s = world.ordinaryFrom(r, c -> c.reseller.isEmpty() && c.activationDay < -60);
            if (s == null) {
                break;
            }
            long nsn;
            do {
                nsn = Numbers.otherNetworkMobile(r);
            } while (w.numbers.contains(nsn));
            w.numbers.remove(s.msisdn);
            w.numbers.add(nsn);
            s.msisdn = nsn;
            s.portedInDay = s.activationDay + 30 + r.nextInt(-s.activationDay - 30);
        }
    }

    /**
     * Numbers of our blocks no subscriber of ours holds, ported out {@code share} of our own-block subscribers' count
     * ago: half to China Unicom, a third to China Telecom, the rest to China Broadcast Network (which reaches us
     * through China Telecom). Each calls 1 to 4 of our subscribers.
     */
    private void portOut(WorldBuilder world, SplittableRandom r, double share) {
        World w = world.world();
        int ownBlock = 0;
        for (Sub s : w.subs) {
            if (s.reseller.isEmpty() && s.portedInDay == Integer.MAX_VALUE) {
                ownBlock++;
            }
        }
        int count = Math.max(1, (int) Math.round(ownBlock * share));
        Trunk unicom = w.interconnect.get(0);
        Trunk telecom = w.interconnect.get(2);
        for (int i = 0; i < count; i++) {
            long nsn;
            do {
                nsn = w.ownBlocks[r.nextInt(w.ownBlocks.length)] * 10_000L + r.nextInt(10_000);
            } while (w.numbers.contains(nsn) || w.portedOutNumbers.contains(nsn));
            int x = r.nextInt(100);
            String operator = x < 50 ? "CUCC" : x < 85 ? "CTCC" : "CBN";
            w.portedOutNumbers.add(nsn);
            w.portedOut.add(new World.PortedOut(nsn, operator, -30 - r.nextInt(1500)));
            Caller c = new Caller();
            c.nsn = nsn;
            c.trunk = operator.equals("CUCC") ? unicom : telecom;
            c.contacts = contacts(w, r, 1 + r.nextInt(4));
            portedOut.add(c);
            world.expectDailyVoiceRows(1.2 * 2.4);
        }
    }

    /** {@code count} legitimate subscribers in service (repeats possible). */
    private static int[] contacts(World w, SplittableRandom r, int count) {
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            Sub s = w.randomSubscriber(r, 1000, c -> !c.fraud() && c.inService());
            out[k] = s == null ? 0 : s.idx;
        }
        return out;
    }

    @Override
    public void emitDay(DayContext day) throws IOException {
        day.forEach(portedOut, PORTED_STREAM, (c, r) -> emitPortedOut(c, day, r));
        day.forEach(officeLines, OFFICE_STREAM, (c, r) -> emitOfficeLine(c, day, r));
    }

    /** About 1.2 calls a day to its contacts, answered mostly; four in ten called back within two hours. */
    private static void emitPortedOut(Caller c, DayContext day, SplittableRandom r) throws IOException {
        int calls = DayContext.poisson(r, 1.2);
        for (int i = 0; i < calls; i++) {
            Sub b = day.sub(c.contacts[r.nextInt(c.contacts.length)]);
            if (!b.reachableOn(day.index())) {
                continue;
            }
            int t = Hours.time(r, Hours.ORDINARY);
            day.normal(r, 0.8, 90, 1.0);
            day.gwIn(r, t, c.trunk, Numbers.signalled(c.nsn, r), b, 0);
            day.world().oddInterconnectTrunks.add(c.trunk.id);
            if (r.nextInt(100) < 40) {
                int tb = t + 300 + r.nextInt(7200);
                if (tb < 86_400) {
                    day.normal(r, 0.75, 80, 1.0);
                    day.moOut(r, tb, b, Numbers.signalled(c.nsn, r), 0);
                }
            }
        }
    }

    /** 2 to 6 calls a working day (0 or 1 at weekends) to its customers, in business hours. */
    private static void emitOfficeLine(Caller c, DayContext day, SplittableRandom r) throws IOException {
        int calls = day.weekend() ? r.nextInt(2) : 2 + r.nextInt(5);
        for (int i = 0; i < calls; i++) {
            Sub b = day.sub(c.contacts[r.nextInt(c.contacts.length)]);
            if (!b.reachableOn(day.index())) {
                continue;
            }
            day.normal(r, 0.7, 120, 0.9);
            day.gwIn(r, Hours.time(r, Hours.BUSINESS), c.trunk, Numbers.signalledFixedForms(c.nsn, r), b, 0);
            day.world().oddInterconnectTrunks.add(c.trunk.id);
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return world.oddInterconnectTrunks.stream()
                .map(id -> TruthRow.legitimate("TRUNK", id, "INTERCONNECT_TRUNK")).toList();
    }
}
