package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Innocent ordinary subscribers complained about: malicious complaints by a competitor, or complaints inherited by a
 * recycled number, on three days in ten. Not labelled: detectors that trust complaints alone get them wrong.
 */
final class ComplaintTargets extends OrdinaryMembers {

    @Override
    public void place(WorldBuilder world) {
        int targets = world.scaled(0.0015, 2);
        for (int i = 0; i < targets; i++) {
            world.randomSubscriber(Sub::ordinary).role = this;
        }
    }

    @Override
    void emitFor(Sub a, DayContext day, SplittableRandom r) throws IOException {
        if (!a.activeOn(day.index())) {
            return;
        }
        OrdinaryLife.live(a, day, r, 1.0);
        if (r.nextInt(100) < 30) {
            day.complain(r, Hours.time(r, Hours.ORDINARY), Numbers.signalled(a.msisdn, r),
                    r.nextBoolean() ? "HARASSMENT" : "FRAUD", -1);
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return List.of();
    }
}
