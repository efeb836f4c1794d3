package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    record PremiumNumber(String e164, double dailyCallees) {
    }

    /** A victim calling back at a second of the day. */
    private record Callback(int second, int victim, String number) {
    }

    final List<PremiumNumber> numbers = new ArrayList<>();
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
            numbers.add(new PremiumNumber(Numbers.foreignNumber(template, r), callees));
            world.expectDailyVoiceRows(2 * callees);
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
                if (r.nextInt(1000) < 5) {
                    day.outcome(true, 1 + r.nextInt(3), 1 + r.nextInt(3), 16);
                } else {
                    int ring = r.nextInt(100) < 3 ? -1 : 1 + r.nextInt(3);
                    int x = r.nextInt(100);
                    day.outcome(false, 0, ring, x < 65 ? 16 : x < 85 ? 31 : 19);
                }
                day.gwIn(r, t, trunk, Numbers.signalledForeign(number.e164(), r), b, 0);
                if (r.nextInt(100) < 5) {
                    int tb = t + 120 + r.nextInt(20 * 3600);
                    if (tb < 86_400) {
                        callBack(day, b.idx, number.e164(), tb, r);
                    } else if (!day.lastDay()) {
                        callbacksTomorrow.add(new Callback(tb - 86_400, b.idx, number.e164()));
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
        return numbers.stream().map(wg -> TruthRow.fraud("NUMBER", wg.e164(), "WANGIRI", false)).toList();
    }
}
