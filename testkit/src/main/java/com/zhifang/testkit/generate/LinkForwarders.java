package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Legitimate look-alike of split spam campaigns: a link many people forward (a group-buying bargain, a vote). 20 to
 * 40 long-standing ordinary subscribers each send it to 6 to 15 of their own contacts, on one evening or two days
 * running, within two or three days: links shared across numbers, without new SIMs or complaints.
 */
final class LinkForwarders extends OrdinaryMembers {

    /** Traffic stream, keyed by link. */
    private static final int STREAM = 11;

    static final class ForwardedLink {
        String link;
        int[] forwarders;
        /** Per forwarder: the first day it forwards; it forwards again the next day when second[i]. */
        int[] firstDay;
        boolean[] second;
    }

    final List<ForwardedLink> links = new ArrayList<>();

    @Override
    public void links(WorldBuilder world) {
        World w = world.world();
        SplittableRandom lr = world.linkRandom();
        for (int f = 0; f < world.onePer(10_000); f++) {
            ForwardedLink link = new ForwardedLink();
            link.link = Texts.link(lr);
            int forwarders = Math.min(20 + lr.nextInt(21), Math.max(5, w.n / 50));
            List<Integer> candidates = new ArrayList<>();
            for (Sub s : w.subs) {
                if (s.ordinary() && s.activationDay < -365 && w.contactCount(s.idx) >= 8) {
                    candidates.add(s.idx);
                }
            }
            link.forwarders = new int[Math.min(forwarders, candidates.size())];
            link.firstDay = new int[link.forwarders.length];
            link.second = new boolean[link.forwarders.length];
            int start = lr.nextInt(Math.max(1, w.days - 1));
            for (int i = 0; i < link.forwarders.length; i++) {
                int pick = lr.nextInt(candidates.size());
                link.forwarders[i] = candidates.remove(pick);
                w.subs[link.forwarders[i]].role = this;
                link.firstDay[i] = Math.min(w.days - 1, start + lr.nextInt(3)); // spreads over two or three days
                link.second[i] = lr.nextInt(100) < 30;
            }
            links.add(link);
        }
    }

    @Override
    public void emitDay(DayContext day) throws IOException {
        day.forEach(links, STREAM, (link, r) -> emitLink(link, day, r));
    }

    /** Each forwarder due today sends the link to 6-15 of its own contacts in one evening sitting. */
    private static void emitLink(ForwardedLink link, DayContext day, SplittableRandom r) throws IOException {
        int d = day.index();
        World w = day.world();
        for (int i = 0; i < link.forwarders.length; i++) {
            Sub a = day.sub(link.forwarders[i]);
            boolean due = d == link.firstDay[i] || (link.second[i] && d == link.firstDay[i] + 1);
            int cc = w.contactCount(a.idx);
            if (!due || !a.reachableOn(d) || cc == 0) {
                continue;
            }
            int t = (18 + r.nextInt(4)) * 3600 + r.nextInt(3600);
            int recipients = 6 + r.nextInt(10);
            for (int k = 0; k < recipients && t < 86_400; k++) {
                Sub b = day.sub(w.contact(a.idx, r.nextInt(cc)));
                String text = Texts.forwarded(link.link, r);
                if (b.reachableOn(d)) {
                    day.smsOnNet(r, t, a, b, Texts.capturedLinkText(text, r), Texts.segments(text));
                }
                t += 10 + r.nextInt(90);
            }
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return legitimateNumbers(world, "LINK_FORWARDER");
    }
}
