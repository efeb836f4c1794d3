package com.zhifang.testkit.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** The simulated population: our subscribers, their social graph, trunks, SMS ports and abuse instances. */
final class World {

    // ---------------------------------------------------------------- entities other than subscribers

    enum TrunkType { INTERNATIONAL, INTERCONNECT, PRIVATE_LINE }

    static final class Trunk {
        final String id;
        final TrunkType type;
        final String owner;
        /** Private lines: prefixes the owner may present, as signalled (national form). */
        final String[] authorizedCli;
        /** Private lines of legitimate call centres: the service number presented most of the time. */
        String serviceNumber;
        /** LEGITIMATE kind (BANK_CALL_CENTRE, COURIER_PLATFORM) or null. */
        String legitKind;
        boolean spoofing;
        /** Spoofing trunks: innocent numbers presented (national significant numbers). */
        long[] victimNumbers = new long[0];
        /** Spoofing private line: customers' own authorised prefix presented sometimes. */
        double dailyCalls;

        Trunk(String id, TrunkType type, String owner, String[] authorizedCli) {
            this.id = id;
            this.type = type;
            this.owner = owner;
            this.authorizedCli = authorizedCli;
        }

        String authorizedCliField() {
            return authorizedCli == null ? "" : String.join(";", authorizedCli);
        }
    }

    enum PortKind { OTP_PORT, PARCEL_PORT, SPAM }

    static final class Port {
        final String customerId;
        final String owner;
        final String[] codes;
        final PortKind kind;
        final double dailyMessages;
        /** Own customers (subscriber indexes) for legitimate ports. */
        int[] customers;
        String brand;

        Port(String customerId, String owner, String[] codes, PortKind kind, double dailyMessages) {
            this.customerId = customerId;
            this.owner = owner;
            this.codes = codes;
            this.kind = kind;
            this.dailyMessages = dailyMessages;
        }
    }

    static final class Wangiri {
        final String e164;
        final double dailyCallees;
        Wangiri(String e164, double dailyCallees) {
            this.e164 = e164;
            this.dailyCallees = dailyCallees;
        }
    }

    static final class SimboxSite {
        int cell;
        String[] imeis;
        int[] sims;
    }

    static final class Ring {
        int[] members;
        String[] imeis;
        int[] cells;
        int[] victimSubs;
        long[] victimExternal;
    }

    static final class SpamGroup {
        int[] sims;
        int template;
        int cell;
        /** The campaign's landing links: each message carries one of them (set by {@link #buildLinks}). */
        String[] links;
        /** Messages per SIM and day: dailyBase + a draw below dailySpread. */
        int dailyBase = 90;
        int dailySpread = 100;
    }

    /**
     * A legitimate link many people forward (a group-buying bargain, a vote): old SIMs, each sending it
     * to a handful of its own contacts on one or two days. Shares links across numbers like a split
     * spam campaign, without new SIMs or complaints.
     */
    static final class ForwardedLink {
        String link;
        int[] forwarders;
        /** Per forwarder: the first day it forwards; it forwards again the next day when second[i]. */
        int[] firstDay;
        boolean[] second;
    }

    static final class PoliceNotice {
        final int day;
        final long msisdn;
        final String caseRef;
        PoliceNotice(int day, long msisdn, String caseRef) {
            this.day = day;
            this.msisdn = msisdn;
            this.caseRef = caseRef;
        }
    }

    static final class Feedback {
        final int day;
        final String entityType;
        final String entityId;
        final String outcome;
        final String note;
        Feedback(int day, String entityType, String entityId, String outcome, String note) {
            this.day = day;
            this.entityType = entityType;
            this.entityId = entityId;
            this.outcome = outcome;
            this.note = note;
        }
    }

    static final class AllowEntry {
        final String number;
        final String owner;
        final String category;
        final String validUntil;
        AllowEntry(String number, String owner, String category, String validUntil) {
            this.number = number;
            this.owner = owner;
            this.category = category;
            this.validUntil = validUntil;
        }
    }

    // ---------------------------------------------------------------- state

    final int n;
    final int days;
    final long seed;
    final Sub[] subs;
    final String[] cells;
    /** Cells per district: cells d*CELLS_PER_DISTRICT .. +CELLS_PER_DISTRICT-1. */
    static final int CELLS_PER_DISTRICT = 16;

    /** Social graph among our subscribers (CSR). */
    int[] contactStart;
    int[] contacts;
    /** Contacts on other networks (CSR), national significant numbers. */
    int[] extStart;
    long[] extContacts;

    final List<Trunk> international = new ArrayList<>();
    final List<Trunk> interconnect = new ArrayList<>();
    final List<Trunk> privateLines = new ArrayList<>();
    final List<Trunk> spoofInternational = new ArrayList<>();
    final List<Port> ports = new ArrayList<>();
    final List<Wangiri> wangiri = new ArrayList<>();
    final List<SimboxSite> simboxSites = new ArrayList<>();
    final List<Ring> rings = new ArrayList<>();
    final List<SpamGroup> spamGroups = new ArrayList<>();
    final List<ForwardedLink> forwardedLinks = new ArrayList<>();
    final List<PoliceNotice> police = new ArrayList<>();
    final List<Feedback> feedback = new ArrayList<>();
    final List<AllowEntry> allowlist = new ArrayList<>();
    final List<Long> externalSpoofVictims = new ArrayList<>();
    /** Bulk callers whose handset another bulk caller takes over ({@code [owner, taker]} indexes). */
    final List<int[]> bulkCallerHandOvers = new ArrayList<>();
    /** Our own number blocks (7-digit prefixes) in which scanners dial. */
    long[] ownBlocks;
    /** Subscriber indexes by role, in index order. */
    final List<List<Integer>> byRole = new ArrayList<>();
    /** Days on which a full subscribers.csv snapshot is delivered (always includes 0). */
    final int[] subscriberSnapshotDays;
    /** Daily roaming state changes: roaming.csv delivered on these days. */
    boolean[] roamingSnapshot;
    /** Random subscribers to whom ports' customers, victims etc. are drawn. */
    final long salt;

