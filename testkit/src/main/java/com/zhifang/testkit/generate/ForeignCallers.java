package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate background from abroad, which wangiri and spoofed calls hide in: people on foreign mobiles calling our
 * subscribers through our international carriers, answered and talked to at length. No members, no truth rows.
 */
final class ForeignCallers implements Actor {

    /** Traffic stream. */
    private static final int STREAM = 9;

    @Override
    public void emitDay(DayContext day) throws IOException {
        SplittableRandom r = day.random(STREAM, 0);
        List<Trunk> carriers = day.world().carriers;
        int calls = DayContext.poisson(r, day.world().n * 0.004);
        for (int i = 0; i < calls; i++) {
            Sub b = day.stranger(r);
            if (b == null) {
                continue;
            }
            String[] template = Numbers.FOREIGN_TEMPLATES[r.nextInt(Numbers.FOREIGN_TEMPLATES.length)];
            day.normal(r, 0.7, 200, 0.9);
            Trunk trunk = carriers.get(r.nextInt(carriers.size()));
            int t = Hours.time(r, Hours.WAVES);
            day.gwIn(r, t, trunk, Numbers.signalledForeign(Numbers.foreignNumber(template, r), r), b, 0);
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return List.of();
    }
}
