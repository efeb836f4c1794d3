package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud pattern NUMBER_SCANNING: SIMs dialling through one of our number blocks in sessions of 150 to 400 calls,
 * a few seconds each, many to unallocated numbers; numbers roaming abroad are skipped.
 */
final class NumberScanners extends SubscriberActor {

    NumberScanners() {
        super(true, 0.0005, 3);
    }

    /** Dialling from home. */
    @Override
    public void place(WorldBuilder world) {
        for (Sub s : world.world().members(this)) {
            s.stayIn(s.homeCell);
        }
    }

    @Override
    void emitFor(Sub a, DayContext day, SplittableRandom r) throws IOException {
        int d = day.index();
        if (!a.reachableOn(d)) {
            return;
        }
        World w = day.world();
        int sessions = 1 + r.nextInt(2);
        int ceiling = day.callCeiling(a.idx); // the per-SIM daily cap (Realism#simDailyCallCap)
        int made = 0;
        for (int sIdx = 0; sIdx < sessions; sIdx++) {
            long block = w.ownBlocks[r.nextInt(w.ownBlocks.length)];
            int suffix = r.nextInt(9000);
            int count = 150 + r.nextInt(250);
            int t = (10 + r.nextInt(11)) * 3600 + r.nextInt(3600);
            for (int i = 0; i < count && suffix < 10_000 && t < 86_400 && made < ceiling; i++) {
                long nsn = block * 10_000L + suffix;
                int idx = w.subByNumber(nsn);
                Sub b = idx >= 0 ? day.sub(idx) : null;
                String called = r.nextInt(100) < 90 ? Long.toString(nsn) : Numbers.signalled(nsn, r);
                if (b != null && b.reachableOn(d)) {
                    if (r.nextInt(100) < 4) {
                        day.outcome(true, 1 + r.nextInt(2), 1 + r.nextInt(4), 16);
                    } else {
                        day.outcome(false, 0, 1 + r.nextInt(3), r.nextInt(100) < 80 ? 16 : 31);
                    }
                    day.onNet(r, t, a, b, 0);
                } else if (b != null && b.activeOn(d)) {
                    // roaming abroad: the call would be forwarded out of our network; the scanner skips the number
                    suffix += 1;
                    continue;
                } else if (w.isPortedOut(nsn)) {
                    // ported to another operator: the call leaves our network and rings there (not unallocated)
                    day.normal(r, 0.05, 2, 0.3);
                    day.moOut(r, t, a, called, 0);
                } else {
                    day.outcome(false, 0, r.nextInt(100) < 70 ? -1 : 0, 1); // unallocated number
                    day.moOut(r, t, a, called, 0);
                }
                made++;
                suffix += 1 + r.nextInt(3);
                t += Math.max(day.ring(), 0) + day.duration() + 3 + r.nextInt(10);
            }
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return fraudNumbers(world, "NUMBER_SCANNING");
    }
}