    private final SplittableRandom r;
    private final Set<Long> usedNumbers = new HashSet<>();

    World(int n, int days, long seed) {
        this.n = n;
        this.days = days;
        this.seed = seed;
        this.salt = Numbers.mix(seed, 0x5A17L);
        this.r = new SplittableRandom(Numbers.mix(seed, 1));
        this.subs = new Sub[n];
        for (int i = 0; i < n; i++) {
            subs[i] = new Sub(i);
        }
        int districts = Math.max(6, n / 150);
        this.cells = new String[districts * CELLS_PER_DISTRICT];
        for (int d = 0; d < districts; d++) {
            int enb = 100_000 + d * 37 + r.nextInt(30);
            for (int c = 0; c < CELLS_PER_DISTRICT; c++) {
                // eNodeB id - sector; an eNodeB serves 3 sectors
                cells[d * CELLS_PER_DISTRICT + c] = "460-00-" + (enb * 10 + c / 3) + "-" + (1 + c % 3);
            }
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
        for (int i = 0; i < Role.values().length; i++) {
            byRole.add(new ArrayList<>());
        }
    }

    /** Expected voice rows per day, to size the number of files per day. */
    double expectedVoiceRowsPerDay() {
        double rows = n * 12.5;
        for (Trunk t : privateLines) {
            rows += 2 * t.dailyCalls;
        }
        for (Trunk t : spoofInternational) {
            rows += 2 * t.dailyCalls;
        }
        for (Wangiri wg : wangiri) {
            rows += 2 * wg.dailyCallees;
        }
        return rows;
    }

    /** Expected sms rows per day, to size the number of files per day. */
    double expectedSmsRowsPerDay() {
        double rows = n * 3.6;
        for (Port p : ports) {
            rows += p.dailyMessages;
        }
        return rows;
    }

    int districts() {
        return cells.length / CELLS_PER_DISTRICT;
    }

    static int scaled(int n, double rate, int min) {
        return Math.max(min, (int) Math.round(n * rate));
    }

    static int scaledSqrt(int n, double divisor, int min) {
        return Math.max(min, (int) Math.round(Math.sqrt(n) / divisor));
    }

    /** Second snapshot day, on which new SIMs are activated during the window, or -1. */
    int newActivationDay() {
        return subscriberSnapshotDays.length > 1 ? subscriberSnapshotDays[1] : -1;
    }

    // ---------------------------------------------------------------- build

    static World build(int n, int days, long seed) {
        World w = new World(n, days, seed);
        w.assignRoles();
        w.assignAttributes();
        w.buildSocialGraph();
        w.buildTrunksAndPorts();
        w.buildFraudInstances();
        w.buildRoaming();
        w.buildPoliceAndFeedback();
        w.buildAllowlist();
        w.buildLinks();
        for (Sub s : w.subs) {
            w.byRole.get(s.role.ordinal()).add(s.idx);
        }
        return w;
    }

    /**
     * Handsets a bulk-calling room passed from one of its SIMs to another and that carried both SIMs'
     * calls inside the window (the owner in service on some day, the taker on some day from the
     * hand-over on, before any police suspension): fraud devices in their own right (truth.csv). Read
     * after {@link #build}: it depends on the police days.
     */
    List<String> bulkCallerSharedDevices() {
        List<String> devices = new ArrayList<>();
        for (int[] handOver : bulkCallerHandOvers) {
            Sub owner = subs[handOver[0]];
            Sub taker = subs[handOver[1]];
            if (activeOnSomeDay(owner, 0) && activeOnSomeDay(taker, taker.deviceSwitchDay)) {
                devices.add(owner.imei);
            }
        }
        return devices;
    }

    /** Whether {@code s} is in service on some day from {@code from} to the window's last. */
    private boolean activeOnSomeDay(Sub s, int from) {
        for (int day = Math.max(0, from); day < days; day++) {
            if (s.activeOn(day)) {
                return true;
            }
        }
        return false;
    }

    List<Integer> role(Role role) {
        return byRole.get(role.ordinal());
    }

    private void assignRoles() {
        int[] perm = permutation(n);
        int k = 0;
        k = assign(perm, k, Role.COURIER, scaled(n, 0.004, 2));
        k = assign(perm, k, Role.RIDE_HAIL_DRIVER, scaled(n, 0.003, 2));
        k = assign(perm, k, Role.SHOP, scaled(n, 0.003, 2));
        k = assign(perm, k, Role.TELEMARKETER, scaled(n, 0.002, 2));
        k = assign(perm, k, Role.BULK_CALLER, scaled(n, 0.0015, 3));
        k = assign(perm, k, Role.SCANNER, scaled(n, 0.0005, 3));
        // SIM box sites: 2-4 module IMEIs each, 2-3 SIMs per IMEI
        int sites = Math.max(1, (int) Math.round(n / 2500.0));
        for (int s = 0; s < sites; s++) {
            SimboxSite site = new SimboxSite();
            int imeis = s == 0 ? 3 : 2 + r.nextInt(3);
            int sims = imeis * (2 + r.nextInt(2));
            site.imeis = new String[imeis];
            site.sims = new int[sims];
            for (int i = 0; i < sims; i++) {
                Sub sub = subs[perm[k++]];
                sub.role = Role.SIMBOX_SIM;
                sub.group = s;
                site.sims[i] = sub.idx;
            }
            simboxSites.add(site);
        }
        int groups = Math.max(1, (int) Math.round(n / 2500.0));
        for (int g = 0; g < groups; g++) {
            SpamGroup group = new SpamGroup();
            group.sims = new int[3 + r.nextInt(3)];
            group.template = g;
            for (int i = 0; i < group.sims.length; i++) {
                Sub sub = subs[perm[k++]];
                sub.role = Role.SPAM_SIM;
                sub.group = g;
                group.sims[i] = sub.idx;
            }
            spamGroups.add(group);
        }
        int ringCount = Math.max(1, (int) Math.round(n / 2000.0));
        for (int g = 0; g < ringCount; g++) {
            Ring ring = new Ring();
            ring.members = new int[4 + r.nextInt(3)];
            for (int i = 0; i < ring.members.length; i++) {
                Sub sub = subs[perm[k++]];
                sub.role = Role.RING_MEMBER;
                sub.group = g;
                ring.members[i] = sub.idx;
            }
            rings.add(ring);
        }
        k = assign(perm, k, Role.DORMANT, scaled(n, 0.01, 1));
        if (k > n * 0.25) {
            throw new IllegalStateException("population too small for the configured roles");
        }
    }

    private int assign(int[] perm, int k, Role role, int count) {
        for (int i = 0; i < count; i++) {
            Sub s = subs[perm[k++]];
            s.role = role;
            s.group = i;
        }
        return k;
    }

    private int[] permutation(int size) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private void assignAttributes() {
        int ownBlockCount = Math.max(8, n / 400);
        ownBlocks = new long[ownBlockCount];
        Set<Long> blockSet = new HashSet<>();
        for (int b = 0; b < ownBlockCount; b++) {
            long block;
            do {
                int p = Numbers.OWN_MOBILE_PREFIXES[r.nextInt(Numbers.OWN_MOBILE_PREFIXES.length)];
                block = p * 10_000L + r.nextInt(10_000);
            } while (!blockSet.add(block));
            ownBlocks[b] = block;
        }
        int mvnoBlockCount = Math.max(3, n / 4000);
        long[] mvnoBlocks = new long[mvnoBlockCount];
        for (int b = 0; b < mvnoBlockCount; b++) {
            long block;
            do {
                int p = Numbers.MVNO_PREFIXES_4[r.nextInt(Numbers.MVNO_PREFIXES_4.length)];
                block = p * 1_000L + r.nextInt(1_000);
            } while (!blockSet.add(block));
            mvnoBlocks[b] = block;
        }
        String[] resellers = {"MVNO-01", "MVNO-02", "MVNO-03", "MVNO-04"};
        // bought identities for fraud SIMs: up to 5 SIMs per identity ("one ID, five numbers")
        long fraudIdentity = -1;
        int fraudIdentityLeft = 0;
        long person = 0;
        int newActivation = newActivationDay();
        for (Sub s : subs) {
            boolean fraud = s.role.fraud();
            boolean mvno;
            if (fraud) {
                mvno = s.role == Role.BULK_CALLER ? r.nextDouble() < 0.6 : r.nextDouble() < 0.4;
            } else {
                mvno = r.nextDouble() < 0.04;
            }
            if (mvno) {
                s.msisdn = newNumber(mvnoBlocks[r.nextInt(mvnoBlocks.length)]);
                s.reseller = resellers[r.nextInt(resellers.length)];
            } else {
                s.msisdn = newNumber(ownBlocks[r.nextInt(ownBlocks.length)]);
            }
            s.imsi = Numbers.imsi(r);
            int district = r.nextInt(districts());
            s.homeCell = district * CELLS_PER_DISTRICT + r.nextInt(CELLS_PER_DISTRICT);
            int workDistrict = r.nextDouble() < 0.6 ? r.nextInt(districts()) : district;
            s.workCell = workDistrict * CELLS_PER_DISTRICT + r.nextInt(CELLS_PER_DISTRICT);
            s.otherCells = new int[2 + r.nextInt(3)];
            for (int i = 0; i < s.otherCells.length; i++) {
                int d = r.nextDouble() < 0.5 ? district : r.nextInt(districts());
                s.otherCells[i] = d * CELLS_PER_DISTRICT + r.nextInt(CELLS_PER_DISTRICT);
            }
            s.imei = Numbers.imei(Numbers.HANDSET_TACS[r.nextInt(Numbers.HANDSET_TACS.length)], r);
            if (fraud) {
                s.prepaid = true;
                s.activationDay = -1 - r.nextInt(25);
                if (newActivation > 0 && s.role == Role.BULK_CALLER && r.nextDouble() < 0.35) {
                    s.activationDay = newActivation; // rotation: fresh SIMs replacing burnt ones
                }
                if (fraudIdentityLeft == 0) {
                    fraudIdentity = Numbers.mix(salt, 0xF00D0000L + s.idx);
                    fraudIdentityLeft = 3 + r.nextInt(3);
                }
                s.personId = fraudIdentity;
                fraudIdentityLeft--;
                s.realNameVerified = r.nextDouble() < 0.85;
                s.activity = 1;
            } else {
                if (person == 0 || r.nextDouble() > 0.08) {
                    person = Numbers.mix(salt, 0xBEEF0000L + s.idx);
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
                    s.imei2 = Numbers.imei(Numbers.HANDSET_TACS[r.nextInt(Numbers.HANDSET_TACS.length)], r);
                    s.deviceSwitchDay = r.nextInt(Math.max(1, days));
                }
            }
            switch (s.role) {
                case COURIER, RIDE_HAIL_DRIVER -> {
                    s.activationDay = -400 - r.nextInt(2500);
                    s.prepaid = r.nextDouble() < 0.3;
                }
                case SHOP, TELEMARKETER -> {
                    s.activationDay = -300 - r.nextInt(3000);
                    s.enterprise = true;
                    s.prepaid = false;
                    s.personId = Numbers.mix(salt, 0xC0DE0000L + s.role.ordinal() * 100_000L + s.group);
                }
                case DORMANT -> s.status = r.nextDouble() < 0.7 ? "CLOSED" : "SUSPENDED";
                default -> {
                }
            }
            if (!fraud && s.role != Role.SHOP && s.role != Role.TELEMARKETER) {
                s.enterprise = r.nextDouble() < 0.02;
            }
        }
        // telemarketers of one company sit in one office: same cell
        int office = r.nextInt(cells.length);
        for (Sub s : subs) {
            if (s.role == Role.TELEMARKETER) {
                s.homeCell = office;
                s.workCell = office;
            }
        }
    }

    private long newNumber(long block7) {
        long number;
        do {
            number = block7 * 10_000L + r.nextInt(10_000);
        } while (!usedNumbers.add(number));
        return number;
    }

    boolean isOurNumber(long nsn) {
        return usedNumbers.contains(nsn);
    }

    /** Subscriber index by number, built lazily for scanners (which dial blocks). */
    private java.util.Map<Long, Integer> numberIndex;

    int subByNumber(long nsn) {
        if (numberIndex == null) {
            numberIndex = new java.util.HashMap<>(n * 2);
            for (Sub s : subs) {
                numberIndex.put(s.msisdn, s.idx);
            }
        }
        Integer i = numberIndex.get(nsn);
        return i == null ? -1 : i;
    }

    private void buildSocialGraph() {
        // communities (families, colleagues, friends) over the non-fraud population, plus a few long-range ties
        List<Integer> social = new ArrayList<>();
        for (Sub s : subs) {
            if (!s.role.fraud() && s.role != Role.DORMANT) {
                social.add(s.idx);
            }
        }
        int[] order = social.stream().mapToInt(Integer::intValue).toArray();
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        long[] edges = new long[Math.max(16, order.length * 14)];
        int e = 0;
        int pos = 0;
        while (pos < order.length) {
            int size = Math.min(order.length - pos, 6 + r.nextInt(30));
            for (int a = 0; a < size; a++) {
                int deg = Math.min(size - 1, 2 + r.nextInt(5));
                for (int k = 0; k < deg; k++) {
                    int b = r.nextInt(size);
                    if (b == a) {
                        continue;
                    }
                    if (e + 2 > edges.length) {
                        edges = Arrays.copyOf(edges, edges.length * 2);
                    }
                    int x = order[pos + a];
                    int y = order[pos + b];
                    edges[e++] = ((long) x << 32) | y;
                    edges[e++] = ((long) y << 32) | x;
                }
                if (r.nextDouble() < 0.5 && order.length > 1) {
                    int y = order[r.nextInt(order.length)];
                    int x = order[pos + a];
                    if (x != y) {
                        if (e + 2 > edges.length) {
                            edges = Arrays.copyOf(edges, edges.length * 2);
                        }
                        edges[e++] = ((long) x << 32) | y;
                        edges[e++] = ((long) y << 32) | x;
                    }
                }
            }
            pos += size;
        }
        // fraud rings call each other
        for (Ring ring : rings) {
            for (int a : ring.members) {
                for (int b : ring.members) {
                    if (a != b) {
                        if (e + 1 > edges.length) {
                            edges = Arrays.copyOf(edges, edges.length * 2);
                        }
                        edges[e++] = ((long) a << 32) | b;
                    }
                }
            }
        }
        long[] sorted = Arrays.copyOf(edges, e);
        Arrays.sort(sorted);
        contactStart = new int[n + 1];
        int[] list = new int[sorted.length];
        int m = 0;
        long prev = -1;
        for (long edge : sorted) {
            if (edge == prev) {
                continue;
            }
            prev = edge;
            int x = (int) (edge >>> 32);
            list[m++] = (int) edge;
            contactStart[x + 1]++;
        }
        for (int i = 0; i < n; i++) {
            contactStart[i + 1] += contactStart[i];
        }
        contacts = Arrays.copyOf(list, m);
        // other-network contacts
        extStart = new int[n + 1];
        int[] counts = new int[n];
        int total = 0;
        for (Sub s : subs) {
            int c = s.role.fraud() || s.role == Role.DORMANT ? 0 : 1 + r.nextInt(6);
            counts[s.idx] = c;
            total += c;
        }
        extContacts = new long[total];
        int p = 0;
        for (int i = 0; i < n; i++) {
            extStart[i] = p;
            for (int k = 0; k < counts[i]; k++) {
                extContacts[p++] = r.nextDouble() < 0.8 ? Numbers.otherNetworkMobile(r) : Numbers.fixedLine(r);
            }
        }
        extStart[n] = p;
    }

    int contactCount(int sub) {
        return contactStart[sub + 1] - contactStart[sub];
    }

    int contact(int sub, int k) {
        return contacts[contactStart[sub] + k];
    }

    int extCount(int sub) {
        return extStart[sub + 1] - extStart[sub];
    }

    long ext(int sub, int k) {
        return extContacts[extStart[sub] + k];
    }

    private static final String[][] BANKS = {
            {"95588", "中国工商银行股份有限公司", "0108866"}, {"95533", "中国建设银行股份有限公司", "0106759"},
            {"95599", "中国农业银行股份有限公司", "0108510"}, {"95566", "中国银行股份有限公司", "0106659"},
            {"95559", "交通银行股份有限公司", "0215876"}, {"95555", "招商银行股份有限公司", "0755833"},
            {"95511", "中国平安保险(集团)股份有限公司", "0755225"}, {"95519", "中国人寿保险股份有限公司", "0106363"}};
    private static final String[][] COURIERS = {
            {"95338", "顺丰速运有限公司", "0755338"}, {"95311", "中通快递股份有限公司", "0215977"},
            {"95546", "韵达控股股份有限公司", "0213911"}, {"95543", "申通快递有限公司", "0216921"}};

    private void buildTrunksAndPorts() {
        String[][] intl = {{"ITG-SHA-HK01", "China Mobile International (Hong Kong)"},
                {"ITG-SHA-SG02", "Singtel Global Wholesale"}, {"ITG-BJS-LON03", "BT Global Services"},
                {"ITG-CAN-FRA04", "Deutsche Telekom Global Carrier"}};
        for (String[] t : intl) {
            international.add(new Trunk(t[0], TrunkType.INTERNATIONAL, t[1], null));
        }
        interconnect.add(new Trunk("ICX-CU-BJ01", TrunkType.INTERCONNECT, "China Unicom", null));
        interconnect.add(new Trunk("ICX-CU-SH02", TrunkType.INTERCONNECT, "China Unicom", null));
        interconnect.add(new Trunk("ICX-CT-BJ01", TrunkType.INTERCONNECT, "China Telecom", null));
        interconnect.add(new Trunk("ICX-CT-GZ02", TrunkType.INTERCONNECT, "China Telecom", null));
        int banks = Math.min(BANKS.length, scaledSqrt(n, 25, 1));
        int plSeq = 1001;
        for (int b = 0; b < banks; b++) {
            String[] bank = BANKS[b];
            Trunk t = new Trunk("PL-" + (plSeq++), TrunkType.PRIVATE_LINE, bank[1], new String[] {bank[0], bank[2]});
            t.serviceNumber = bank[0];
            t.legitKind = "BANK_CALL_CENTRE";
            t.dailyCalls = Math.max(40, n * 0.06 / banks);
            privateLines.add(t);
        }
        int platforms = Math.min(COURIERS.length, scaledSqrt(n, 40, 1));
        for (int c = 0; c < platforms; c++) {
            String[] courier = COURIERS[c];
            Trunk t = new Trunk("PL-" + (plSeq++), TrunkType.PRIVATE_LINE, courier[1], new String[] {courier[0], courier[2]});
            t.serviceNumber = courier[0];
            t.legitKind = "COURIER_PLATFORM";
            t.dailyCalls = Math.max(30, n * 0.03 / platforms);
            privateLines.add(t);
        }
        // spoofing sources: grey-route international partners and a private-line customer
        String[] grey = {"Xtel Global Voice Ltd", "Bluewave Telecom FZE", "Orion Carrier Services", "Meridian Wholesale VoIP"};
        int spoofIntl = scaledSqrt(n, 40, 2);
        for (int i = 0; i < spoofIntl; i++) {
            Trunk t = new Trunk(String.format("ITG-%s-%02d", i % 2 == 0 ? "SZX" : "XMN", 10 + i), TrunkType.INTERNATIONAL,
                    grey[i % grey.length] + (i >= grey.length ? " " + (i / grey.length + 1) : ""), null);
            t.spoofing = true;
            t.dailyCalls = Math.max(15, Math.min(3000, n * 0.01));
            spoofInternational.add(t);
        }
        int spoofPl = scaledSqrt(n, 60, 1);
        for (int i = 0; i < spoofPl; i++) {
            long areaLocal = Numbers.fixedLine(r);
            String prefix = "0" + Long.toString(areaLocal).substring(0, Long.toString(areaLocal).length() - 4);
            Trunk t = new Trunk("PL-" + (plSeq++), TrunkType.PRIVATE_LINE, "深圳市" + "讯达通" + (i + 1) + "号信息技术有限公司",
                    new String[] {prefix});
            t.spoofing = true;
            t.dailyCalls = Math.max(15, Math.min(2000, n * 0.008));
            privateLines.add(t);
        }
        // legitimate ports: bank OTP, parcel lockers; spam port customers
        int seq = 20_310_000 + r.nextInt(10_000);
        int otp = scaledSqrt(n, 30, 1);
        for (int i = 0; i < otp; i++) {
            String[] bank = BANKS[i % BANKS.length];
            Port p = new Port("EC" + (seq += 7), bank[1], new String[] {"10690" + bank[0] + "001", "10690" + bank[0] + "002"},
                    PortKind.OTP_PORT, Math.max(30, n * 0.15 / otp));
            p.brand = shortBankName(i % BANKS.length);
            p.customers = sampleSubs(Math.max(20, n / 3));
            ports.add(p);
        }
        int parcel = scaledSqrt(n, 40, 1);
        String[] parcelBrands = {"丰巢", "菜鸟驿站", "顺丰速运", "京东物流"};
        for (int i = 0; i < parcel; i++) {
            Port p = new Port("EC" + (seq += 7), parcelBrands[i % parcelBrands.length] + "科技有限公司",
                    new String[] {"106902" + Numbers.pad(Numbers.digits(r, 7), 7)}, PortKind.PARCEL_PORT, Math.max(25, n * 0.1 / parcel));
            p.brand = parcelBrands[i % parcelBrands.length];
            p.customers = sampleSubs(Math.max(20, n / 4));
            ports.add(p);
        }
        int spamPorts = Math.max(1, (int) Math.round(n / 5000.0));
        for (int i = 0; i < spamPorts; i++) {
            Port p = new Port("EC" + (seq += 7), "杭州" + "云信" + (i + 1) + "号营销策划有限公司",
                    new String[] {"1069" + Numbers.pad(Numbers.digits(r, 9), 9)}, PortKind.SPAM, Math.max(40, Math.min(3000, n * 0.05)));
            p.brand = "spam";
            ports.add(p);
        }
    }

    private static String shortBankName(int i) {
        return new String[] {"工商银行", "建设银行", "农业银行", "中国银行", "交通银行", "招商银行", "平安", "中国人寿"}[i];
    }

    int[] sampleSubs(int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = r.nextInt(n);
        }
        Arrays.sort(out);
        return out;
    }

