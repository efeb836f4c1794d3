package com.zhifang.testkit.generate;

import java.util.SplittableRandom;

/** Legitimate look-alike of spam: banks' one-time-password ports, texting their own customers at any hour. */
final class OtpPorts extends PortCustomers {

    private static final String[] SHORT_NAMES = {"工商银行", "建设银行", "农业银行", "中国银行", "交通银行", "招商银行", "平安",
        "中国人寿"};

    OtpPorts() {
        super("OTP_PORT", false, Hours.ORDINARY, 50);
    }

    /** One port per bank (in turn) per 900 subscribers or so, each texting a third of the population. */
    @Override
    public void network(WorldBuilder world) {
        int n = world.world().n;
        int count = world.scaledSqrt(30, 1);
        for (int i = 0; i < count; i++) {
            String[] bank = CallCentres.BANKS[i % CallCentres.BANKS.length];
            Port p = new Port(world.nextPortCustomerId(), bank[1],
                    new String[] {"10690" + bank[0] + "001", "10690" + bank[0] + "002"}, Math.max(30, n * 0.15 / count),
                    SHORT_NAMES[i % CallCentres.BANKS.length]);
            p.customers = world.sampleSubs(Math.max(20, n / 3));
            addPort(world, p, "BANK");
        }
    }

    @Override
    String text(Port port, SplittableRandom r) {
        return Texts.otp(port.brand, r);
    }
}
