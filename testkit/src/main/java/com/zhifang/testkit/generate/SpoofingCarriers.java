package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud pattern SPOOFED_CLI from abroad: grey-route international partners presenting +86 numbers, mostly those of
 * {@link SpoofedNumbers} who are at home, to strangers during business hours.
 */
final class SpoofingCarriers implements Actor {

    /** Traffic stream, keyed by trunk. */
    private static final int STREAM = 8;

    private static final String[] GREY = {
        "Xtel Global Voice Ltd", "Bluewave Telecom FZE", "Orion Carrier Services", "Meridian Wholesale VoIP"};

    final List<Trunk> trunks = new ArrayList<>();

    @Override
    public void network(WorldBuilder world) {
        int n = world.world().n;
        int count = world.scaledSqrt(40, 2);
        for (int i = 0; i < count; i++) {
            Trunk t = new Trunk(String.format("ITG-%s-%02d", i % 2 == 0 ? "SZX" : "XMN", 10 + i),
                    Trunk.Type.INTERNATIONAL,
                    GREY[i % GREY.length] + (i >= GREY.length ? " " + (i / GREY.length + 1) : ""), null);
            t.spoofing = true;
            t.dailyCalls = Math.max(15, Math.min(3000, n * 0.01));
            trunks.add(world.addTrunk(t));
        }
    }

    @Override
    public void emitDay(DayContext day) throws IOException {
        day.forEach(trunks, STREAM, (trunk, r) -> emitTrunk(trunk, day, r));
    }

    private static void emitTrunk(Trunk trunk, DayContext day, SplittableRandom r) throws IOException {
        int calls = DayContext.poisson(r, trunk.dailyCalls);
        for (int i = 0; i < calls; i++) {
            long shown = r.nextInt(100) < 80 ? trunk.victimNumbers[r.nextInt(trunk.victimNumbers.length)]
                    : r.nextInt(100) < 80 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
            Sub b = day.stranger(r);
            if (b == null || b.msisdn == shown) {
                continue;
            }
            day.normal(r, 0.5, 120, 1.0);
            int t = Hours.time(r, Hours.BUSINESS);
            day.gwIn(r, t, trunk, Numbers.signalledInternational(shown, r), b, 0);
            if (day.answered() && r.nextInt(100) < 6) {
                day.complain(r, t + day.duration() + 300, Numbers.signalled(shown, r), "FRAUD", b.idx);
            }
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return trunks.stream().map(t -> TruthRow.fraud("TRUNK", t.id, "SPOOFED_CLI", false)).toList();
    }
}