    private void buildFraudInstances() {
        int newActivation = newActivationDay();
        // SIM box: one static cell, modules' IMEIs, SIMs cycled through them
        for (SimboxSite site : simboxSites) {
            site.cell = r.nextInt(cells.length);
            for (int i = 0; i < site.imeis.length; i++) {
                site.imeis[i] = Numbers.imei(Numbers.MODULE_TACS[r.nextInt(Numbers.MODULE_TACS.length)], r);
            }
            for (int i = 0; i < site.sims.length; i++) {
                Sub s = subs[site.sims[i]];
                s.imei = site.imeis[i % site.imeis.length];
                s.homeCell = site.cell;
                s.workCell = site.cell;
                s.otherCells = new int[] {site.cell};
            }
        }
        // rings: shared devices, one or two hide-outs, common victim list
        for (Ring ring : rings) {
            ring.imeis = new String[2 + r.nextInt(2)];
            for (int i = 0; i < ring.imeis.length; i++) {
                ring.imeis[i] = Numbers.imei(Numbers.HANDSET_TACS[r.nextInt(Numbers.HANDSET_TACS.length)], r);
            }
            ring.cells = new int[] {r.nextInt(cells.length), r.nextInt(cells.length)};
            int victims = Math.max(40, Math.min(400, n / 20));
            ring.victimSubs = sampleSubs(victims * 7 / 10);
            ring.victimExternal = new long[victims - ring.victimSubs.length];
            for (int i = 0; i < ring.victimExternal.length; i++) {
                ring.victimExternal[i] = Numbers.otherNetworkMobile(r);
            }
            long identityA = Numbers.mix(salt, 0x21A60000L + rings.indexOf(ring) * 2L);
            long identityB = Numbers.mix(salt, 0x21A60001L + rings.indexOf(ring) * 2L);
            for (int i = 0; i < ring.members.length; i++) {
                Sub s = subs[ring.members[i]];
                s.imei = ring.imeis[i % ring.imeis.length];
                s.imei2 = ring.imeis[(i + 1) % ring.imeis.length];
                s.deviceSwitchDay = 1 + r.nextInt(Math.max(1, days));
                s.homeCell = ring.cells[0];
                s.workCell = ring.cells[1];
                s.otherCells = ring.cells.clone();
                s.personId = i % 2 == 0 ? identityA : identityB;
            }
        }
        for (SpamGroup g : spamGroups) {
            g.cell = r.nextInt(cells.length);
            String shared = Numbers.imei(Numbers.HANDSET_TACS[r.nextInt(Numbers.HANDSET_TACS.length)], r);
            for (int i = 0; i < g.sims.length; i++) {
                Sub s = subs[g.sims[i]];
                if (i % 2 == 1) {
                    s.imei = shared;
                }
                s.homeCell = g.cell;
                s.workCell = g.cell;
                s.otherCells = new int[] {g.cell};
            }
        }
        for (Sub s : subs) {
            if (s.role == Role.BULK_CALLER) {
                // a call-centre room: one or two cells; devices reused across SIMs now and then
                s.workCell = s.homeCell;
                s.otherCells = new int[] {s.homeCell};
            }
            if (s.role == Role.SCANNER) {
                s.workCell = s.homeCell;
                s.otherCells = new int[] {s.homeCell};
            }
        }
        List<Integer> bulk = new ArrayList<>();
        for (Sub s : subs) {
            if (s.role == Role.BULK_CALLER) {
                bulk.add(s.idx);
            }
        }
        for (int i = 1; i < bulk.size(); i += 3) {
            Sub a = subs[bulk.get(i - 1)];
            Sub b = subs[bulk.get(i)];
            b.imei2 = a.imei;
            b.deviceSwitchDay = Math.max(1, newActivation);
            bulkCallerHandOvers.add(new int[] {a.idx, b.idx});
            b.homeCell = a.homeCell;
            b.workCell = a.homeCell;
            b.otherCells = new int[] {a.homeCell};
        }
        int wangiriCount = scaledSqrt(n, 10, 3);
        for (int i = 0; i < wangiriCount; i++) {
            String[] template = Numbers.WANGIRI_TEMPLATES[r.nextInt(Numbers.WANGIRI_TEMPLATES.length)];
            double callees = Math.max(25, Math.min(2500, n * 0.1));
            wangiri.add(new Wangiri(Numbers.foreignNumber(template, r), callees));
        }
        // spoofed victims: innocent ordinary subscribers (and a few other-network numbers) whose numbers are presented
        List<Trunk> spoofers = new ArrayList<>(spoofInternational);
        for (Trunk t : privateLines) {
            if (t.spoofing) {
                spoofers.add(t);
            }
        }
        for (Trunk t : spoofers) {
            int count = 2 + r.nextInt(3);
            t.victimNumbers = new long[count];
            for (int i = 0; i < count; i++) {
                if (i == count - 1 && r.nextDouble() < 0.5) {
                    long ext = Numbers.otherNetworkMobile(r);
                    t.victimNumbers[i] = ext;
                    externalSpoofVictims.add(ext);
                    continue;
                }
                Sub s;
                do {
                    s = subs[r.nextInt(n)];
                } while (s.role != Role.ORDINARY || s.spoofVictim || s.activationDay > 0);
                s.spoofVictim = true;
                t.victimNumbers[i] = s.msisdn;
            }
        }
        int targets = scaled(n, 0.0015, 2);
        for (int i = 0; i < targets; i++) {
            Sub s;
            do {
                s = subs[r.nextInt(n)];
            } while (s.role != Role.ORDINARY || s.spoofVictim || s.complaintTarget);
            s.complaintTarget = true;
        }
    }

