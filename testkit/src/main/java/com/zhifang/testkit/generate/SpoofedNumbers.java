package com.zhifang.testkit.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Legitimate look-alike of the spoofers: the innocent numbers spoofing trunks present, 2 to 4 per trunk, ordinary
 * subscribers of ours active before the window and now and then another network's mobile. Ours live ordinary lives;
 * their numbers turn up in calls they never made, and in complaints.
 */
final class SpoofedNumbers extends OrdinaryMembers {

    /** Other networks' numbers presented (national significant numbers). */
    final List<Long> external = new ArrayList<>();

    @Override
    public void place(WorldBuilder world) {
        for (Trunk t : world.world().trunks()) {
            if (!t.spoofing) {
                continue;
            }
            int count = 2 + world.random().nextInt(3);
            t.victimNumbers = new long[count];
            for (int i = 0; i < count; i++) {
                if (i == count - 1 && world.random().nextDouble() < 0.5) {
                    long ext = Numbers.otherNetworkMobile(world.random());
                    t.victimNumbers[i] = ext;
                    external.add(ext);
                    continue;
                }
                Sub s = world.randomSubscriber(c -> c.ordinary() && c.activationDay <= 0);
                s.role = this;
                t.victimNumbers[i] = s.msisdn;
            }
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        // a victim a police notice named stays legitimate, flagged as notified (Realism#policeNamesSpoofVictim)
        List<TruthRow> rows = new ArrayList<>(world.members(this).stream()
                .map(s -> new TruthRow("NUMBER", Numbers.e164(s.msisdn), "LEGITIMATE", "", "SPOOFED_VICTIM",
                        world.policeNamedVictims.contains(s.msisdn)))
                .toList());
        for (long ext : external) {
            rows.add(TruthRow.legitimate("NUMBER", Numbers.e164(ext), "SPOOFED_VICTIM"));
        }
        return rows;
    }
}
