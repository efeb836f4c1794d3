package com.zhifang.testkit.generate;

import java.util.List;

/**
 * The registry: every actor of the synthetic world. Adding an actor is writing its class and listing it here.
 *
 * <p>The order is part of the output. Each day, after every subscriber's own day, the actors write their traffic in
 * this order, which numbers the records; and at each build step they draw from the world's one random stream in this
 * order ({@link WorldBuilder}). Add a new actor at the end and let it draw from streams of its own
 * ({@link WorldBuilder#randomOf} at set-up, a new {@link DayContext#random} stream number for its traffic): the
 * others' draws then stay as they were, and the output changes only where the new actor acts or others meet its
 * members.
 */
final class Actors {

    private Actors() {
    }

    /** A new instance of every actor (actors keep their members and day-to-day state: one set per world). */
    static List<Actor> all() {
        return List.of(
                // roles whose members' days come in subscriber order
                new Couriers(),
                new RideHailDrivers(),
                new Shops(),
                new Telemarketers(),
                new BulkCallers(),
                new NumberScanners(),
                // roles whose members act in groups, group by group
                new SimBoxes(),
                new SpamSims(),
                new FraudRings(),
                new DormantLines(),
                new LinkForwarders(),
                // callers from outside and the network's own lines
                new Wangiri(),
                new CallCentres(),
                new SpoofingPrivateLines(),
                new SpoofingCarriers(),
                new ForeignCallers(),
                new OtpPorts(),
                new ParcelPorts(),
                new SpamPorts(),
                // ordinary subscribers with a twist, and the parties acting on the world
                new SpoofedNumbers(),
                new ComplaintTargets(),
                new Roamers(),
                new Enforcement(),
                // the realism items (Realism), set up after everything else from streams of their own
                new InterconnectCallers(),
                new DualSimPhones(),
                new NotificationPorts());
    }
}