    private void buildRoaming() {
        String[] countries = {"GB", "DE", "TH", "MY", "PH", "VN", "JP", "US", "KR", "SG", "FR", "AU"};
        int roamers = scaled(n, 0.002, 2);
        int travellers = scaled(n, 0.004, 3);
        for (int i = 0; i < roamers + travellers; i++) {
            Sub s;
            int guard = 0;
            do {
                s = subs[r.nextInt(n)];
                guard++;
            } while ((s.role != Role.ORDINARY || s.spoofVictim || s.complaintTarget || s.roamFrom <= s.roamTo
                    || s.activationDay > 0 || (i < roamers && contactCount(s.idx) == 0)) && guard < 10_000);
            int from = -5 + r.nextInt(days + 5);
            int to = Math.max(from, 0) + r.nextInt(8);
            if (i < roamers) {
                from = Math.min(from, Math.max(0, days - 2));
                to = Math.max(to, from + 1);
            }
            s.roamFrom = from;
            s.roamTo = to;
            s.roamCountry = countries[r.nextInt(countries.length)];
            s.callsHomeWhenAbroad = i < roamers;
        }
        roamingSnapshot = new boolean[days];
        String previous = null;
        for (int d = 0; d < days; d++) {
            StringBuilder key = new StringBuilder();
            for (Sub s : subs) {
                if (s.abroadOn(d)) {
                    key.append(s.idx).append(',');
                }
            }
            String k = key.toString();
            roamingSnapshot[d] = d == 0 || !k.equals(previous);
            previous = k;
        }
    }

