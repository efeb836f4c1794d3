package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of bulk calling and of SIM boxes: drivers are called by a dozen to three dozen passengers a
 * day, call half of them back, and move across the whole city.
 */
final class RideHailDrivers extends HeavyUsers {

    RideHailDrivers() {
        super(0.003, 0.5);
    }

    @Override
    void work(Sub a, DayContext day, SplittableRandom r) throws IOException {
        int trips = 12 + r.nextInt(24);
        for (int i = 0; i < trips; i++) {
            int t = Hours.time(r, Hours.RIDE);
            Sub b = r.nextInt(100) < 55 ? day.stranger(r) : null;
            long ext = b == null ? Numbers.otherNetworkMobile(r) : 0;
            if (r.nextInt(100) < 80) {
                day.normal(r, 0.9, 30, 0.6);
                if (b != null) {
                    day.onNet(r, t, b, a, 0);
                } else {
                    day.gwIn(r, t, day.interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
                }
            }
            if (r.nextInt(100) < 50) {
                int t2 = Math.min(86_399, t + 60 + r.nextInt(600));
                day.normal(r, 0.88, 25, 0.6);
                if (b != null) {
                    day.onNet(r, t2, a, b, 0);
                } else {
                    day.moOut(r, t2, a, Numbers.signalled(ext, r), 0);
                }
            }
        }
    }

    /** Any cell of the city. */
    @Override
    int cell(Sub a, int t, DayContext day, SplittableRandom r) {
        return day.world().anyCell(r);
    }

    @Override
    public List<TruthRow> truth(World world) {
        return legitimateNumbers(world, "RIDE_HAIL_DRIVER");
    }
}
