package com.zhifang.testkit.generate;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldTest {
    /**
     * 200,000 subscribers make more OTP port customers than there are banks, so several share a
     * bank's port code; the allowlist still names each number once (a repeat would be a duplicate
     * row the manifest does not announce, found by the 200,000-subscriber ingest benchmark).
     */
    @Test
    void theAllowlistNamesEachNumberOnceEvenWhenPortCustomersShareACode() {
        World world = World.build(200_000, 1, 20261128L);
        List<String> otpCodes = world.actor(OtpPorts.class).ports.stream().map(p -> p.codes[0]).toList();
        assertTrue(new HashSet<>(otpCodes).size() < otpCodes.size(), "some OTP port customers share a code: " + otpCodes);
        Set<String> seen = new HashSet<>();
        for (World.AllowEntry entry : world.allowlist) {
            assertTrue(seen.add(entry.number()), "listed twice: " + entry.number());
        }
    }

    /**
     * Split campaigns are new SIMs in one room sending a few messages a day with the campaign's
     * links; forwarders are long-standing ordinary subscribers with contacts to forward to.
     */
    @Test
    void splitCampaignsAreNewLowVolumeSimsAndForwardersAreOldOrdinaryLines() {
        World world = World.build(20_000, 7, 20261201L);
        SpamSims spam = world.actor(SpamSims.class);
        List<SpamSims.Group> split = spam.groups.stream().filter(g -> g.dailyBase < 10).toList();
        assertEquals(2, split.size(), "one split campaign per 10,000 subscribers");
        for (SpamSims.Group g : spam.groups) {
            assertTrue(g.links.length >= 1 && g.links.length <= 2, "every campaign has its own links");
        }
        for (SpamSims.Group g : split) {
            assertTrue(g.sims.length >= 8 && g.sims.length <= 12, "8-12 SIMs: " + g.sims.length);
            assertTrue(7 * (g.dailyBase + (g.dailySpread - 1) / 2.0) < 50, "on average under the older rules' 50 recipients a week");
            for (int idx : g.sims) {
                Sub s = world.subs[idx];
                assertSame(spam, s.role);
                assertTrue(s.activationDay >= -18 && s.activationDay <= -1, "new SIM: " + s.activationDay);
                assertEquals(g.cell, s.homeCell);
            }
        }
        LinkForwarders forwarding = world.actor(LinkForwarders.class);
        assertEquals(2, forwarding.links.size());
        Set<Integer> forwarders = new HashSet<>();
        for (LinkForwarders.ForwardedLink link : forwarding.links) {
            assertTrue(link.forwarders.length >= 20 && link.forwarders.length <= 40, "forwarders: " + link.forwarders.length);
            for (int idx : link.forwarders) {
                Sub s = world.subs[idx];
                assertSame(forwarding, s.role);
                assertFalse(s.fraud());
                assertTrue(s.activationDay < -365 && world.contactCount(idx) >= 8, "old line with contacts");
                assertTrue(forwarders.add(idx), "forwards one link");
            }
        }
    }

    /**
     * The sample data's seed: its one hand-over of a bulk caller's handset falls after the police
     * suspended the SIM taking it over, so no record shows the handset with two SIMs and the truth
     * must not call it a shared fraud device.
     */
    @Test
    void aHandsetIsSharedOnlyWhenBothSimsUsedItInsideTheWindow() {
        World world = World.build(2000, 7, 20261101L);
        BulkCallers bulk = world.actor(BulkCallers.class);
        assertEquals(1, bulk.handOvers.size());
        Sub taker = world.subs[bulk.handOvers.get(0)[1]];
        assertTrue(taker.lastActiveDay < taker.deviceSwitchDay,
                "suspended on day " + taker.lastActiveDay + ", hand-over on " + taker.deviceSwitchDay);
        assertEquals(List.of(), bulk.sharedDevices(world));
    }

    /**
     * Operations act on most police notices in the night after they arrive, on some a day or two later, on some not
     * inside the window (those lines keep carrying traffic), and decline the spoofing victim's notice with a reason.
     */
    @Test
    void mostNoticesAreSuspendedSomeLateSomeNeverAndTheVictimIsDeclined() {
        World world = World.build(20_000, 7, 20261208L);
        int sameDay = 0;
        int late = 0;
        int never = 0;
        for (World.PoliceNotice notice : world.police) {
            List<World.SuspensionRecord> actions = world.suspensions.stream().filter(a -> a.msisdn() == notice.msisdn()).toList();
            if (world.policeNamedVictims.contains(notice.msisdn())) {
                assertEquals(1, actions.size());
                assertEquals("NOT_SUSPENDED", actions.get(0).action());
                assertFalse(actions.get(0).reason().isBlank());
                continue;
            }
            Sub s = java.util.Arrays.stream(world.subs).filter(x -> x.msisdn == notice.msisdn()).findFirst().orElseThrow();
            if (actions.isEmpty()) {
                if (s.lastActiveDay + 1 >= world.days) {
                    continue;   // suspended in the night after the window
                }
                never++;
                assertEquals(Integer.MAX_VALUE, s.lastActiveDay, "a line nobody suspended stays live");
            } else {
                assertEquals("SUSPENDED", actions.get(0).action());
                assertEquals(actions.get(0).day() - 1, s.lastActiveDay, "suspended overnight: no traffic from then on");
                assertTrue(actions.get(0).second() < 600, "just after midnight");
                if (actions.get(0).day() == notice.day() + 1) {
                    sameDay++;
                } else {
                    late++;
                }
            }
        }
        assertTrue(sameDay > late + never, sameDay + " same day, " + late + " late, " + never + " never");
        assertTrue(late > 0 && never > 0, sameDay + " same day, " + late + " late, " + never + " never");
    }
}
