package com.zhifang.testkit.generate;

import static com.zhifang.testkit.generate.TrafficSink.S_CELL;
import static com.zhifang.testkit.generate.TrafficSink.S_CONTENT;
import static com.zhifang.testkit.generate.TrafficSink.S_DELIVERED;
import static com.zhifang.testkit.generate.TrafficSink.S_IMEI;
import static com.zhifang.testkit.generate.TrafficSink.S_IMSI;
import static com.zhifang.testkit.generate.TrafficSink.S_PORT_CUSTOMER;
import static com.zhifang.testkit.generate.TrafficSink.S_RECIPIENT;
import static com.zhifang.testkit.generate.TrafficSink.S_SEGMENTS;
import static com.zhifang.testkit.generate.TrafficSink.S_SENDER;
import static com.zhifang.testkit.generate.TrafficSink.S_TIME;
import static com.zhifang.testkit.generate.TrafficSink.S_TYPE;
import static com.zhifang.testkit.generate.TrafficSink.V_ANSWERED;
import static com.zhifang.testkit.generate.TrafficSink.V_CALLED;
import static com.zhifang.testkit.generate.TrafficSink.V_CALLING;
import static com.zhifang.testkit.generate.TrafficSink.V_CAUSE;
import static com.zhifang.testkit.generate.TrafficSink.V_CELL;
import static com.zhifang.testkit.generate.TrafficSink.V_CLIR;
import static com.zhifang.testkit.generate.TrafficSink.V_DURATION;
import static com.zhifang.testkit.generate.TrafficSink.V_IMEI;
import static com.zhifang.testkit.generate.TrafficSink.V_IMSI;
import static com.zhifang.testkit.generate.TrafficSink.V_RING;
import static com.zhifang.testkit.generate.TrafficSink.V_TIME;
import static com.zhifang.testkit.generate.TrafficSink.V_TRUNK;
import static com.zhifang.testkit.generate.TrafficSink.V_TYPE;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * What the actors write one traffic day with: the voice and sms sinks, the outcome of the call being written, the
 * records of each kind of call and message, and the complaints they cause.
 *
 * <p>Every draw is taken from the stream the caller passes, so an actor's traffic depends only on its own streams
 * ({@link #random}); the order in which actors write decides the record ids and the injected faults.
 */
final class DayContext {

    /** A complaint received on some day at a second of that day. */
    record Complaint(int second, String number, String category, String channel, String reporterHash) {
    }

    private static final String[] SMALL = new String[10_000];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = Integer.toString(i);
        }
    }

    private final World world;
    private final int day;
    private final LocalDate date;
    private final boolean weekend;
    private final boolean lastDay;
    private final long seed;
    private final TrafficSink voice;
    private final TrafficSink sms;
    private final ZoneId zone;
    private final String fixedPrefix;
    private final String fixedOffset;
    private final Predicate<Sub> strangerToday;
    /** Per cell: its switch is vendor B's, which counts call set-up into ring_s and leaves it empty when answered. */
    private final boolean[] vendorB;
    private final double wifiShare;
    private final double garbledShare;

    // keys of the per-record hashes of the realism items (they draw from no stream, so no other draw moves)
    private static final long VENDOR_KEY = 0x7E4D0B;
    private static final long SETUP_KEY = 0x5E7B;
    private static final long WIFI_USER_KEY = 0x3171;
    private static final long WIFI_CALL_KEY = 0x3172;
    private static final long GARBLE_KEY = 0x6A2B;
    private static final long CEILING_KEY = 0xCA9;

    /** Complaints received today, and those about today's traffic received tomorrow (none on the last day). */
    final List<Complaint> complaints = new ArrayList<>();
    final List<Complaint> complaintsNextDay = new ArrayList<>();

    // the current call's outcome
    private int answered;
    private int duration;
    private int ring;
    private int cause;

    private final String[] v = new String[TrafficSink.VOICE_COLUMNS.length];
    private final String[] s = new String[TrafficSink.SMS_COLUMNS.length];

    DayContext(World world, int day, LocalDate date, ZoneId zone, long seed, TrafficSink voice, TrafficSink sms,
            boolean lastDay) {
        this.world = world;
        this.day = day;
        this.date = date;
        this.zone = zone;
        this.seed = seed;
        this.voice = voice;
        this.sms = sms;
        this.lastDay = lastDay;
        this.weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH).getId() : null;
        this.fixedPrefix = date + "T";
        this.strangerToday = b -> !b.fraud() && b.reachableOn(day);
        Realism realism = world.realism;
        this.vendorB = new boolean[world.cells.length];
        for (int c = 0; c < vendorB.length; c++) {
            vendorB[c] = unit(Numbers.mix(world.salt ^ VENDOR_KEY, c)) < realism.vendorBShare();
        }
        this.wifiShare = realism.wifiCallingShare();
        this.garbledShare = realism.garbledCallerShare();
    }

    World world() {
        return world;
    }

    Sub sub(int idx) {
        return world.subs[idx];
    }

    /** Day index relative to the start date. */
    int index() {
        return day;
    }

    boolean weekend() {
        return weekend;
    }

    boolean lastDay() {
        return lastDay;
    }

    /**
     * The day's random stream number {@code stream} of instance {@code index}. Numbers 1 to 11 are taken: 1 the
     * subscribers' own days, 2 SIM boxes, 3 spam SIMs, 4 rings, 5 and 6 wangiri and their call-backs, 7 private
     * lines, 8 spoofing carriers, 9 callers abroad, 10 SMS ports, 11 forwarded links, 12 ported-out callers, 13
     * office lines on interconnect trunks; a new actor takes the next free number (below 64, the streams of the
     * next day start there).
     */
    SplittableRandom random(int stream, int index) {
        return new SplittableRandom(Numbers.mix(seed, day * 64L + stream, index));
    }

    /** One instance's day (a site's, a group's, a number's ...), drawn from {@code r}. */
    interface InstanceDay<T> {
        void emit(T instance, SplittableRandom r) throws IOException;
    }

    /** Writes each instance's day, with the day's stream {@code stream} keyed by the instance's position. */
    <T> void forEach(List<T> instances, int stream, InstanceDay<T> emit) throws IOException {
        for (int i = 0; i < instances.size(); i++) {
            emit.emit(instances.get(i), random(stream, i));
        }
    }

    /** A random legitimate subscriber reachable today (never a fraud SIM), or null after four misses. */
    Sub stranger(SplittableRandom r) {
        return world.randomSubscriber(r, 4, strangerToday);
    }

    /** Mean-{@code mean} Poisson count (normal approximation above 40). */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1.0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    // ------------------------------------------------------------------ the current call's outcome

    /** Answered with probability {@code pAnswer} (log-normal duration), else one of the usual failures. */
    void normal(SplittableRandom r, double pAnswer, double medianSeconds, double sigma) {
        if (r.nextDouble() < pAnswer) {
            answer(r, medianSeconds, sigma);
        } else {
            int x = r.nextInt(100);
            unanswered(r, x < 20 ? 17 : x < 30 ? 18 : x < 75 ? 19 : x < 95 ? 21 : 31);
        }
    }

    void answer(SplittableRandom r, double medianSeconds, double sigma) {
        answered = 1;
        cause = 16;
        duration = (int) Math.max(1, Math.min(7200, Math.round(medianSeconds * Math.exp(sigma * r.nextGaussian()))));
        ring = r.nextInt(100) < 4 ? -1 : 2 + r.nextInt(r.nextInt(100) < 80 ? 10 : 25);
    }

    void unanswered(SplittableRandom r, int releaseCause) {
        answered = 0;
        duration = 0;
        cause = releaseCause;
        ring = switch (releaseCause) {
            case 17 -> 0;
            case 18 -> 5 + r.nextInt(25);
            case 19 -> 25 + r.nextInt(36);
            case 21 -> 2 + r.nextInt(14);
            default -> r.nextInt(10);
        };
        if (r.nextInt(100) < 4) {
            ring = -1;
        }
    }

    /** Sets the outcome as given; {@code ringSeconds} -1 for an unknown ring time. */
    void outcome(boolean isAnswered, int durationSeconds, int ringSeconds, int releaseCause) {
        answered = isAnswered ? 1 : 0;
        duration = durationSeconds;
        ring = ringSeconds;
        cause = releaseCause;
    }

    boolean answered() {
        return answered == 1;
    }

    int duration() {
        return duration;
    }

    int ring() {
        return ring;
    }

    void ring(int seconds) {
        ring = seconds;
    }

    int cause() {
        return cause;
    }

    // ------------------------------------------------------------------ records

    /** Our subscriber calls another network (or a service number, or abroad): MO only. */
    void moOut(SplittableRandom r, int t, Sub a, String called, int clir) throws IOException {
        mo(r, t, a, a.imeiOn(day), cellOf(a, t, r), called, clir);
    }

    /** As {@link #moOut}, from a given device and cell (a SIM box module). */
    void moFromDevice(SplittableRandom r, int t, Sub a, String imei, int cell, String called) throws IOException {
        mo(r, t, a, imei, cell, called, 0);
    }

    /** A call between two of our subscribers: MO (served = caller) and MT (served = callee). */
    void onNet(SplittableRandom r, int t, Sub a, Sub b, int clir) throws IOException {
        onNet(r, t, a, a.imeiOn(day), cellOf(a, t, r), b, clir);
    }

    /** As {@link #onNet}, the caller on a given device and cell (a SIM box module). */
    void onNetFromDevice(SplittableRandom r, int t, Sub a, String imei, int cell, Sub b) throws IOException {
        onNet(r, t, a, imei, cell, b, 0);
    }

    /**
     * A call entering on a trunk to our subscriber: GW and MT. On an interconnect trunk a small share of caller numbers
     * arrive garbled ({@link Realism#garbledCallerShare()}), decided by a hash of the call, not by a draw.
     */
    void gwIn(SplittableRandom r, int t, Trunk trunk, String calling, Sub b, int clir) throws IOException {
        if (garbledShare > 0 && trunk.type == Trunk.Type.INTERCONNECT) {
            long h = Numbers.mix(world.salt ^ GARBLE_KEY, day * 86_400L + t, b.idx * 31L + calling.hashCode());
            if (unit(h) < garbledShare) {
                calling = Numbers.garbled(calling, new SplittableRandom(h));
                world.oddInterconnectTrunks.add(trunk.id);
            }
        }
        fillOutcome(t, calling, Numbers.signalled(b.msisdn, r), clir);
        voiceLeg("GW", null, "", -1, trunk.id, t);
        fillOutcome(t, calling, Numbers.signalled(b.msisdn, r), clir);
        mtLeg(r, t, b);
    }

    private void mo(SplittableRandom r, int t, Sub a, String imei, int cell, String called, int clir)
            throws IOException {
        fillOutcome(t, Numbers.signalled(a.msisdn, r), called, clir);
        voiceLeg("MO", a, imei, cell, "", t);
    }

    private void onNet(SplittableRandom r, int t, Sub a, String imei, int cell, Sub b, int clir) throws IOException {
        fillOutcome(t, Numbers.signalled(a.msisdn, r), Numbers.signalled(b.msisdn, r), clir);
        voiceLeg("MO", a, imei, cell, "", t);
        fillOutcome(t, Numbers.signalled(a.msisdn, r), Numbers.signalled(b.msisdn, r), clir);
        mtLeg(r, t, b);
    }

    private void mtLeg(SplittableRandom r, int t, Sub b) throws IOException {
        voiceLeg("MT", b, b.imeiOn(day), cellOf(b, t, r), "", t);
    }

    private void fillOutcome(int t, String calling, String called, int clir) {
        v[V_TIME] = ts(t);
        v[V_CALLING] = calling;
        v[V_CALLED] = called;
        v[V_ANSWERED] = answered == 1 ? "1" : "0";
        v[V_DURATION] = num(duration);
        v[V_CAUSE] = SMALL[cause];
        v[V_CLIR] = clir == 1 ? "1" : "0";
    }

    /**
     * One voice row; {@code served} null (and {@code cell} -1) on a GW row. The ring time is as the switch of the
     * served subscriber's cell reports it (GW rows: vendor A).
     */
    private void voiceLeg(String type, Sub served, String imei, int cell, String trunk, int t) throws IOException {
        v[V_TYPE] = type;
        v[V_IMSI] = served == null ? "" : served.imsi;
        v[V_IMEI] = imei;
        v[V_CELL] = served == null ? "" : cellField(served, cell, t);
        v[V_TRUNK] = trunk;
        v[V_RING] = ringField(served, cell, t);
        voice.emit(v);
    }

    /**
     * ring_s as reported: vendor A the alerting time; vendor B the alerting time plus 1-3 s of call set-up, and
     * nothing for an answered call ({@link Realism#vendorBShare()}).
     */
    private String ringField(Sub served, int cell, int t) {
        if (cell < 0 || !vendorB[cell]) {
            return ring < 0 ? "" : num(ring);
        }
        if (answered == 1 || ring < 0) {
            return "";
        }
        long h = Numbers.mix(world.salt ^ SETUP_KEY, day * 86_400L + t, served.idx);
        return num(ring + 1 + (int) Math.floorMod(h, 3L));
    }

    /**
     * The cell id of a served subscriber's record: empty over Wi-Fi ({@link Realism#wifiCallingShare()}). A Wi-Fi
     * caller is an ordinary subscriber picked by a hash of its index; it uses Wi-Fi at home in the evening and at
     * night (seven times in ten), and one in twenty-five of them on every record.
     */
    private String cellField(Sub served, int cell, int t) {
        if (wifiShare > 0 && served.ordinary()) {
            double u = unit(Numbers.mix(world.salt ^ WIFI_USER_KEY, served.idx));
            if (u < wifiShare / 25) {
                return "";
            }
            int hour = t / 3600;
            if (u < wifiShare && cell == served.homeCell && (hour >= 18 || hour < 8)
                    && unit(Numbers.mix(world.salt ^ WIFI_CALL_KEY, day * 86_400L + t, served.idx)) < 0.7) {
                return "";
            }
        }
        return world.cells[cell];
    }

    /** A hash as a number in [0, 1). */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /**
     * The most outgoing calls a fraud SIM (or wangiri number, keyed by {@code key}) makes today under the per-SIM
     * daily cap ({@link Realism#simDailyCallCap()}): a figure just under the cap (cap-1 down to cap-6 for 300),
     * fixed per SIM and day by a hash; unlimited when the cap is off.
     */
    int callCeiling(long key) {
        return ceiling(world.realism.simDailyCallCap(), key);
    }

    /** As {@link #callCeiling}, for outgoing SMS ({@link Realism#simDailySmsCap()}). */
    int smsCeiling(long key) {
        return ceiling(world.realism.simDailySmsCap(), key ^ 0x5A5L);
    }

    private int ceiling(int cap, long key) {
        if (cap <= 0) {
            return Integer.MAX_VALUE;
        }
        int span = Math.max(1, cap / 50);
        return cap - 1 - (int) Math.floorMod(Numbers.mix(world.salt ^ CEILING_KEY, day, key), (long) span);
    }

    /** A text between two of our subscribers: MO and MT. */
    void smsOnNet(SplittableRandom r, int t, Sub a, Sub b, String content, int segments) throws IOException {
        t = Math.min(t, 86_399);
        String delivered = r.nextInt(100) < 98 ? "1" : "0";
        String sender = Numbers.signalled(a.msisdn, r);
        String recipient = Numbers.signalled(b.msisdn, r);
        fillSms(t, "MO", sender, recipient, a, a.imeiOn(day), cellOf(a, t, r), segments, delivered, content);
        sms.emit(s);
        fillSms(t, "MT", sender, recipient, b, b.imeiOn(day), cellOf(b, t, r), segments, delivered, content);
        sms.emit(s);
    }

    /** Our subscriber texts another network: MO only. */
    void smsMo(SplittableRandom r, int t, Sub a, String recipient, String content, int segments) throws IOException {
        t = Math.min(t, 86_399);
        fillSms(t, "MO", Numbers.signalled(a.msisdn, r), recipient, a, a.imeiOn(day), cellOf(a, t, r), segments,
                r.nextInt(100) < 97 ? "1" : "0", content);
        sms.emit(s);
    }

    /** Another network texts our subscriber: MT only. */
    void smsMtFromOutside(SplittableRandom r, int t, String sender, Sub b, String content, int segments)
            throws IOException {
        fillSms(t, "MT", sender, Numbers.signalled(b.msisdn, r), b, b.imeiOn(day), cellOf(b, t, r), segments,
                r.nextInt(100) < 98 ? "1" : "0", content);
        sms.emit(s);
    }

    /** A port customer's message to our subscriber (PORT); its text kept with probability {@code capturePercent}. */
    void portSms(SplittableRandom r, int t, String code, String customerId, Sub b, String text, int capturePercent)
            throws IOException {
        Arrays.fill(s, "");
        s[S_TYPE] = "PORT";
        s[S_TIME] = ts(t);
        s[S_SENDER] = code;
        s[S_RECIPIENT] = Numbers.signalled(b.msisdn, r);
        s[S_PORT_CUSTOMER] = customerId;
        s[S_SEGMENTS] = SMALL[Texts.segments(text)];
        s[S_DELIVERED] = b.activeOn(day) && r.nextInt(100) < 98 ? "1" : "0";
        s[S_CONTENT] = r.nextInt(100) < capturePercent ? text : "";
        sms.emit(s);
    }

    private void fillSms(int t, String type, String sender, String recipient, Sub served, String imei, int cell,
            int segments, String delivered, String content) {
        s[S_TYPE] = type;
        s[S_TIME] = ts(t);
        s[S_SENDER] = sender;
        s[S_RECIPIENT] = recipient;
        s[S_IMSI] = served.imsi;
        s[S_IMEI] = imei;
        s[S_CELL] = cellField(served, cell, t);
        s[S_PORT_CUSTOMER] = "";
        s[S_SEGMENTS] = SMALL[Math.max(1, segments)];
        s[S_DELIVERED] = delivered;
        s[S_CONTENT] = content;
    }

    /**
     * A complaint about {@code number} at {@code second} (past midnight: received the next day, dropped on the last
     * day); {@code reporter} is the complaining subscriber's index, or -1 for someone on another network.
     */
    void complain(SplittableRandom r, int second, String number, String category, int reporter) {
        int x = r.nextInt(100);
        String channel = x < 50 ? "12321" : x < 80 ? "APP" : "HOTLINE";
        long reporterKey = reporter >= 0 ? world.subs[reporter].msisdn : Numbers.otherNetworkMobile(r);
        String hash = Numbers.hash16(world.salt ^ 0x12321L, reporterKey);
        if (second < 86_400) {
            complaints.add(new Complaint(second, number, category, channel, hash));
        } else if (!lastDay) {
            complaintsNextDay.add(new Complaint(Math.min(second - 86_400, 86_399), number, category, channel, hash));
        }
    }

    /** The interconnect trunk a call from another network's number arrives on. */
    Trunk interconnectFor(long nsn, SplittableRandom r) {
        boolean unicom = Numbers.isMobile(nsn) && Numbers.isUnicom(nsn);
        return world.interconnect.get((unicom ? 0 : 2) + r.nextInt(2));
    }

    private int cellOf(Sub a, int t, SplittableRandom r) {
        return a.ordinary() ? OrdinaryLife.cell(a, t, weekend, r) : a.role.cell(a, t, this, r);
    }

    private static String num(int value) {
        return value < SMALL.length ? SMALL[value] : Integer.toString(value);
    }

    /** ISO-8601 local timestamp with the zone's offset for a second of this day. */
    String ts(int second) {
        if (second < 0 || second >= 86_400) {
            throw new IllegalArgumentException("second of day out of range: " + second);
        }
        StringBuilder sb = new StringBuilder(25);
        int h = second / 3600;
        int m = (second / 60) % 60;
        int sec = second % 60;
        if (fixedOffset != null) {
            sb.append(fixedPrefix);
            two(sb, h).append(':');
            two(sb, m).append(':');
            two(sb, sec).append(fixedOffset);
            return sb.toString();
        }
        ZonedDateTime z = ZonedDateTime.of(date, LocalTime.of(h, m, sec), zone);
        if (!z.toLocalDate().equals(date)) {
            z = ZonedDateTime.of(date, LocalTime.of(23, 59, 59), zone);
        }
        sb.append(z.toLocalDate()).append('T');
        two(sb, z.getHour()).append(':');
        two(sb, z.getMinute()).append(':');
        two(sb, z.getSecond()).append(z.getOffset().getId());
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int value) {
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }
}