    private void buildPoliceAndFeedback() {
        int last = days - 1;
        int caseSeq = 1 + r.nextInt(500);
        for (int g = 0; g < rings.size(); g++) {
            Ring ring = rings.get(g);
            int notified = 1 + (ring.members.length > 4 ? r.nextInt(2) : 0);
            for (int i = 0; i < notified; i++) {
                Sub s = subs[ring.members[i]];
                int day = Math.min(last, 1 + r.nextInt(Math.max(1, days - 1)));
                s.policeDay = day;
                police.add(new PoliceNotice(day, s.msisdn, caseRef(day, caseSeq++)));
            }
        }
        for (Sub s : subs) {
            if (s.role == Role.BULK_CALLER && s.activationDay <= 0) {
                int day = Math.min(last, 2);
                s.policeDay = day;
                police.add(new PoliceNotice(day, s.msisdn, caseRef(day, caseSeq++)));
                break;
            }
        }
        police.sort((a, b) -> Integer.compare(a.day, b.day));
        if (days < 2) {
            return;
        }
        int d1 = 1;
        int d2 = Math.min(last, 2);
        Sub bulk = firstOf(Role.BULK_CALLER);
        Sub ringMember = subs[rings.get(0).members[0]];
        Sub courier = firstOf(Role.COURIER);
        feedback.add(new Feedback(d1, "NUMBER", Numbers.e164(ringMember.msisdn), "CONFIRMED_FRAUD",
                "police case confirmed, line suspended"));
        feedback.add(new Feedback(d1, "NUMBER", Numbers.e164(bulk.msisdn), "CONFIRMED_FRAUD",
                "victim statements match call records; SIM on bought identity"));
        feedback.add(new Feedback(d1, "NUMBER", Numbers.e164(courier.msisdn), "FALSE_POSITIVE",
                "courier, delivery records verified by \"station manager\", no action"));
        Trunk spoofer = spoofInternational.get(0);
        feedback.add(new Feedback(d2, "TRUNK", spoofer.id, "CONFIRMED_FRAUD",
                "partner presented +86 numbers of non-roaming subscribers; route barred"));
        Sub victim = null;
        for (Sub s : subs) {
            if (s.spoofVictim) {
                victim = s;
                break;
            }
        }
        if (victim != null) {
            feedback.add(new Feedback(d2, "NUMBER", Numbers.e164(victim.msisdn), "RESTORED_ON_APPEAL",
                    "number was impersonated (spoofed CLI); owner innocent, restriction lifted"));
        }
        if (!simboxSites.isEmpty()) {
            feedback.add(new Feedback(d2, "DEVICE", simboxSites.get(0).imeis[0], "CONFIRMED_FRAUD",
                    "SIM box seized at site"));
        }
    }

