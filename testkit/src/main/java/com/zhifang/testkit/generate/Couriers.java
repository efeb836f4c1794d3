package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of bulk calling: couriers call and text 50 to 200 strangers a day about deliveries, across
 * their district and the next, and some call back.
 */
final class Couriers extends HeavyUsers {

    Couriers() {
        super(0.004, 0.5);
    }

    @Override
    void work(Sub a, DayContext day, SplittableRandom r) throws IOException {
        int deliveries = (int) ((50 + r.nextInt(150)) * (day.weekend() ? 0.7 : 1.0));
        for (int i = 0; i < deliveries; i++) {
            int t = Hours.time(r, Hours.COURIER);
            Sub b = r.nextInt(100) < 55 ? day.stranger(r) : null;
            long ext = 0;
            if (b != null) {
                day.normal(r, 0.86, 25, 0.6);
                day.onNet(r, t, a, b, 0);
            } else {
                ext = Numbers.otherNetworkMobile(r);
                String called = Numbers.signalled(ext, r);
                day.normal(r, 0.84, 25, 0.6);
                day.moOut(r, t, a, called, 0);
            }
            if (r.nextInt(100) < 35) {
                String text = r.nextInt(100) < 10 ? Texts.courierPickup(r) : "";
                int segs = text.isEmpty() ? 1 : Texts.segments(text);
                if (b != null) {
                    day.smsOnNet(r, t + 30, a, b, text, segs);
                } else {
                    day.smsMo(r, t + 30, a, Numbers.signalled(ext, r), text, segs);
                }
            }
            if (r.nextInt(100) < 18) {
                int tb = t + 300 + r.nextInt(5400);
                if (tb < 86_400) {
                    day.normal(r, 0.9, 30, 0.6);
                    if (b != null) {
                        day.onNet(r, tb, b, a, 0);
                    } else {
                        day.gwIn(r, tb, day.interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
                    }
                }
            }
        }
    }

    /** Anywhere in its home district, or the next district three times in ten. */
    @Override
    int cell(Sub a, int t, DayContext day, SplittableRandom r) {
        int district = a.homeCell / World.CELLS_PER_DISTRICT;
        if (r.nextInt(100) < 30) {
            district = (district + 1) % day.world().districts();
        }
        return district * World.CELLS_PER_DISTRICT + r.nextInt(World.CELLS_PER_DISTRICT);
    }

    @Override
    public List<TruthRow> truth(World world) {
        return legitimateNumbers(world, "COURIER");
    }
}
