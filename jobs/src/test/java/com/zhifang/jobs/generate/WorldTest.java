package com.zhifang.jobs.generate;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
}
