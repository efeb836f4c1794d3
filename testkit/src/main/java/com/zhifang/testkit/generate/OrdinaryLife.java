package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The legitimate background every detector must see through: an ordinary subscriber's day (calls and texts to its
 * contacts, other networks, strangers and service numbers; calls and texts from its contacts on other networks) and
 * where it is during the day. Roles whose members otherwise live like anybody reuse it.
 */
final class OrdinaryLife {

    /** Share of reseller (MVNO) numbers among legitimate subscribers. */
    static final double MVNO_SHARE = 0.04;

    private OrdinaryLife() {
    }

    /** One ordinary day of {@code a}, its volume scaled by {@code scale} (heavy users live a part of one). */
    static void live(Sub a, DayContext day, SplittableRandom r, double scale) throws IOException {
        int d = day.index();
        if (!a.activeOn(d)) {
            return;
        }
        World w = day.world();
        double wf = day.weekend() ? 0.85 : 1.0;
        int out = DayContext.poisson(r, a.activity * scale * wf);
        int cc = w.contactCount(a.idx);
        int ec = w.extCount(a.idx);
        for (int i = 0; i < out; i++) {
            int t = Hours.time(r, Hours.ORDINARY);
            int clir = r.nextInt(100) == 0 ? 1 : 0;
            double u = r.nextDouble();
            if (u < 0.6 && cc > 0) {
                Sub b = day.sub(w.contact(a.idx, r.nextInt(cc)));
                if (!b.reachableOn(d)) {
                    continue;
                }
                day.normal(r, 0.78, 70, 1.1);
                day.onNet(r, t, a, b, clir);
            } else if (u < 0.87 && ec > 0) {
                day.normal(r, 0.72, 60, 1.1);
                day.moOut(r, t, a, Numbers.signalled(w.ext(a.idx, r.nextInt(ec)), r), clir);
            } else if (u < 0.95) {
                Sub b = day.stranger(r);
                if (b != null && r.nextBoolean()) {
                    day.normal(r, 0.55, 45, 1.0);
                    day.onNet(r, t, a, b, clir);
                } else {
                    day.normal(r, 0.55, 45, 1.0);
                    day.moOut(r, t, a, Numbers.signalled(Numbers.otherNetworkMobile(r), r), clir);
                }
            } else {
                String service = r.nextInt(3) == 0 ? "10086"
                        : w.privateLines().get(r.nextInt(w.privateLines().size())).serviceNumber;
                if (service == null) {
                    service = "95588";
                }
                day.normal(r, 0.96, 150, 0.8);
                day.moOut(r, t, a, service, 0);
            }
        }
        int in = DayContext.poisson(r, a.activity * scale * 0.35 * wf);
        for (int i = 0; i < in && ec > 0; i++) {
            long ext = w.ext(a.idx, r.nextInt(ec));
            day.normal(r, 0.75, 60, 1.1);
            day.gwIn(r, Hours.time(r, Hours.ORDINARY), day.interconnectFor(ext, r), Numbers.signalled(ext, r), a, 0);
        }
        int texts = DayContext.poisson(r, a.smsRate * scale);
        for (int i = 0; i < texts; i++) {
            int t = Hours.time(r, Hours.ORDINARY);
            String content = r.nextInt(100) < 6 ? Texts.casual(r) : "";
            if (cc > 0 && r.nextInt(100) < 65) {
                Sub b = day.sub(w.contact(a.idx, r.nextInt(cc)));
                if (b.reachableOn(d)) {
                    int segments = content.isEmpty() ? 1 + (r.nextInt(8) == 0 ? 1 : 0) : Texts.segments(content);
                    day.smsOnNet(r, t, a, b, content, segments);
                }
            } else if (ec > 0) {
                day.smsMo(r, t, a, Numbers.signalled(w.ext(a.idx, r.nextInt(ec)), r), content, 1);
            }
        }
        int inTexts = DayContext.poisson(r, a.smsRate * scale * 0.35);
        for (int i = 0; i < inTexts && ec > 0; i++) {
            day.smsMtFromOutside(r, Hours.time(r, Hours.ORDINARY), Numbers.signalled(w.ext(a.idx, r.nextInt(ec)), r),
                    a, "", 1);
        }
    }

    /** At home at night, mostly at work on weekday office hours, otherwise at home or one of its usual places. */
    static int cell(Sub a, int t, boolean weekend, SplittableRandom r) {
        int hour = t / 3600;
        if (hour < 7 || hour >= 22) {
            return a.homeCell;
        }
        if (!weekend && hour >= 9 && hour < 18) {
            return r.nextInt(100) < 80 ? a.workCell : a.otherCells[r.nextInt(a.otherCells.length)];
        }
        int x = r.nextInt(100);
        return x < 50 ? a.homeCell : a.otherCells[r.nextInt(a.otherCells.length)];
    }
}
