package com.zhifang.testkit.generate;

import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The police and the operator's enforcement team, acting on the finished world: police notices (police/*.csv) for one
 * or two members of every fraud ring and the first long-standing bulk caller; operations' suspensions of the notified
 * lines (suspensions/*.csv; most the same day, some late, some never, see {@link #suspendNotified}); and the team's
 * decisions on a few cases (feedback/*.csv): confirmed fraud, a false positive, a number restored on appeal. No
 * members, traffic or truth rows of its own.
 */
final class Enforcement implements Actor {

    /**
     * Share of notices operations act on in the night after the day they arrive; of the rest, half a day or two later,
     * half not at all.
     */
    static final int SUSPENDED_SAME_DAY_PERCENT = 70;
    static final int SUSPENDED_LATE_PERCENT = 15;

    @Override
    public void enforce(WorldBuilder world) {
        notifyPolice(world);
        decideCases(world.world());
        suspendNotified(world);
    }

    /**
     * Operations' handling of each police notice ({@code suspensions/}): most lines suspended in the night after the
     * notice arrives (just after midnight, the first minutes of the next day), some a day or two later (the line carries
     * traffic meanwhile), some not within the window (the line stays live, as the suspension worklist must show). A
     * suspended line carries no traffic from its suspension on. Drawn from a stream of its own, so the notices and all
     * other draws stay as they were.
     */
    private static void suspendNotified(WorldBuilder world) {
        World w = world.world();
        SplittableRandom r = world.randomOf(0x5059E7DL);
        for (World.PoliceNotice notice : w.police) {
            Sub s = subscriberOf(w, notice.msisdn());
            int x = r.nextInt(100);
            if (s == null || x >= SUSPENDED_SAME_DAY_PERCENT + SUSPENDED_LATE_PERCENT) {
                continue;   // not handled inside the window
            }
            // the last day the line carries traffic; operations' overnight batch suspends it just after midnight
            int lastDay = notice.day() + (x < SUSPENDED_SAME_DAY_PERCENT ? 0 : 1 + r.nextInt(2));
            int second = r.nextInt(600);
            s.lastActiveDay = Math.min(s.lastActiveDay, lastDay);
            if (lastDay + 1 < w.days) {
                w.suspensions.add(new World.SuspensionRecord(lastDay + 1, second, notice.msisdn(), "SUSPENDED",
                        "police notice " + notice.caseRef(), operator(r)));
            }
        }
    }

    private static Sub subscriberOf(World w, long msisdn) {
        for (Sub s : w.subs) {
            if (s.msisdn == msisdn) {
                return s;
            }
        }
        return null;
    }

    private static String operator(SplittableRandom r) {
        return "OPS-" + Numbers.pad(1 + r.nextInt(40), 3);
    }

    private static void notifyPolice(WorldBuilder world) {
        World w = world.world();
        SplittableRandom r = world.random();
        int last = w.days - 1;
        int caseSeq = 1 + r.nextInt(500);
        for (FraudRings.Ring ring : w.actor(FraudRings.class).rings) {
            int notified = 1 + (ring.members.length > 4 ? r.nextInt(2) : 0);
            for (int i = 0; i < notified; i++) {
                Sub s = w.subs[ring.members[i]];
                int day = Math.min(last, 1 + r.nextInt(Math.max(1, w.days - 1)));
                s.policeDay = day;
                w.police.add(new World.PoliceNotice(day, s.msisdn, caseRef(day, caseSeq++)));
            }
        }
        for (Sub s : w.members(w.actor(BulkCallers.class))) {
            if (s.activationDay <= 0) {
                int day = Math.min(last, 2);
                s.policeDay = day;
                w.police.add(new World.PoliceNotice(day, s.msisdn, caseRef(day, caseSeq++)));
                break;
            }
        }
        w.police.sort(Comparator.comparingInt(World.PoliceNotice::day));
    }

    /**
     * Once per started week of the window, when a spoofing trunk presented a number of ours, a police notice names
     * that innocent number ({@link Realism#policeNamesSpoofVictim()}): police work from victims' statements, which
     * name the number shown. The line is not suspended in the simulation (its owner keeps living an ordinary life);
     * the truth keeps it legitimate, police-notified.
     */
    @Override
    public void realism(WorldBuilder world) {
        if (!world.realism().policeNamesSpoofVictim()) {
            return;
        }
        World w = world.world();
        // our numbers the spoofing trunks present are the members of SpoofedNumbers (others' are not ours)
        List<Long> shown = w.members(w.actor(SpoofedNumbers.class)).stream().map(s -> s.msisdn).toList();
        if (shown.isEmpty()) {
            return;
        }
        SplittableRandom r = world.randomOf(0x9011CEL);
        int caseSeq = 5000 + r.nextInt(500);
        SplittableRandom ops = world.randomOf(0x5059E7EL);
        for (int week = 0; week * 7 < w.days; week++) {
            int from = week * 7;
            int span = Math.min(7, w.days - from);
            int day = from + (span > 1 ? 1 + r.nextInt(span - 1) : 0);
            long nsn = shown.get(r.nextInt(shown.size()));
            w.policeNamedVictims.add(nsn);
            String caseRef = caseRef(day, caseSeq++);
            w.police.add(new World.PoliceNotice(day, nsn, caseRef));
            // operations check the records, find the calls came in on a trunk presenting the number, and decline
            int decidedOn = day + 1;
            if (decidedOn < w.days) {
                w.suspensions.add(new World.SuspensionRecord(decidedOn, 9 * 3600 + ops.nextInt(8 * 3600), nsn,
                        "NOT_SUSPENDED", "number impersonated on incoming trunk calls (spoofed CLI), subscriber not involved; "
                        + caseRef, operator(ops)));
            }
        }
        w.police.sort(Comparator.comparingInt(World.PoliceNotice::day));
    }

    private static String caseRef(int day, int seq) {
        return "GA-" + (2026 + day / 365) + "-" + Numbers.pad(31_0000 + (seq * 37L) % 10_000, 6) + "-"
                + Numbers.pad(seq, 4);
    }

    private static void decideCases(World w) {
        if (w.days < 2) {
            return;
        }
        int d1 = 1;
        int d2 = Math.min(w.days - 1, 2);
        Sub ringMember = w.subs[w.actor(FraudRings.class).rings.get(0).members[0]];
        Sub bulk = w.members(w.actor(BulkCallers.class)).get(0);
        Sub courier = w.members(w.actor(Couriers.class)).get(0);
        decide(w, d1, "NUMBER", Numbers.e164(ringMember.msisdn), "CONFIRMED_FRAUD",
                "police case confirmed, line suspended");
        decide(w, d1, "NUMBER", Numbers.e164(bulk.msisdn), "CONFIRMED_FRAUD",
                "victim statements match call records; SIM on bought identity");
        decide(w, d1, "NUMBER", Numbers.e164(courier.msisdn), "FALSE_POSITIVE",
                "courier, delivery records verified by \"station manager\", no action");
        Trunk spoofer = w.actor(SpoofingCarriers.class).trunks.get(0);
        decide(w, d2, "TRUNK", spoofer.id, "CONFIRMED_FRAUD",
                "partner presented +86 numbers of non-roaming subscribers; route barred");
        List<Sub> victims = w.members(w.actor(SpoofedNumbers.class));
        if (!victims.isEmpty()) {
            decide(w, d2, "NUMBER", Numbers.e164(victims.get(0).msisdn), "RESTORED_ON_APPEAL",
                    "number was impersonated (spoofed CLI); owner innocent, restriction lifted");
        }
        List<SimBoxes.Site> sites = w.actor(SimBoxes.class).sites;
        if (!sites.isEmpty()) {
            decide(w, d2, "DEVICE", sites.get(0).imeis[0], "CONFIRMED_FRAUD", "SIM box seized at site");
        }
    }

    private static void decide(World w, int day, String entityType, String entityId, String outcome, String note) {
        w.feedback.add(new World.Feedback(day, entityType, entityId, outcome, note));
    }

    @Override
    public List<TruthRow> truth(World world) {
        return List.of();
    }
}
