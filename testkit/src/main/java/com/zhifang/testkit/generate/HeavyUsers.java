package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Legitimate heavy users, look-alikes of bulk calling: a personal line someone has had for years, or a company's line,
 * living a part of an ordinary day and working the rest with dozens of strangers when reachable.
 */
abstract class HeavyUsers extends SubscriberActor {

    private final double ordinaryShare;
    /** Key of the company identities (part of the output), or -1 for personal lines. */
    private final int companyKey;

    /**
     * Personal lines.
     *
     * @param share         share of the population claimed (at least two)
     * @param ordinaryShare the part of an ordinary subscriber's calls and texts they make too
     */
    HeavyUsers(double share, double ordinaryShare) {
        this(share, ordinaryShare, -1);
    }

    /** A company's lines: postpaid, enterprise customer, an identity of its own per line. */
    HeavyUsers(double share, double ordinaryShare, int companyKey) {
        super(false, share, 2);
        this.ordinaryShare = ordinaryShare;
        this.companyKey = companyKey;
    }

    @Override
    void profile(Sub s, WorldBuilder world) {
        SplittableRandom r = world.random();
        if (companyKey < 0) {
            s.activationDay = -400 - r.nextInt(2500);
            s.prepaid = r.nextDouble() < 0.3;
        } else {
            s.activationDay = -300 - r.nextInt(3000);
            s.enterprise = true;
            s.prepaid = false;
            s.personId = Numbers.mix(world.world().salt, 0xC0DE0000L + companyKey * 100_000L + s.claimIndex);
        }
    }

    @Override
    final void emitFor(Sub a, DayContext day, SplittableRandom r) throws IOException {
        OrdinaryLife.live(a, day, r, ordinaryShare);
        if (a.reachableOn(day.index())) {
            work(a, day, r);
        }
    }

    /** A working day with the public. */
    abstract void work(Sub a, DayContext day, SplittableRandom r) throws IOException;
}
