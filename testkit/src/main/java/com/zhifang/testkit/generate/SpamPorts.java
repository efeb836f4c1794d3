package com.zhifang.testkit.generate;

import java.util.SplittableRandom;

/**
 * Fraud pattern SPAM_SMS through SMS ports: marketing firms texting strangers loans, gambling and phishing links
 * during business hours; a few recipients complain.
 */
final class SpamPorts extends PortCustomers {

    SpamPorts() {
        super("SPAM_SMS", true, Hours.BUSINESS, 60);
    }

    @Override
    public void network(WorldBuilder world) {
        int n = world.world().n;
        for (int i = 0; i < world.onePer(5000); i++) {
            Port p = new Port(world.nextPortCustomerId(), "杭州云信" + (i + 1) + "号营销策划有限公司",
                    new String[] {"1069" + Numbers.pad(Numbers.digits(world.random(), 9), 9)},
                    Math.max(40, Math.min(3000, n * 0.05)), "spam");
            addPort(world, p, null);
        }
    }

    @Override
    Sub recipient(Port port, DayContext day, SplittableRandom r) {
        return day.stranger(r);
    }

    @Override
    String text(Port port, SplittableRandom r) {
        return Texts.spam(1 + r.nextInt(3), r);
    }

    @Override
    void afterMessage(DayContext day, SplittableRandom r, int t, String code, Sub recipient) {
        if (r.nextInt(1000) < 5) {
            day.complain(r, t + 60 + r.nextInt(7200), code, "SPAM_SMS", recipient.idx);
        }
    }
}
