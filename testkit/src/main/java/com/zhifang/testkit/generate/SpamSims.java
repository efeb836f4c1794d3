package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fraud pattern SPAM_SMS from our own SIMs: rooms of 3 to 5 new SIMs (every second one on a shared phone), each
 * texting 90 to 189 strangers a day with one campaign's obfuscated template and links; and split campaigns, 8 to 12
 * new SIMs in a room with a cheap phone each, each sending only 3 to 8 messages a day, under the per-number volume
 * the older spam rules need.
 */
final class SpamSims extends SubscriberActor {

    /** Traffic stream, keyed by group. */
    private static final int STREAM = 3;

    static final class Group {
        int[] sims;
        int template;
        int cell;
        /** The campaign's landing links: each message carries one of them. */
        String[] links;
        /** Messages per SIM and day: dailyBase + a draw below dailySpread. */
        int dailyBase = 90;
        int dailySpread = 100;
    }

    final List<Group> groups = new ArrayList<>();

    SpamSims() {
        super(true);
    }

    /** One group of 3 to 5 SIMs per 2,500 subscribers, each with a template of its own. */
    @Override
    public void claim(WorldBuilder world) {
        for (int g = 0; g < world.onePer(2500); g++) {
            Group group = new Group();
            group.sims = world.claim(this, 3 + world.random().nextInt(3));
            group.template = g;
            groups.add(group);
        }
    }

    /**
     * A room per group, every second SIM on one shared phone. At the place step, not the equip step: the shared
     * stream has the rooms drawn after the rings' equipment.
     */
    @Override
    public void place(WorldBuilder world) {
        SplittableRandom r = world.random();
        for (Group g : groups) {
            g.cell = world.world().anyCell(r);
            String shared = Numbers.handsetImei(r);
            for (int i = 0; i < g.sims.length; i++) {
                Sub s = world.world().subs[g.sims[i]];
                if (i % 2 == 1) {
                    s.imei = shared;
                }
                s.stayIn(g.cell);
            }
        }
    }

    /** The groups' campaign links, then the split campaigns (one per 10,000 subscribers). */
    @Override
    public void links(WorldBuilder world) {
        SplittableRandom lr = world.linkRandom();
        for (Group g : groups) {
            g.links = campaignLinks(lr);
        }
        for (int c = 0; c < world.onePer(10_000); c++) {
            groups.add(splitCampaign(world.world(), lr));
        }
    }

    /**
     * A split campaign: new SIMs taken from the ordinary subscribers with the fewest contacts (ties in random order)
     * and made new, prepaid, on bought identities (one per four SIMs).
     */
    private Group splitCampaign(World w, SplittableRandom lr) {
        Group g = new Group();
        g.template = 1 + lr.nextInt(3); // the link-carrying templates
        g.links = campaignLinks(lr);
        g.dailyBase = 3;
        g.dailySpread = 6;
        g.cell = w.anyCell(lr);
        g.sims = fewestContacts(w, lr, 8 + lr.nextInt(5));
        long identity = 0;
        for (int i = 0; i < g.sims.length; i++) {
            Sub s = w.subs[g.sims[i]];
            s.role = this;
            s.activationDay = -1 - lr.nextInt(18);
            s.prepaid = true;
            s.enterprise = false;
            if (i % 4 == 0) {
                identity = Numbers.mix(w.salt, 0xCA4B0000L + s.idx);
            }
            s.personId = identity;
            s.realNameVerified = lr.nextDouble() < 0.85;
            // a wall of cheap phones, one SIM each: nothing for the device (SIM box) detectors to see
            s.imei = Numbers.handsetImei(lr);
            s.imei2 = null;
            s.deviceSwitchDay = Integer.MAX_VALUE;
            s.stayIn(g.cell);
        }
        return g;
    }

    private static String[] campaignLinks(SplittableRandom lr) {
        String[] links = new String[1 + lr.nextInt(2)];
        for (int i = 0; i < links.length; i++) {
            links[i] = Texts.link(lr);
        }
        return links;
    }

    /** {@code count} ordinary subscribers activated before the window, the fewest contacts first. */
    private static int[] fewestContacts(World w, SplittableRandom lr, int count) {
        List<Sub> candidates = new ArrayList<>();
        for (Sub s : w.subs) {
            if (s.ordinary() && s.activationDay <= 0) {
                candidates.add(s);
            }
        }
        long[] tieBreak = new long[w.n];
        for (Sub s : candidates) {
            tieBreak[s.idx] = lr.nextLong();
        }
        candidates.sort(Comparator.comparingInt((Sub s) -> w.contactCount(s.idx)).thenComparingLong(s -> tieBreak[s.idx]));
        return candidates.stream().limit(count).mapToInt(s -> s.idx).toArray();
    }

    /** The SIMs send group by group. */
    @Override
    public void emitDay(DayContext day) throws IOException {
        day.forEach(groups, STREAM, (group, r) -> emitGroup(group, day, r));
    }

    private static void emitGroup(Group g, DayContext day, SplittableRandom r) throws IOException {
        int excess = 0;
        for (int simIdx : g.sims) {
            Sub a = day.sub(simIdx);
            if (!a.reachableOn(day.index())) {
                continue;
            }
            int target = g.dailyBase + r.nextInt(g.dailySpread) + excess; // split across SIMs to stay under a per-number cap
            // just under the per-SIM daily SMS cap (Realism#simDailySmsCap); the excess goes to the next SIM
            int ceiling = day.smsCeiling(a.idx);
            excess = Math.max(0, target - ceiling);
            target = Math.min(target, ceiling);
            int bursts = 2 + r.nextInt(3);
            for (int bIdx = 0; bIdx < bursts; bIdx++) {
                int t = (9 + r.nextInt(12)) * 3600 + r.nextInt(3600);
                for (int i = 0; i < target / bursts && t < 86_400; i++) {
                    String text = Texts.spam(g.template, r, g.links);
                    String captured = Texts.capturedLinkText(text, r);
                    int segs = Texts.segments(text);
                    Sub b = r.nextInt(100) < 55 ? day.stranger(r) : null;
                    if (b != null) {
                        day.smsOnNet(r, t, a, b, captured, segs);
                        if (r.nextInt(1000) < 6) {
                            day.complain(r, t + 60 + r.nextInt(7200), Numbers.signalled(a.msisdn, r), "SPAM_SMS",
                                    b.idx);
                        }
                    } else {
                        day.smsMo(r, t, a, Numbers.signalled(Numbers.otherNetworkMobile(r), r), captured, segs);
                    }
                    t += 4 + r.nextInt(25);
                }
            }
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return fraudNumbers(world, "SPAM_SMS");
    }
}
