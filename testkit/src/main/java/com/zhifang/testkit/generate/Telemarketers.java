package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of bulk calling: one company's telemarketers call 140 to 290 strangers each working day from
 * one office, mostly unanswered, drawing a few complaints. Some of them ({@link Realism#rotatingTelemarketerShare()})
 * rotate three company SIMs in one handset, hour by hour, 100 to 199 calls a SIM, so that each SIM stays under a
 * per-SIM limit: three numbers on one IMEI at one cell, not a SIM box.
 */
final class Telemarketers extends HeavyUsers {

    /** 1.5 % of the answered complain, mostly of harassment; 2 % call back within two hours. */
    private static final ColdCalls CALLS = new ColdCalls(1000, 15, "HARASSMENT", "ADVERT", 2, 7200, 0.6, 40);

    /** Set-up stream key of the rotations ({@link WorldBuilder#randomOf}). */
    private static final long ROTATION_KEY = 0x7E1E0L;
    /** Office hours, split into the three SIMs' turns: SIM k is in the handset in the hours h with h % 3 == k. */
    private static final double[][] TURNS = new double[3][];

    static {
        for (int k = 0; k < 3; k++) {
            TURNS[k] = Hours.OFFICE.clone();
            for (int h = 0; h < 24; h++) {
                if (h % 3 != k) {
                    TURNS[k][h] = 0;
                }
            }
        }
    }

    /** Rotating telemarketers: each handset's IMEI and its three SIMs (subscriber indexes). */
    record Rotation(String imei, int[] sims) {
    }

    final List<Rotation> rotations = new ArrayList<>();
    /** A rotating SIM's turn (0-2) by subscriber index. */
    private final Map<Integer, Integer> turnOf = new HashMap<>();

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

    /**
     * The first telemarketers (a share, at least one) get two more company lines, taken from ordinary subscribers
     * (preferably ones with few contacts) and made the company's: all three 60-900 days old, in one handset.
     */
    @Override
    public void realism(WorldBuilder world) {
        double share = world.realism().rotatingTelemarketerShare();
        if (share <= 0) {
            return;
        }
        World w = world.world();
        SplittableRandom r = world.randomOf(ROTATION_KEY);
        List<Sub> members = w.members(this);
        int count = Math.min(members.size(), Math.max(1, (int) Math.round(members.size() * share)));
        for (int i = 0; i < count; i++) {
            Sub first = members.get(i);
            int[] sims = new int[3];
            sims[0] = first.idx;
            for (int k = 1; k < 3; k++) {
                Sub s = world.ordinaryFrom(r, c -> w.contactCount(c.idx) <= 4);
                if (s == null) {
                    s = world.ordinaryFrom(r, c -> true);
                }
                if (s == null) {
                    return;
                }
                s.role = this;
                sims[k] = s.idx;
            }
            String imei = first.imei;
            for (int k = 0; k < 3; k++) {
                Sub s = w.subs[sims[k]];
                s.imei = imei;
                s.imei2 = null;
                s.deviceSwitchDay = Integer.MAX_VALUE;
                s.activationDay = -60 - r.nextInt(841);
                s.enterprise = true;
                s.prepaid = false;
                s.realNameVerified = true;
                s.status = "ACTIVE";
                s.personId = Numbers.mix(w.salt, 0xC0DE0000L + 5 * 100_000L + 50_000L + i * 3L + k);
                s.stayIn(first.workCell);
                turnOf.put(s.idx, k);
            }
            rotations.add(new Rotation(imei, sims));
            world.expectDailyVoiceRows(2 * 2 * 150);
        }
    }

    @Override
    void work(Sub a, DayContext day, SplittableRandom r) throws IOException {
        Integer turn = turnOf.get(a.idx);
        int base = turn == null ? 140 + r.nextInt(150) : 100 + r.nextInt(100);
        int calls = (int) (base * (day.weekend() ? 0.25 : 1.0));
        for (int i = 0; i < calls; i++) {
            int t = Hours.time(r, turn == null ? Hours.OFFICE : TURNS[turn]);
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

    /** Every number, and the handsets of the rotating ones. */
    @Override
    public List<TruthRow> truth(World world) {
        List<TruthRow> rows = new ArrayList<>(legitimateNumbers(world, "TELEMARKETER"));
        for (Rotation rotation : rotations) {
            rows.add(TruthRow.legitimate("DEVICE", rotation.imei(), "TELEMARKETER"));
        }
        return rows;
    }
}
