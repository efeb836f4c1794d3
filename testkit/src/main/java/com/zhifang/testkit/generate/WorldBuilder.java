package com.zhifang.testkit.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Builds the {@link World}: draws what every subscriber has (number, SIM, cells, handset, activation, identity,
 * contacts) and lets each registered actor set itself up, step by step ({@link Actor}).
 *
 * <p>Everything but the links is drawn from one random stream, in a fixed order: the order of the steps, within a
 * step the order of the registry. That order is part of the output (the same seed gives the same files), so it
 * must not change for the actors already there; an actor added later should draw from a stream of its own
 * ({@link #randomOf}), so that the others' draws stay as they were.
 */
final class WorldBuilder {

    private final World world;
    private final long seed;
    private final SplittableRandom random;
    private final SplittableRandom linkRandom;
    private final List<int[]> groupsInContact = new ArrayList<>();
    private int[] shuffled;
    private int claimed;
    private int nextPrivateLine = 1001;
    /** Port customer ids go up by 7 from a start drawn when the first port is registered. */
    private int lastPortCustomer = -1;

    WorldBuilder(int n, int days, long seed, List<Actor> actors, Realism realism) {
        this.seed = seed;
        this.random = randomOf(1);
        this.linkRandom = randomOf(0x11AC);
        int districts = Math.max(6, n / 150);
        String[] cells = new String[districts * World.CELLS_PER_DISTRICT];
        for (int d = 0; d < districts; d++) {
            int enb = 100_000 + d * 37 + random.nextInt(30);
            for (int c = 0; c < World.CELLS_PER_DISTRICT; c++) {
                // eNodeB id - sector; an eNodeB serves 3 sectors
                cells[d * World.CELLS_PER_DISTRICT + c] = "460-00-" + (enb * 10 + c / 3) + "-" + (1 + c % 3);
            }
        }
        this.world = new World(n, days, seed, cells, actors, realism);
        world.expectedVoiceRowsPerDay = n * 12.5;
        world.expectedSmsRowsPerDay = n * 3.6;
        String[][] carriers = {{"ITG-SHA-HK01", "China Mobile International (Hong Kong)"},
            {"ITG-SHA-SG02", "Singtel Global Wholesale"}, {"ITG-BJS-LON03", "BT Global Services"},
            {"ITG-CAN-FRA04", "Deutsche Telekom Global Carrier"}};
        for (String[] c : carriers) {
            world.carriers.add(addTrunk(new Trunk(c[0], Trunk.Type.INTERNATIONAL, c[1], null)));
        }
        world.interconnect.add(addTrunk(new Trunk("ICX-CU-BJ01", Trunk.Type.INTERCONNECT, "China Unicom", null)));
        world.interconnect.add(addTrunk(new Trunk("ICX-CU-SH02", Trunk.Type.INTERCONNECT, "China Unicom", null)));
        world.interconnect.add(addTrunk(new Trunk("ICX-CT-BJ01", Trunk.Type.INTERCONNECT, "China Telecom", null)));
        world.interconnect.add(addTrunk(new Trunk("ICX-CT-GZ02", Trunk.Type.INTERCONNECT, "China Telecom", null)));
    }

    /** Runs every step for every actor (see {@link Actor}), and what every subscriber has in between. */
    World build() {
        int n = world.n;
        shuffled = permutation(n);
        world.actors.forEach(a -> a.claim(this));
        if (claimed > n * 0.25) {
            throw new IllegalStateException("population too small for the configured roles");
        }
        profileSubscribers();
        world.actors.forEach(a -> a.profiled(this));
        world.contacts = SocialGraph.build(world.subs, random, groupsInContact);
        world.actors.forEach(a -> a.network(this));
        world.actors.forEach(a -> a.equip(this));
        world.actors.forEach(a -> a.place(this));
        world.actors.forEach(a -> a.enforce(this));
        world.actors.forEach(a -> a.links(this));
        world.actors.forEach(a -> a.realism(this));
        allow("12345", "国家税务总局纳税服务热线", "PUBLIC_SERVICE", "2028-12-31");
        allow("12315", "全国12315消费者投诉举报平台", "PUBLIC_SERVICE", "2028-12-31");
        world.roamingSnapshot = roamingSnapshotDays();
        return world;
    }

    World world() {
        return world;
    }

    Realism realism() {
        return world.realism;
    }

    /** The stream every build step draws from, in order. */
    SplittableRandom random() {
        return random;
    }

    /** The stream of the links step, shared by the actors that share links, in registry order. */
    SplittableRandom linkRandom() {
        return linkRandom;
    }

    /** A stream of an actor's own, independent of every other draw ({@code key} unique to the actor). */
    SplittableRandom randomOf(long key) {
        return new SplittableRandom(Numbers.mix(seed, key));
    }

    /** One instance per {@code subscribers} subscribers, rounded, at least one. */
    int onePer(int subscribers) {
        return Math.max(1, (int) Math.round(world.n / (double) subscribers));
    }

    /** {@code rate} per subscriber, rounded, at least {@code min}. */
    int scaled(double rate, int min) {
        return Math.max(min, (int) Math.round(world.n * rate));
    }

    /** The square root of the population over {@code divisor}, rounded, at least {@code min}. */
    int scaledSqrt(double divisor, int min) {
        return Math.max(min, (int) Math.round(Math.sqrt(world.n) / divisor));
    }

    /** Claim step: makes the next {@code count} subscribers of the shuffled population members of {@code role}. */
    int[] claim(SubscriberActor role, int count) {
        int[] members = new int[count];
        for (int i = 0; i < count; i++) {
            Sub s = world.subs[shuffled[claimed++]];
            s.role = role;
            s.claimIndex = i;
            members[i] = s.idx;
        }
        return members;
    }

    /** Claim and profiled steps: every member of {@code group} gets every other as a contact. */
    void keepInContact(int[] group) {
        groupsInContact.add(group);
    }

    /** {@code count} random subscriber indexes (repeats possible), sorted. */
    int[] sampleSubs(int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = random.nextInt(world.n);
        }
        Arrays.sort(out);
        return out;
    }

    /** A random subscriber passing {@code eligible}, drawn until one does (10,000 draws at the most). */
    Sub randomSubscriber(Predicate<Sub> eligible) {
        Sub s = world.randomSubscriber(random, 10_000, eligible);
        if (s == null) {
            throw new IllegalStateException("no eligible subscriber in 10,000 draws: population too small");
        }
        return s;
    }

    /**
     * Realism step: a random ordinary subscriber in service, active before the window and passing {@code eligible},
     * drawn from {@code r} (an actor's own stream) until one does (10,000 draws at the most), or null.
     */
    Sub ordinaryFrom(SplittableRandom r, Predicate<Sub> eligible) {
        return world.randomSubscriber(r, 10_000,
                s -> s.ordinary() && s.inService() && s.activationDay <= 0 && s.portedInDay == Integer.MAX_VALUE
                        && eligible.test(s));
    }

    String nextPrivateLineId() {
        return "PL-" + (nextPrivateLine++);
    }

    String nextPortCustomerId() {
        if (lastPortCustomer < 0) {
            lastPortCustomer = 20_310_000 + random.nextInt(10_000);
        }
        lastPortCustomer += 7;
        return "EC" + lastPortCustomer;
    }

    /** Registers a trunk; its calls (a GW and an MT row each) count towards the expected voice rows. */
    Trunk addTrunk(Trunk trunk) {
        world.addTrunk(trunk);
        expectDailyVoiceRows(2 * trunk.dailyCalls);
        return trunk;
    }

    /** Registers an SMS port customer; its messages count towards the expected sms rows. */
    void addPort(Port port) {
        world.ports.add(port);
        world.expectedSmsRowsPerDay += port.dailyMessages;
    }

    void expectDailyVoiceRows(double rows) {
        world.expectedVoiceRowsPerDay += rows;
    }

    /**
     * Lists a number in allowlist.csv once: in large worlds several OTP port customers of one bank share its port
     * code, and a repeated row would be a duplicate the manifest does not announce (ingest counts it).
     */
    void allow(String number, String owner, String category, String validUntil) {
        if (world.allowlist.stream().noneMatch(a -> a.number().equals(number))) {
            world.allowlist.add(new World.AllowEntry(number, owner, category, validUntil));
        }
    }

    private int[] permutation(int size) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * What every subscriber has, its role adjusting it: a number in one of our blocks or a reseller's, SIM, home,
     * work and other cells, handset, activation, plan and identity. Fraud SIMs are new, prepaid and share bought
     * identities; the legitimate population has old and new lines, families sharing an identity, a few second
     * handsets and company lines.
     */
    private void profileSubscribers() {
        SplittableRandom r = random;
        int n = world.n;
        Set<Long> taken = new HashSet<>();
        long[] ownBlocks = numberBlocks(Math.max(8, n / 400), Numbers.OWN_MOBILE_PREFIXES, 10_000, taken);
        world.ownBlocks = ownBlocks;
        long[] mvnoBlocks = numberBlocks(Math.max(3, n / 4000), Numbers.MVNO_PREFIXES_4, 1_000, taken);
        String[] resellers = {"MVNO-01", "MVNO-02", "MVNO-03", "MVNO-04"};
        // bought identities for fraud SIMs: up to 5 SIMs per identity ("one ID, five numbers")
        long fraudIdentity = -1;
        int fraudIdentityLeft = 0;
        long person = 0;
        int newActivation = world.newActivationDay();
        int districts = world.districts();
        int perDistrict = World.CELLS_PER_DISTRICT;
        for (Sub s : world.subs) {
            boolean fraud = s.fraud();
            if (r.nextDouble() < (s.ordinary() ? OrdinaryLife.MVNO_SHARE : s.role.mvnoShare())) {
                s.msisdn = newNumber(mvnoBlocks[r.nextInt(mvnoBlocks.length)]);
                s.reseller = resellers[r.nextInt(resellers.length)];
            } else {
                s.msisdn = newNumber(ownBlocks[r.nextInt(ownBlocks.length)]);
            }
            s.imsi = Numbers.imsi(r);
            int district = r.nextInt(districts);
            s.homeCell = district * perDistrict + r.nextInt(perDistrict);
            int workDistrict = r.nextDouble() < 0.6 ? r.nextInt(districts) : district;
            s.workCell = workDistrict * perDistrict + r.nextInt(perDistrict);
            s.otherCells = new int[2 + r.nextInt(3)];
            for (int i = 0; i < s.otherCells.length; i++) {
                int d = r.nextDouble() < 0.5 ? district : r.nextInt(districts);
                s.otherCells[i] = d * perDistrict + r.nextInt(perDistrict);
            }
            s.imei = Numbers.handsetImei(r);
            if (fraud) {
                s.prepaid = true;
                s.activationDay = -1 - r.nextInt(25);
                if (newActivation > 0 && s.role.rotatesSims() && r.nextDouble() < 0.35) {
                    s.activationDay = newActivation;
                }
                if (fraudIdentityLeft == 0) {
                    fraudIdentity = Numbers.mix(world.salt, 0xF00D0000L + s.idx);
                    fraudIdentityLeft = 3 + r.nextInt(3);
                }
                s.personId = fraudIdentity;
                fraudIdentityLeft--;
                s.realNameVerified = r.nextDouble() < 0.85;
                s.activity = 1;
            } else {
                if (person == 0 || r.nextDouble() > 0.08) {
                    person = Numbers.mix(world.salt, 0xBEEF0000L + s.idx);
                }
                s.personId = person;
                s.activationDay = -30 - r.nextInt(3650);
                s.prepaid = r.nextDouble() < 0.45;
                s.realNameVerified = s.activationDay > -2500 || r.nextDouble() < 0.8;
                s.activity = Math.min(25, Math.exp(Math.log(2.6) + 0.75 * r.nextGaussian()));
                s.smsRate = Math.min(12, Math.exp(Math.log(1.0) + 0.9 * r.nextGaussian()));
                if (r.nextDouble() < 0.006) {
                    // a brand-new, innocent SIM
                    s.activationDay = newActivation > 0 && r.nextDouble() < 0.4 ? newActivation : -r.nextInt(8);
                    s.prepaid = true;
                    s.activity *= 0.6;
                }
                if (r.nextDouble() < 0.05) {
                    s.imei2 = Numbers.handsetImei(r);
                    s.deviceSwitchDay = r.nextInt(Math.max(1, world.days));
                }
            }
            if (!s.ordinary()) {
                s.role.profile(s, this);
            }
            if (!fraud && !s.enterprise) {
                s.enterprise = r.nextDouble() < 0.02;
            }
        }
    }

    /** {@code count} distinct 7-digit blocks: a prefix and {@code suffixes} possible digits after it. */
    private long[] numberBlocks(int count, int[] prefixes, int suffixes, Set<Long> taken) {
        long[] blocks = new long[count];
        for (int b = 0; b < count; b++) {
            long block;
            do {
                block = (long) prefixes[random.nextInt(prefixes.length)] * suffixes + random.nextInt(suffixes);
            } while (!taken.add(block));
            blocks[b] = block;
        }
        return blocks;
    }

    private long newNumber(long block7) {
        long number;
        do {
            number = block7 * 10_000L + random.nextInt(10_000);
        } while (!world.numbers.add(number));
        return number;
    }

    private boolean[] roamingSnapshotDays() {
        boolean[] snapshot = new boolean[world.days];
        String previous = null;
        for (int d = 0; d < world.days; d++) {
            StringBuilder key = new StringBuilder();
            for (Sub s : world.subs) {
                if (s.abroadOn(d)) {
                    key.append(s.idx).append(',');
                }
            }
            String k = key.toString();
            snapshot[d] = d == 0 || !k.equals(previous);
            previous = k;
        }
        return snapshot;
    }
}