    private String caseRef(int day, int seq) {
        return "GA-" + (2026 + day / 365) + "-" + Numbers.pad(31_0000 + (seq * 37L) % 10_000, 6) + "-" + Numbers.pad(seq, 4);
    }

    Sub firstOf(Role role) {
        for (Sub s : subs) {
            if (s.role == role) {
                return s;
            }
        }
        throw new IllegalStateException("no subscriber with role " + role);
    }

    /**
     * Links shared across numbers, built last from a stream of their own so that every draw before
     * them (and so the rest of the world) is what it was without them:
     * <ul>
     *   <li>each spam group's campaign links (one or two, carried by every message);</li>
     *   <li>split campaigns: 8-12 new SIMs in one room (one phone each), each sending only 3-8 messages a day with the
     *       campaign's link, under the per-number volume the older spam rules need; they are taken
     *       from ordinary subscribers with the fewest contacts and made new, prepaid, on bought
     *       identities;</li>
     *   <li>forwarded links ({@link ForwardedLink}): 20-40 long-standing ordinary subscribers each.</li>
     * </ul>
     */
    private void buildLinks() {
        SplittableRandom lr = new SplittableRandom(Numbers.mix(seed, 0x11AC));
        for (SpamGroup g : spamGroups) {
            g.links = campaignLinks(lr);
        }
        int campaigns = Math.max(1, (int) Math.round(n / 10_000.0));
        for (int c = 0; c < campaigns; c++) {
            SpamGroup g = new SpamGroup();
            g.template = 1 + lr.nextInt(3); // the link-carrying templates
            g.links = campaignLinks(lr);
            g.dailyBase = 3;
            g.dailySpread = 6;
            g.cell = lr.nextInt(cells.length);
            int[] chosen = fewestContacts(lr, 8 + lr.nextInt(5), s -> plainOrdinary(s) && s.activationDay <= 0);
            g.sims = chosen;
            long identity = 0;
            for (int i = 0; i < chosen.length; i++) {
                Sub s = subs[chosen[i]];
                s.role = Role.SPAM_SIM;
                s.group = spamGroups.size();
                s.activationDay = -1 - lr.nextInt(18);
                s.prepaid = true;
                s.enterprise = false;
                if (i % 4 == 0) {
                    identity = Numbers.mix(salt, 0xCA4B0000L + s.idx);
                }
                s.personId = identity;
                s.realNameVerified = lr.nextDouble() < 0.85;
                // a wall of cheap phones, one SIM each: nothing for the device (SIM box) detectors to see
                s.imei = Numbers.imei(Numbers.HANDSET_TACS[lr.nextInt(Numbers.HANDSET_TACS.length)], lr);
                s.imei2 = null;
                s.deviceSwitchDay = Integer.MAX_VALUE;
                s.homeCell = g.cell;
                s.workCell = g.cell;
                s.otherCells = new int[] {g.cell};
            }
            spamGroups.add(g);
        }
        int forwarded = Math.max(1, (int) Math.round(n / 10_000.0));
        for (int f = 0; f < forwarded; f++) {
            ForwardedLink link = new ForwardedLink();
            link.link = Texts.link(lr);
            int count = Math.min(20 + lr.nextInt(21), Math.max(5, n / 50));
            List<Integer> candidates = new ArrayList<>();
            for (Sub s : subs) {
                if (plainOrdinary(s) && s.activationDay < -365 && contactCount(s.idx) >= 8) {
                    candidates.add(s.idx);
                }
            }
            link.forwarders = new int[Math.min(count, candidates.size())];
            link.firstDay = new int[link.forwarders.length];
            link.second = new boolean[link.forwarders.length];
            int start = lr.nextInt(Math.max(1, days - 1));
            for (int i = 0; i < link.forwarders.length; i++) {
                int pick = lr.nextInt(candidates.size());
                link.forwarders[i] = candidates.remove(pick);
                subs[link.forwarders[i]].linkForwarder = true;
                link.firstDay[i] = Math.min(days - 1, start + lr.nextInt(3)); // spreads over two or three days
                link.second[i] = lr.nextInt(100) < 30;
            }
            forwardedLinks.add(link);
        }
    }

