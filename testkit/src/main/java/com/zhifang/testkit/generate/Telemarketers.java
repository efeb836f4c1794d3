package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of bulk calling: one company's telemarketers call 140 to 290 strangers each working day from
 * one office, mostly unanswered, drawing a few complaints.
 */
final class Telemarketers extends HeavyUsers {

    /** 1.5 % of the answered complain, mostly of harassment; 2 % call back within two hours. */
    private static final ColdCalls CALLS = new ColdCalls(1000, 15, "HARASSMENT", "ADVERT", 2, 7200, 0.6, 40);

    /** Company lines: no private calls. */
    Telemarketers() {
        super(0.002, 0, 5);
    }

    /** One company: one office. */
    @Override
    public void profiled(WorldBuilder world) {
        int office = world.world().anyCell(world.random());
        for (Sub s : world.world().members(this)) {
            s.homeCell = office;
            s.workCell = office;
        }
    }

    @Override
    void work(Sub a, DayContext day, SplittableRandom r) throws IOException {
        int calls = (int) ((140 + r.nextInt(150)) * (day.weekend() ? 0.25 : 1.0));
        for (int i = 0; i < calls; i++) {
            int t = Hours.time(r, Hours.OFFICE);
            Sub b = r.nextInt(100) < 55 ? day.stranger(r) : null;
            outcome(day, r);
            CALLS.call(day, r, t, a, b);
        }
    }

    /** Three calls in ten answered, briefly; the rest rejected, unanswered or to a busy line. */
    private static void outcome(DayContext day, SplittableRandom r) {
        if (r.nextInt(100) < 30) {
            day.answer(r, 35, 0.8);
        } else {
            int x = r.nextInt(100);
            if (x < 35) {
                day.unanswered(r, 21);
            } else if (x < 80) {
                day.unanswered(r, 19);
            } else {
                day.unanswered(r, 17);
            }
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return legitimateNumbers(world, "TELEMARKETER");
    }
}
