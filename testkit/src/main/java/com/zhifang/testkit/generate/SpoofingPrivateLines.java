package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud pattern SPOOFED_CLI on a private line: a customer presenting its own block now and then, but mostly other
 * people's numbers (some of them {@link SpoofedNumbers}), unallocated numbers of our own range, or no number at all.
 */
final class SpoofingPrivateLines implements Actor {

    /** Traffic stream, keyed by the line's position among all private lines (shared with the call centres). */
    private static final int STREAM = 7;

    final List<Trunk> lines = new ArrayList<>();

    @Override
    public void network(WorldBuilder world) {
        SplittableRandom r = world.random();
        int n = world.world().n;
        int count = world.scaledSqrt(60, 1);
        for (int i = 0; i < count; i++) {
            long areaLocal = Numbers.fixedLine(r);
            String prefix = "0" + Long.toString(areaLocal).substring(0, Long.toString(areaLocal).length() - 4);
            Trunk t = new Trunk(world.nextPrivateLineId(), Trunk.Type.PRIVATE_LINE,
                    "深圳市讯达通" + (i + 1) + "号信息技术有限公司", new String[] {prefix});
            t.spoofing = true;
            t.dailyCalls = Math.max(15, Math.min(2000, n * 0.008));
            lines.add(world.addTrunk(t));
        }
    }

    @Override
    public void emitDay(DayContext day) throws IOException {
        for (Trunk t : lines) {
            emitLine(t, day, day.random(STREAM, day.world().privateLines().indexOf(t)));
        }
    }

    private static void emitLine(Trunk trunk, DayContext day, SplittableRandom r) throws IOException {
        World w = day.world();
        int calls = DayContext.poisson(r, trunk.dailyCalls);
        for (int i = 0; i < calls; i++) {
            Sub b = day.stranger(r);
            if (b == null) {
                continue;
            }
            int x = r.nextInt(100);
            String cli;
            int clir = 0;
            long shown = -1;
            if (x < 30) {
                cli = Numbers.completeFixed(trunk.authorizedCli[0], r);
            } else if (x < 65) {
                int y = r.nextInt(100);
                shown = y < 30 ? trunk.victimNumbers[r.nextInt(trunk.victimNumbers.length)]
                        : y < 75 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
                cli = Numbers.signalled(shown, r);
            } else if (x < 85) {
                cli = "";
                clir = 1;
            } else {
                long nsn;
                do {
                    nsn = w.ownBlocks[r.nextInt(w.ownBlocks.length)] * 10_000L + r.nextInt(10_000);
                } while (w.isOurNumber(nsn));
                shown = nsn; // unallocated number of our own range
                cli = Long.toString(nsn);
            }
            if (b.msisdn == shown) {
                continue;
            }
            day.normal(r, 0.45, 90, 1.0);
            int t = Hours.time(r, Hours.BUSINESS);
            day.gwIn(r, t, trunk, cli, b, clir);
            if (day.answered() && !cli.isEmpty() && r.nextInt(100) < 5) {
                day.complain(r, t + day.duration() + 300, cli, "FRAUD", b.idx);
            }
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return lines.stream().map(t -> TruthRow.fraud("TRUNK", t.id, "SPOOFED_CLI", false)).toList();
    }
}