    /**
     * An ordinary subscriber with no other part in the world (not spoofed, complained about, roaming,
     * notified by police or already forwarding), so a link role does not blur another role's truth.
     */
    private static boolean plainOrdinary(Sub s) {
        return s.role == Role.ORDINARY && !s.spoofVictim && !s.complaintTarget && s.roamFrom > s.roamTo
                && s.policeDay == Integer.MAX_VALUE && !s.linkForwarder;
    }

    private static String[] campaignLinks(SplittableRandom lr) {
        String[] links = new String[1 + lr.nextInt(2)];
        for (int i = 0; i < links.length; i++) {
            links[i] = Texts.link(lr);
        }
        return links;
    }

    /** {@code count} subscribers passing {@code eligible}, those with the fewest contacts first (ties in random order). */
    private int[] fewestContacts(SplittableRandom lr, int count, java.util.function.Predicate<Sub> eligible) {
        List<Sub> candidates = new ArrayList<>();
        for (Sub s : subs) {
            if (eligible.test(s)) {
                candidates.add(s);
            }
        }
        long[] tieBreak = new long[n];
        for (Sub s : candidates) {
            tieBreak[s.idx] = lr.nextLong();
        }
        candidates.sort(java.util.Comparator.comparingInt((Sub s) -> contactCount(s.idx)).thenComparingLong(s -> tieBreak[s.idx]));
        return candidates.stream().limit(count).mapToInt(s -> s.idx).toArray();
    }

