package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of bulk calling: a shop's line on a company account takes 25 to 95 calls a day from
 * strangers, mostly on other networks, and makes a few, all from the shop.
 */
final class Shops extends HeavyUsers {

    Shops() {
        super(0.003, 0.4, 4);
    }

    @Override
    void work(Sub a, DayContext day, SplittableRandom r) throws IOException {
        int incoming = 25 + r.nextInt(70);
        for (int i = 0; i < incoming; i++) {
            int t = Hours.time(r, Hours.SHOP);
            day.normal(r, 0.82, 60, 0.9);
            Sub b = r.nextInt(100) < 55 ? day.stranger(r) : null;
            if (b != null) {
                day.onNet(r, t, b, a, 0);
            } else {
                long ext = r.nextInt(100) < 85 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
                day.gwIn(r, t, day.interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
            }
        }
        int outgoing = 3 + r.nextInt(10);
        for (int i = 0; i < outgoing; i++) {
            day.normal(r, 0.8, 90, 0.8);
            long ext = r.nextBoolean() ? Numbers.fixedLine(r) : Numbers.otherNetworkMobile(r);
            day.moOut(r, Hours.time(r, Hours.SHOP), a, Numbers.signalled(ext, r), 0);
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return legitimateNumbers(world, "SHOP");
    }
}
