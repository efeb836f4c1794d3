package com.zhifang.testkit.generate;

import java.util.List;

/**
 * Lines closed or suspended all along: listed in subscribers.csv with their status, out of service (so without
 * contacts or traffic), and labelled nothing.
 */
final class DormantLines extends SubscriberActor {

    DormantLines() {
        super(false, 0.01, 1);
    }

    @Override
    void profile(Sub s, WorldBuilder world) {
        s.status = world.random().nextDouble() < 0.7 ? "CLOSED" : "SUSPENDED";
    }

    @Override
    public List<TruthRow> truth(World world) {
        return List.of();
    }
}
