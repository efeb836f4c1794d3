package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fraud pattern WANGIRI: foreign premium numbers ringing hundreds of our subscribers once, in 2 to 4 waves a day
 * through our international carriers, almost never answered; a few victims call back (the same or the next day),
 * and a premium line keeps them talking.
 */
final class Wangiri implements Actor {

    /** Traffic streams: the waves, keyed by number; the call-backs. */
    private static final int STREAM = 5;
    private static final int CALLBACK_STREAM = 6;

    /**
     * A premium number and, when the per-SIM daily cap is on and its volume would exceed it, sibling numbers of the
     * same range that take the excess ({@link Realism#simDailyCallCap()}).
     */
    record PremiumNumber(String e164, double dailyCallees, List<String> siblings) {
        /** The number itself, then its siblings. */
        List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(e164);
            lines.addAll(siblings);
            return lines;
        }
    }

    /** Set-up stream key of the sibling numbers ({@link WorldBuilder#randomOf}). */
    private static final long SIBLINGS_KEY = 0x3A9617L;

    /** A victim calling back at a second of the day. */
    private record Callback(int second, int victim, String number) {
    }

    final List<PremiumNumber> numbers = new ArrayList<>();
    /**
     * The lines that rang someone inside the generated days: a sibling sized for a busy day the operator never had
     * placed no call, and the truth labels only what the actor did.
     */
    private final Set<String> linesUsed = new HashSet<>();
    /** Call-backs of today's waves made after midnight: tomorrow's, once today is written. */
    private List<Callback> callbacksTomorrow = new ArrayList<>();

    @Override
    public void place(WorldBuilder world) {
        SplittableRandom r = world.random();
        int n = world.world().n;
        int count = world.scaledSqrt(10, 3);
        for (int i = 0; i < count; i++) {
            String[] template = Numbers.WANGIRI_TEMPLATES[r.nextInt(Numbers.WANGIRI_TEMPLATES.length)];
            double callees = Math.max(25, Math.min(2500, n * 0.1));
            numbers.add(new PremiumNumber(Numbers.foreignNumber(template, r), callees, new ArrayList<>()));
            world.expectDailyVoiceRows(2 * callees);
        }
    }

    /**
     * Wangiri operators keep each number under the per-SIM daily cap: a number whose volume (with its day-to-day
     * swing) would exceed it gets sibling numbers of its range (the last three digits differ) to share the calls.
     */
    @Override
    public void realism(WorldBuilder world) {
        int cap = world.realism().simDailyCallCap();
        if (cap <= 0) {
            return;
        }
        SplittableRandom r = world.randomOf(SIBLINGS_KEY);
        int lowestCeiling = cap - Math.max(1, cap / 50);
        for (PremiumNumber number : numbers) {
            int lines = (int) Math.ceil(number.dailyCallees() * 1.15 / lowestCeiling);
            String stem = number.e164().substring(0, number.e164().length() - 3);
            while (number.siblings().size() < lines - 1) {
                String sibling = stem + Numbers.pad(r.nextInt(1000), 3);
                if (!sibling.equals(number.e164()) && !number.siblings().contains(sibling)) {
                    number.siblings().add(sibling);
                }
            }
        }
    }

    @Override
    public void emitDay(DayContext day) throws IOException {
        List<Callback> callbacksToday = callbacksTomorrow;
        callbacksTomorrow = new ArrayList<>();
        day.forEach(numbers, STREAM, (number, r) -> emitWaves(number, day, r));
        SplittableRandom r = day.random(CALLBACK_STREAM, 0);
        for (Callback cb : callbacksToday) {
            callBack(day, cb.victim(), cb.number(), cb.second(), r);
        }
    }

    private void emitWaves(PremiumNumber number, DayContext day, SplittableRandom r) throws IOException {
        List<Trunk> carriers = day.world().carriers;
        int callees = DayContext.poisson(r, number.dailyCallees());
        int waves = 2 + r.nextInt(3);
        int done = 0;
        List<String> lines = number.lines();
        int line = 0;
        int lineCalls = 0;
        int lineCeiling = day.callCeiling(lines.get(0).hashCode());
        for (int wave = 0; wave < waves; wave++) {
            Trunk trunk = carriers.get(r.nextInt(carriers.size()));
            int t = Hours.time(r, Hours.WAVES);
            int count = wave == waves - 1 ? callees - done : callees / waves;
            for (int i = 0; i < count && t < 86_400; i++) {
                done++;
                Sub b = day.stranger(r);
                if (b == null) {
                    continue;
                }
                if (lineCalls >= lineCeiling) {
                    if (line + 1 >= lines.size()) {
                        break; // every number of the range at its ceiling: the operator stops for the day
                    }
                    line++;
                    lineCalls = 0;
                    lineCeiling = day.callCeiling(lines.get(line).hashCode());
                }
                lineCalls++;
                String e164 = lines.get(line);
                if (r.nextInt(1000) < 5) {
                    day.outcome(true, 1 + r.nextInt(3), 1 + r.nextInt(3), 16);
                } else {
                    int ring = r.nextInt(100) < 3 ? -1 : 1 + r.nextInt(3);
                    int x = r.nextInt(100);
                    day.outcome(false, 0, ring, x < 65 ? 16 : x < 85 ? 31 : 19);
                }
                day.gwIn(r, t, trunk, Numbers.signalledForeign(e164, r), b, 0);
                linesUsed.add(e164);
                if (r.nextInt(100) < 5) {
                    int tb = t + 120 + r.nextInt(20 * 3600);
                    if (tb < 86_400) {
                        callBack(day, b.idx, e164, tb, r);
                    } else if (!day.lastDay()) {
                        callbacksTomorrow.add(new Callback(tb - 86_400, b.idx, e164));
                    }
                }
                t += 1 + r.nextInt(6);
            }
        }
    }

    private static void callBack(DayContext day, int victim, String e164, int t, SplittableRandom r)
            throws IOException {
        Sub b = day.sub(victim);
        if (!b.reachableOn(day.index())) {
            return;
        }
        if (r.nextInt(100) < 75) {
            day.answer(r, 240, 0.8); // a premium line keeps the caller talking
        } else {
            day.unanswered(r, r.nextBoolean() ? 19 : 17);
        }
        day.moOut(r, t, b, Numbers.signalledForeign(e164, r), 0);
        if (day.answered() && r.nextInt(100) < 15) {
            day.complain(r, t + day.duration() + 900, Numbers.signalledForeign(e164, r), "FRAUD", b.idx);
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return numbers.stream().flatMap(wg -> wg.lines().stream()).filter(linesUsed::contains)
                .map(e164 -> TruthRow.fraud("NUMBER", e164, "WANGIRI", false)).toList();
    }
}
