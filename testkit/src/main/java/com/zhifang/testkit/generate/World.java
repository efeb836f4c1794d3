package com.zhifang.testkit.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The simulated population as the traffic and the reference files see it: our subscribers and their contacts, the
 * cells, trunks and SMS ports, the police notices, feedback and allowlist, and the registered actors (each holding its
 * own members). Built by {@link WorldBuilder}; read-only afterwards, except {@link Sub#calledFromAbroad}.
 */
final class World {

    /** Cells per district: cells d*CELLS_PER_DISTRICT .. +CELLS_PER_DISTRICT-1. */
    static final int CELLS_PER_DISTRICT = 16;

    record PoliceNotice(int day, long msisdn, String caseRef) {
    }

    /** An operations team's action on a line ({@code suspensions/}): day index and second of day it was taken. */
    record SuspensionRecord(int day, int second, long msisdn, String action, String reason, String operator) {
    }

    record Feedback(int day, String entityType, String entityId, String outcome, String note) {
    }

    record AllowEntry(String number, String owner, String category, String validUntil) {
    }

    /** A number of our blocks now served by another operator ({@link Realism#portedOutShare()}). */
    record PortedOut(long nsn, String operator, int portedOnDay) {
    }

    final int n;
    final int days;
    final Realism realism;
    /** Salt of the hashed identities (id_hash, reporter_hash) and of the derived person ids. */
    final long salt;
    final Sub[] subs;
    final String[] cells;
    final List<Actor> actors;
    /** Days on which a full subscribers.csv snapshot is delivered (always includes 0). */
    final int[] subscriberSnapshotDays;
    /** Days on which roaming.csv is delivered: the first, and each day the set of subscribers abroad changes. */
    boolean[] roamingSnapshot;
    SocialGraph contacts;
    /** Our own number blocks (7-digit prefixes) in which scanners dial. */
    long[] ownBlocks;
    /** The legitimate international carriers, which roamers, wangiri and callers abroad reach us through. */
    final List<Trunk> carriers = new ArrayList<>();
    /** The other two networks' interconnect trunks: two of China Unicom, then two of China Telecom. */
    final List<Trunk> interconnect = new ArrayList<>();
    private final Map<Trunk.Type, List<Trunk>> trunksByType = new EnumMap<>(Trunk.Type.class);
    /** Every SMS port customer, in registration order. */
    final List<Port> ports = new ArrayList<>();
    final List<PoliceNotice> police = new ArrayList<>();
    final List<Feedback> feedback = new ArrayList<>();
    /** What operations did about the police notices inside the window ({@link Enforcement}). */
    final List<SuspensionRecord> suspensions = new ArrayList<>();
    final List<AllowEntry> allowlist = new ArrayList<>();
    /** Expected voice and sms rows a day, to size the number of files a day. */
    double expectedVoiceRowsPerDay;
    double expectedSmsRowsPerDay;
    /** Every number of ours in use (a spoofer's unallocated numbers of our range are not among them). */
    final Set<Long> numbers = new HashSet<>();
    /** Subscriber index by number, built lazily for scanners (which dial blocks). */
    private Map<Long, Integer> numberIndex;

    /** Numbers of our blocks ported out to another operator, in the order drawn. */
    final List<PortedOut> portedOut = new ArrayList<>();
    final Set<Long> portedOutNumbers = new HashSet<>();
    /** Interconnect trunks that carried ported-out callers, office lines or garbled caller numbers (truth). */
    final Set<String> oddInterconnectTrunks = new java.util.TreeSet<>();
    /** Innocent numbers a spoofing trunk presented that a police notice named ({@link Realism#policeNamesSpoofVictim()}). */
    final Set<Long> policeNamedVictims = new HashSet<>();

    World(int n, int days, long seed, String[] cells, List<Actor> actors, Realism realism) {
        this.n = n;
        this.days = days;
        this.realism = realism;
        this.salt = Numbers.mix(seed, 0x5A17L);
        this.cells = cells;
        this.actors = List.copyOf(actors);
        this.subs = new Sub[n];
        for (int i = 0; i < n; i++) {
            subs[i] = new Sub(i);
        }
        for (Trunk.Type type : Trunk.Type.values()) {
            trunksByType.put(type, new ArrayList<>());
        }
        List<Integer> snaps = new ArrayList<>();
        snaps.add(0);
        if (days >= 2 && days <= 3) {
            snaps.add(days - 1);
        }
        for (int d = 3; d < days; d += 7) {
            snaps.add(d);
        }
        subscriberSnapshotDays = snaps.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Builds the world of the registered actors ({@link Actors#all()}), with every realism item on. */
    static World build(int n, int days, long seed) {
        return build(n, days, seed, Realism.defaults());
    }

    static World build(int n, int days, long seed, Realism realism) {
        return new WorldBuilder(n, days, seed, Actors.all(), realism).build();
    }

    int districts() {
        return cells.length / CELLS_PER_DISTRICT;
    }

    /** A cell anywhere in the city. */
    int anyCell(SplittableRandom r) {
        return r.nextInt(cells.length);
    }

    /** Second snapshot day, on which new SIMs are activated during the window, or -1. */
    int newActivationDay() {
        return subscriberSnapshotDays.length > 1 ? subscriberSnapshotDays[1] : -1;
    }

    /** The registered actor of a class. */
    <T extends Actor> T actor(Class<T> type) {
        return actors.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no actor " + type.getSimpleName() + " registered"));
    }

    /** The members of a role, in subscriber order. */
    List<Sub> members(SubscriberActor role) {
        List<Sub> members = new ArrayList<>();
        for (Sub s : subs) {
            if (s.role == role) {
                members.add(s);
            }
        }
        return members;
    }

    /** The first of at most {@code draws} random subscribers to pass {@code eligible}, or null. */
    Sub randomSubscriber(SplittableRandom r, int draws, Predicate<Sub> eligible) {
        for (int k = 0; k < draws; k++) {
            Sub s = subs[r.nextInt(n)];
            if (eligible.test(s)) {
                return s;
            }
        }
        return null;
    }

    void addTrunk(Trunk trunk) {
        trunksByType.get(trunk.type).add(trunk);
    }

    /** Every trunk as trunks.csv lists it: by type, then in registration order. */
    List<Trunk> trunks() {
        List<Trunk> all = new ArrayList<>();
        trunksByType.values().forEach(all::addAll);
        return all;
    }

    /** Every private line, legitimate or not, in registration order. */
    List<Trunk> privateLines() {
        return trunksByType.get(Trunk.Type.PRIVATE_LINE);
    }

    boolean isPortedOut(long nsn) {
        return portedOutNumbers.contains(nsn);
    }

    boolean isOurNumber(long nsn) {
        return numbers.contains(nsn);
    }

    int subByNumber(long nsn) {
        if (numberIndex == null) {
            numberIndex = new HashMap<>(n * 2);
            for (Sub s : subs) {
                numberIndex.put(s.msisdn, s.idx);
            }
        }
        Integer i = numberIndex.get(nsn);
        return i == null ? -1 : i;
    }

    int contactCount(int sub) {
        return contacts.contactCount(sub);
    }

    int contact(int sub, int k) {
        return contacts.contact(sub, k);
    }

    int extCount(int sub) {
        return contacts.extCount(sub);
    }

    long ext(int sub, int k) {
        return contacts.ext(sub, k);
    }
}
