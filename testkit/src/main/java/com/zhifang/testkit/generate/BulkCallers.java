package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud pattern BULK_CALLING: rooms of new prepaid SIMs, on MVNO numbers more often than not, each calling 120 to 295
 * strangers a day in bursts (just under a 300-a-day limit), mostly short or unanswered; burnt SIMs are replaced by
 * fresh ones, and now and then a handset passes from one SIM to another. The police suspend the first one activated
 * before the window ({@link Enforcement}).
 */
final class BulkCallers extends SubscriberActor {

    /** 4 % of the answered complain, mostly of fraud; 1 % call back within an hour. */
    private static final ColdCalls CALLS = new ColdCalls(100, 4, "FRAUD", "HARASSMENT", 1, 3600, 0.3, 20);

    /** Handsets passed on, as {@code [owner, taker]} subscriber indexes. */
    final List<int[]> handOvers = new ArrayList<>();

    BulkCallers() {
        super(true, 0.0015, 3);
    }

    @Override
    double mvnoShare() {
        return 0.6;
    }

    @Override
    boolean rotatesSims() {
        return true;
    }

    /**
     * A room each: one cell. Of every three SIMs (in subscriber order) the second takes over the first's handset, and
     * room, from the second snapshot day on.
     */
    @Override
    public void place(WorldBuilder world) {
        List<Sub> members = world.world().members(this);
        for (Sub s : members) {
            s.stayIn(s.homeCell);
        }
        for (int i = 1; i < members.size(); i += 3) {
            Sub a = members.get(i - 1);
            Sub b = members.get(i);
            b.imei2 = a.imei;
            b.deviceSwitchDay = Math.max(1, world.world().newActivationDay());
            handOvers.add(new int[] {a.idx, b.idx});
            b.stayIn(a.homeCell);
        }
    }

    @Override
    void emitFor(Sub a, DayContext day, SplittableRandom r) throws IOException {
        if (!a.reachableOn(day.index())) {
            return;
        }
        // just under the per-SIM daily cap, as real rooms keep (Realism#simDailyCallCap)
        int target = Math.min(day.callCeiling(a.idx), (int) ((120 + r.nextInt(176)) * (day.weekend() ? 0.6 : 1.0)));
        int bursts = 3 + r.nextInt(3);
        int perBurst = target / bursts;
        for (int bIdx = 0; bIdx < bursts; bIdx++) {
            int t = (9 + r.nextInt(10)) * 3600 + r.nextInt(3600);
            for (int i = 0; i < perBurst && t < 86_400; i++) {
                Sub b = r.nextInt(100) < 60 ? day.stranger(r) : null;
                if (r.nextInt(100) < 22) {
                    if (r.nextInt(100) < 70) {
                        day.answer(r, 8, 0.6);
                    } else {
                        day.answer(r, 90, 0.9);
                    }
                } else {
                    int x = r.nextInt(100);
                    day.unanswered(r, x < 45 ? 16 : x < 70 ? 19 : x < 88 ? 21 : 17);
                    if (day.cause() == 16) {
                        day.ring(3 + r.nextInt(10)); // caller gives up after a few seconds of ringing
                    }
                }
                CALLS.call(day, r, t, a, b);
                t += Math.max(day.ring() + day.duration(), 3) + 5 + r.nextInt(30);
            }
        }
    }

    /** The numbers, and the handsets passed on that carried both SIMs' calls inside the window. */
    @Override
    public List<TruthRow> truth(World world) {
        List<TruthRow> rows = new ArrayList<>(fraudNumbers(world, "BULK_CALLING"));
        for (String imei : sharedDevices(world)) {
            rows.add(TruthRow.fraud("DEVICE", imei, "BULK_CALLING", false));
        }
        return rows;
    }

    /**
     * Handsets passed on and used by both SIMs inside the window (the owner in service on some day, the taker on some
     * day from the hand-over on, before any police suspension): fraud devices in their own right.
     */
    List<String> sharedDevices(World world) {
        List<String> devices = new ArrayList<>();
        for (int[] handOver : handOvers) {
            Sub owner = world.subs[handOver[0]];
            Sub taker = world.subs[handOver[1]];
            if (activeOnSomeDay(world, owner, 0) && activeOnSomeDay(world, taker, taker.deviceSwitchDay)) {
                devices.add(owner.imei);
            }
        }
        return devices;
    }

    private static boolean activeOnSomeDay(World world, Sub s, int from) {
        for (int day = Math.max(0, from); day < world.days; day++) {
            if (s.activeOn(day)) {
                return true;
            }
        }
        return false;
    }
}
