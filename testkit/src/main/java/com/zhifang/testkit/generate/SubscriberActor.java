package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An actor whose members are our own subscribers: it is their role. Besides what every actor does, it adjusts its
 * members' profiles, says what each member does on its own day (nothing, unless the role says so) and where it is
 * (where it works: an office, a room, a site, unless the role says otherwise).
 */
abstract class SubscriberActor implements Actor {

    private final boolean fraud;
    private final double share;
    private final int atLeast;

    /** A role whose members it picks itself. */
    SubscriberActor(boolean fraud) {
        this(fraud, 0, 0);
    }

    /** A role claiming {@code share} of the population (at least {@code atLeast} subscribers) at the claim step. */
    SubscriberActor(boolean fraud, double share, int atLeast) {
        this.fraud = fraud;
        this.share = share;
        this.atLeast = atLeast;
    }

    /** Fraud SIMs are prepaid, on bought identities, outside the social graph, and never called as strangers. */
    final boolean fraud() {
        return fraud;
    }

    @Override
    public void claim(WorldBuilder world) {
        if (share > 0) {
            world.claim(this, world.scaled(share, atLeast));
        }
    }

    /** Probability that a member's number is a reseller's (MVNO block) rather than one of ours. */
    double mvnoShare() {
        return fraud ? 0.4 : OrdinaryLife.MVNO_SHARE;
    }

    /** Fraud roles: whether some members are fresh SIMs activated inside the window, replacing burnt ones. */
    boolean rotatesSims() {
        return false;
    }

    /** Adjusts a member's profile once the attributes every subscriber has are drawn ({@link WorldBuilder}). */
    void profile(Sub s, WorldBuilder world) {
    }

    /** A member's own day; the subscribers' days come first, in subscriber order, each with its own stream. */
    void emitFor(Sub s, DayContext day, SplittableRandom r) throws IOException {
    }

    /** The cell a member uses at second {@code t} of the day. */
    int cell(Sub s, int t, DayContext day, SplittableRandom r) {
        return s.workCell;
    }

    /** A truth row per member: the number, labelled legitimate of {@code kind}. */
    List<TruthRow> legitimateNumbers(World world, String kind) {
        return world.members(this).stream().map(s -> TruthRow.legitimate("NUMBER", Numbers.e164(s.msisdn), kind))
                .toList();
    }

    /** A truth row per member: the number, labelled fraud of {@code pattern}, notified or not by the police. */
    List<TruthRow> fraudNumbers(World world, String pattern) {
        return world.members(this).stream()
                .map(s -> TruthRow.fraud("NUMBER", Numbers.e164(s.msisdn), pattern, s.policeDay != Integer.MAX_VALUE))
                .toList();
    }
}
