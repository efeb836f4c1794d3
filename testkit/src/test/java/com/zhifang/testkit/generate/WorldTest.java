package com.zhifang.testkit.generate;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        List<String> otpCodes = world.ports.stream().filter(p -> p.kind == World.PortKind.OTP_PORT).map(p -> p.codes[0]).toList();
        assertTrue(new HashSet<>(otpCodes).size() < otpCodes.size(), "some OTP port customers share a code: " + otpCodes);
        Set<String> seen = new HashSet<>();
        for (World.AllowEntry entry : world.allowlist) {
            assertTrue(seen.add(entry.number), "listed twice: " + entry.number);
        }
    }

    /**
     * Split campaigns are new SIMs in one room sending a few messages a day with the campaign's
     * links; forwarders are long-standing ordinary subscribers with contacts to forward to.
     */
    @Test
    void splitCampaignsAreNewLowVolumeSimsAndForwardersAreOldOrdinaryLines() {
        World world = World.build(20_000, 7, 20261201L);
        List<World.SpamGroup> split = world.spamGroups.stream().filter(g -> g.dailyBase < 10).toList();
        assertEquals(2, split.size(), "one split campaign per 10,000 subscribers");
        for (World.SpamGroup g : world.spamGroups) {
            assertTrue(g.links.length >= 1 && g.links.length <= 2, "every campaign has its own links");
        }
        for (World.SpamGroup g : split) {
            assertTrue(g.sims.length >= 8 && g.sims.length <= 12, "8-12 SIMs: " + g.sims.length);
            assertTrue(7 * (g.dailyBase + (g.dailySpread - 1) / 2.0) < 50, "on average under the older rules' 50 recipients a week");
            for (int idx : g.sims) {
                Sub s = world.subs[idx];
                assertEquals(Role.SPAM_SIM, s.role);
                assertTrue(s.activationDay >= -18 && s.activationDay <= -1, "new SIM: " + s.activationDay);
                assertEquals(g.cell, s.homeCell);
            }
        }
        assertEquals(2, world.forwardedLinks.size());
        Set<Integer> forwarders = new HashSet<>();
        for (World.ForwardedLink link : world.forwardedLinks) {
            assertTrue(link.forwarders.length >= 20 && link.forwarders.length <= 40, "forwarders: " + link.forwarders.length);
            for (int idx : link.forwarders) {
                Sub s = world.subs[idx];
                assertEquals(Role.ORDINARY, s.role);
                assertTrue(s.linkForwarder && s.activationDay < -365 && world.contactCount(idx) >= 8, "old line with contacts");
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
        assertEquals(1, world.bulkCallerHandOvers.size());
        Sub taker = world.subs[world.bulkCallerHandOvers.get(0)[1]];
        assertTrue(taker.policeDay < taker.deviceSwitchDay, "suspended on day " + taker.policeDay + ", hand-over on " + taker.deviceSwitchDay);
        assertEquals(List.of(), world.bulkCallerSharedDevices());
    }
}
