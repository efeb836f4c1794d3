package com.zhifang.testkit.generate;

import java.util.SplittableRandom;

/** Legitimate look-alike of spam: parcel-locker and courier ports, texting pick-up codes to their own customers. */
final class ParcelPorts extends PortCustomers {

    private static final String[] BRANDS = {"丰巢", "菜鸟驿站", "顺丰速运", "京东物流"};

    ParcelPorts() {
        super("PARCEL_PORT", false, Hours.COURIER, 50);
    }

    @Override
    public void network(WorldBuilder world) {
        int n = world.world().n;
        int count = world.scaledSqrt(40, 1);
        for (int i = 0; i < count; i++) {
            String brand = BRANDS[i % BRANDS.length];
            Port p = new Port(world.nextPortCustomerId(), brand + "科技有限公司",
                    new String[] {"106902" + Numbers.pad(Numbers.digits(world.random(), 7), 7)},
                    Math.max(25, n * 0.1 / count), brand);
            p.customers = world.sampleSubs(Math.max(20, n / 4));
            addPort(world, p, "COURIER");
        }
    }

    @Override
    String text(Port port, SplittableRandom r) {
        return Texts.parcel(port.brand, r);
    }
}
