package com.zhifang.testkit.generate;

import java.util.SplittableRandom;

/** Hour-of-day weights of the traffic profiles, and a second of the day drawn from one. */
final class Hours {

    static final double[] ORDINARY = {0.3, 0.15, 0.08, 0.06, 0.08, 0.25, 0.8, 2.2, 3.8, 5, 5.5, 5.2, 4.5,
        4.8, 5, 5, 5, 4.6, 5, 5.5, 5.2, 4, 2.4, 1};
    static final double[] OFFICE = {0, 0, 0, 0, 0, 0, 0, 0.2, 1.5, 5, 5.5, 5, 1.5, 2, 5, 5.2, 5, 4.5, 1.2, 0.3, 0,
        0, 0, 0};
    static final double[] COURIER = {0, 0, 0, 0, 0, 0, 0, 0.5, 3, 5, 5.5, 5, 3.5, 4, 5, 5, 5, 4.5, 3.5, 2.5, 1.2,
        0.4, 0, 0};
    static final double[] RIDE = {0.8, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 4.5, 5, 3.5, 2.5, 2.5, 3, 2.5, 2.5, 3, 3.5,
        5, 5.5, 4, 3.5, 3, 2.5, 1.5};
    static final double[] SHOP = {0, 0, 0, 0, 0, 0, 0, 0.2, 1, 3, 4.5, 5, 5, 4, 4, 4, 4.5, 5, 5.5, 5, 4,
        2.5, 0.5, 0};
    static final double[] BUSINESS = {0, 0, 0, 0, 0, 0, 0, 0.2, 2, 5, 5, 5, 3, 3.5, 5, 5, 5, 4.5, 2.5, 1.2, 0.5,
        0, 0, 0};
    static final double[] WAVES = {1.5, 1, 0.6, 0.5, 0.5, 0.6, 1, 1.5, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2.5, 3, 3.5, 3.5,
        3, 2.5, 2};

    private Hours() {
    }

    /** A second of the day: the hour drawn with {@code weights}, then uniformly within it. */
    static int time(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double x : weights) {
            total += x;
        }
        double u = r.nextDouble() * total;
        int hour = 0;
        for (; hour < 23; hour++) {
            u -= weights[hour];
            if (u < 0) {
                break;
            }
        }
        return hour * 3600 + r.nextInt(3600);
    }
}