    private void buildAllowlist() {
        for (Trunk t : privateLines) {
            if (t.legitKind != null) {
                String category = t.legitKind.equals("BANK_CALL_CENTRE") ? "BANK" : "COURIER";
                allow(new AllowEntry(t.serviceNumber, t.owner, category, "2027-12-31"));
                allow(new AllowEntry(t.authorizedCli[1] + "*", t.owner, category, "2027-06-30"));
            }
        }
        for (Port p : ports) {
            if (p.kind != PortKind.SPAM) {
                String category = p.kind == PortKind.OTP_PORT ? "BANK" : "COURIER";
                allow(new AllowEntry(p.codes[0], p.owner, category, "2027-12-31"));
            }
        }
        allow(new AllowEntry("12345", "国家税务总局纳税服务热线", "PUBLIC_SERVICE", "2028-12-31"));
        allow(new AllowEntry("12315", "全国12315消费者投诉举报平台", "PUBLIC_SERVICE", "2028-12-31"));
    }

    /**
     * Lists a number once: in large worlds several OTP port customers of one bank share its port
     * code, and a repeated row would be a duplicate the manifest does not announce (ingest counts it).
     */
    private void allow(AllowEntry entry) {
        if (allowlist.stream().noneMatch(a -> a.number.equals(entry.number))) {
            allowlist.add(entry);
        }
    }
}
