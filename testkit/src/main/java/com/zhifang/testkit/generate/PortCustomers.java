package com.zhifang.testkit.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SMS port customers of one kind: each registers its ports at the network step and texts through them every day
 * (PORT records). The kinds differ in whom they text, what, when, and how often the content is captured.
 */
abstract class PortCustomers implements Actor {

    /** Traffic stream, keyed by the port's position among all ports (shared by every kind). */
    private static final int STREAM = 10;

    private final String label;
    private final boolean fraud;
    private final double[] hours;
    private final int capturePercent;
    final List<Port> ports = new ArrayList<>();

    /**
     * @param label          the truth label: the pattern of a fraud kind, the kind of a legitimate one
     * @param hours          hour-of-day weights of its messages
     * @param capturePercent percent of messages whose content the capture system keeps
     */
    PortCustomers(String label, boolean fraud, double[] hours, int capturePercent) {
        this.label = label;
        this.fraud = fraud;
        this.hours = hours;
        this.capturePercent = capturePercent;
    }

    /** Registers a port of this kind; a legitimate one ({@code allowCategory} not null) is allowlisted. */
    void addPort(WorldBuilder world, Port port, String allowCategory) {
        ports.add(port);
        world.addPort(port);
        if (allowCategory != null) {
            world.allow(port.codes[0], port.owner, allowCategory, "2027-12-31");
        }
    }

    /** The recipient of one message (null: none), drawn first; by default one of the port's own customers. */
    Sub recipient(Port port, DayContext day, SplittableRandom r) {
        return day.sub(port.customers[r.nextInt(port.customers.length)]);
    }

    abstract String text(Port port, SplittableRandom r);

    /** After each message: what it causes (complaints). */
    void afterMessage(DayContext day, SplittableRandom r, int t, String code, Sub recipient) {
    }

    @Override
    public void emitDay(DayContext day) throws IOException {
        for (Port p : ports) {
            emitPort(p, day, day.random(STREAM, day.world().ports.indexOf(p)));
        }
    }

    private void emitPort(Port p, DayContext day, SplittableRandom r) throws IOException {
        int messages = DayContext.poisson(r, p.dailyMessages);
        for (int i = 0; i < messages; i++) {
            Sub b = recipient(p, day, r);
            if (b == null) {
                continue;
            }
            String text = text(p, r);
            int t = Hours.time(r, hours);
            String code = p.codes[r.nextInt(p.codes.length)];
            day.portSms(r, t, code, p.customerId, b, text, capturePercent);
            afterMessage(day, r, t, code, b);
        }
    }

    @Override
    public List<TruthRow> truth(World world) {
        return ports.stream().map(p -> fraud ? TruthRow.fraud("PORT_CUSTOMER", p.customerId, label, false)
                : TruthRow.legitimate("PORT_CUSTOMER", p.customerId, label)).toList();
    }
}
