package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * A role of ordinary subscribers singled out for one thing (roaming, being spoofed, complained about, forwarding a
 * link): they are legitimate, and otherwise live ordinary days where ordinary subscribers are.
 */
abstract class OrdinaryMembers extends SubscriberActor {

    OrdinaryMembers() {
        super(false);
    }

    @Override
    void emitFor(Sub s, DayContext day, SplittableRandom r) throws IOException {
        OrdinaryLife.live(s, day, r, 1.0);
    }

    @Override
    int cell(Sub s, int t, DayContext day, SplittableRandom r) {
        return OrdinaryLife.cell(s, t, day.weekend(), r);
    }
}
