package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;

/**
 * One actor of the synthetic world: a fraud pattern, a legitimate look-alike, or another party whose traffic or
 * decisions the detectors see. It owns its set-up (its members in the world), its daily traffic and its truth rows,
 * and is registered in {@link Actors}.
 *
 * <p>The set-up comes in steps, each called for every actor in registry order before the next step starts: claim,
 * profiled, network, equip, place, enforce, links, realism. A step may rely on what the steps before it built; steps draw from
 * the world's one random stream in this order (see {@link WorldBuilder}).
 */
interface Actor {

    /** Takes members from the shuffled population ({@link WorldBuilder#claim}); nothing else is drawn yet. */
    default void claim(WorldBuilder world) {
    }

    /** Every subscriber has its number, SIM, cells, handset, activation and identity; no contacts yet. */
    default void profiled(WorldBuilder world) {
    }

    /** Contacts are drawn: registers trunks, private lines and SMS ports. */
    default void network(WorldBuilder world) {
    }

    /** The network is there: gives shared devices, hide-outs and victim lists. */
    default void equip(WorldBuilder world) {
    }

    /** Places everything else: rooms, foreign numbers, numbers to spoof, complaint targets, roamers. */
    default void place(WorldBuilder world) {
    }

    /** Everyone is in place: police notices and the operator's decisions. */
    default void enforce(WorldBuilder world) {
    }

    /** Links shared across numbers, drawn from a stream of their own ({@link WorldBuilder#linkRandom}). */
    default void links(WorldBuilder world) {
    }

    /**
     * The world's realism items ({@link Realism}), after every other step: each actor draws from a stream of its own
     * ({@link WorldBuilder#randomOf}) and takes members only from the ordinary subscribers left, so that the other
     * steps' draws stay as they were.
     */
    default void realism(WorldBuilder world) {
    }

    /**
     * Writes this actor's traffic of one day. Called after every subscriber's own day
     * ({@link SubscriberActor#emitFor}), for every actor in registry order.
     */
    default void emitDay(DayContext day) throws IOException {
    }

    /** This actor's rows of {@code truth.csv}; asked after the last day, as traffic may decide some. */
    List<TruthRow> truth(World world);
}
