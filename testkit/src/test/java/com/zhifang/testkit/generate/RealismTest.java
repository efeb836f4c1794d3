package com.zhifang.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realism items ({@link Realism}) of the default world, each checked in the written files as a reader of the
 * landing zone would see them: one world of 2,500 subscribers over four days (Sunday to Wednesday), without the
 * file-level faults (they have tests of their own), read once.
 */
class RealismTest {

    private static final ZoneId ZONE = GeneratorSettings.DEFAULT_ZONE;
    private static final LocalDate START = GeneratorSettings.DEFAULT_START_DATE;

    @TempDir
    static Path tmp;

    static Path out;
    /** Voice and sms rows by column name, with their dataset. */
    static final List<Map<String, String>> voice = new ArrayList<>();
    static final List<Map<String, String>> sms = new ArrayList<>();
    static final List<List<String>> truth = new ArrayList<>();
    static final Map<String, List<String>> subscribers = new HashMap<>();
    static final Map<String, String> trunkType = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        out = tmp.resolve("world");
        GeneratorSettings settings = GeneratorSettings.builder(out).subscribers(2_500).days(4).seed(42L)
                .malformedRate(0).lateRate(0).redeliveryRate(0).duplicateRate(0).gzip(false).build();
        GeneratorResult result = new LandingZoneGenerator(settings).execute();
        for (FileReport f : result.files()) {
            if (f.dataset() == GeneratedDataset.VOICE || f.dataset() == GeneratedDataset.SMS) {
                List<List<String>> records = Rfc4180.read(out.resolve(f.path()));
                List<String> header = records.get(0);
                for (List<String> rec : records.subList(1, records.size())) {
                    Map<String, String> row = new HashMap<>();
                    for (int c = 0; c < header.size(); c++) {
                        row.put(header.get(c), rec.get(c));
                    }
                    (f.dataset() == GeneratedDataset.VOICE ? voice : sms).add(row);
                }
            }
        }
        List<List<String>> t = Rfc4180.read(result.truthFile());
        truth.addAll(t.subList(1, t.size()));
        for (List<String> s : reference("subscribers.csv")) {
            subscribers.put(LandingZoneGeneratorTest.e164(s.get(0)), s);
        }
        for (List<String> t2 : reference("trunks.csv")) {
            trunkType.put(t2.get(0), t2.get(1));
        }
    }

    static List<List<String>> reference(String name) throws IOException {
        List<List<String>> all = Rfc4180.read(out.resolve(START.toString()).resolve("reference").resolve(name));
        return all.subList(1, all.size());
    }

    static String e164(String raw) {
        return LandingZoneGeneratorTest.e164(raw);
    }

    static LocalDate dayOf(Map<String, String> row) {
        String time = row.containsKey("start_time") ? row.get("start_time") : row.get("send_time");
        return OffsetDateTime.parse(time).atZoneSameInstant(ZONE).toLocalDate();
    }

    static List<List<String>> truthOf(String entityType, String kind) {
        return truth.stream().filter(t -> t.get(0).equals(entityType) && t.get(4).equals(kind)).toList();
    }

    static boolean isOwnBlock(String e164) {
        int prefix = Integer.parseInt(e164.substring(3, 6));
        for (int p : Numbers.OWN_MOBILE_PREFIXES) {
            if (p == prefix) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ 1. number portability

    @Test
    void portedCsvListsBothDirectionsAndPortedOutPeopleCallInOnInterconnectTrunks() throws IOException {
        List<List<String>> all = Rfc4180.read(out.resolve(START.toString()).resolve("reference").resolve("ported.csv"));
        assertEquals(List.of("number", "operator", "ported_on"), all.get(0));
        Set<String> portedOut = new HashSet<>();
        int portedIn = 0;
        for (List<String> p : all.subList(1, all.size())) {
            assertTrue(p.get(0).matches("\\+861[0-9]{10}"), p.toString());
            assertTrue(LocalDate.parse(p.get(2)).isBefore(START), "ported before the first day: " + p);
            if (p.get(1).equals("ZF")) {
                portedIn++;
                assertTrue(subscribers.containsKey(p.get(0)), "ported in: our subscriber " + p);
                assertFalse(isOwnBlock(p.get(0)), "ported in: a number of another operator's block " + p);
            } else {
                assertTrue(Set.of("CUCC", "CTCC", "CBN").contains(p.get(1)), p.toString());
                assertFalse(subscribers.containsKey(p.get(0)), "ported out: no subscriber of ours " + p);
                assertTrue(isOwnBlock(p.get(0)), "ported out: a number of our blocks " + p);
                portedOut.add(p.get(0));
            }
        }
        assertTrue(portedIn >= 15 && portedIn <= 35, "about 1 % of 2,500 ported in: " + portedIn);
        assertTrue(portedOut.size() >= 30 && portedOut.size() <= 70, "about 2 % ported out: " + portedOut.size());
        Map<String, Integer> gwByTrunk = new TreeMap<>();
        int answered = 0;
        for (Map<String, String> v : voice) {
            if (v.get("record_type").equals("GW") && portedOut.contains(e164(v.get("calling_number")))) {
                assertEquals("INTERCONNECT", trunkType.get(v.get("trunk_in")), v.toString());
                gwByTrunk.merge(v.get("trunk_in"), 1, Integer::sum);
                answered += v.get("answered").equals("1") ? 1 : 0;
            }
        }
        int gw = gwByTrunk.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(gw >= 80, "ported-out people call our subscribers: " + gwByTrunk);
        assertTrue(gwByTrunk.size() <= 2, "on one or two interconnect trunks: " + gwByTrunk);
        assertTrue(answered > gw / 2, "mostly answered: " + answered + " of " + gw);
        long callBacks = voice.stream().filter(v -> v.get("record_type").equals("MO")
                && portedOut.contains(e164(v.get("called_number"))) && v.get("release_cause").equals("16")).count();
        assertTrue(callBacks > 10, "our subscribers call them back: " + callBacks);
        for (String trunk : gwByTrunk.keySet()) {
            assertTrue(truth.contains(List.of("TRUNK", trunk, "LEGITIMATE", "", "INTERCONNECT_TRUNK", "false")), trunk);
        }
    }

    // ------------------------------------------------------------------ 2. garbled caller numbers

    @Test
    void aSmallShareOfInterconnectCallersArriveGarbledOrInOddForms() {
        int interconnect = 0;
        int odd = 0;
        Set<String> kinds = new HashSet<>();
        Map<String, Set<String>> formsOfFixed = new HashMap<>();
        for (Map<String, String> v : voice) {
            if (!v.get("record_type").equals("GW") || !"INTERCONNECT".equals(trunkType.get(v.get("trunk_in")))) {
                continue;
            }
            interconnect++;
            String c = v.get("calling_number");
            if (!LandingZoneGeneratorTest.standardChineseForm(c)) {
                odd++;
            }
            if (c.matches("1[0-9]{9}")) {
                kinds.add("truncated mobile");
            } else if (c.matches("1[0-9]{11}")) {
                kinds.add("mobile with an extra digit");
            } else if (c.matches("\\+860[1-9][0-9]{8,10}")) {
                kinds.add("+86 0xx");
            } else if (c.isEmpty()) {
                kinds.add("empty");
            } else if (c.matches(".*[A-Za-z].*")) {
                kinds.add("letters");
            } else if (c.matches("0(10|21)[2-8][0-9]{7}")) {
                kinds.add("national Beijing/Shanghai");
            }
            String digits = c.replaceAll("[^0-9]", "");
            if (c.matches("(\\+86 ?|0086|86|0)(10|21) ?[2-8][0-9]{7}")) {
                String nsn = digits.substring(digits.length() - 10);
                formsOfFixed.computeIfAbsent(nsn, k -> new HashSet<>()).add(c.replaceAll("[0-9]", "9"));
            }
        }
        double share = odd / (double) interconnect;
        assertTrue(share > 0.003 && share < 0.03, "about 1 % of interconnect callers odd: " + odd + " of " + interconnect);
        assertEquals(Set.of("truncated mobile", "mobile with an extra digit", "+86 0xx", "empty", "letters",
                "national Beijing/Shanghai"), kinds);
        assertTrue(formsOfFixed.values().stream().anyMatch(forms -> forms.size() >= 2),
                "one Beijing or Shanghai number signalled in several forms: " + formsOfFixed);
    }

    // ------------------------------------------------------------------ 3. Wi-Fi calling

    @Test
    void wifiCallsHaveNoCellAndAFewSubscribersNeverShowOne() {
        long mo = 0;
        long moWithoutCell = 0;
        Map<String, int[]> byImsi = new HashMap<>(); // records, records with a cell
        for (List<Map<String, String>> rows : List.of(voice, sms)) {
            for (Map<String, String> r : rows) {
                if (r.get("imsi").isEmpty()) {
                    continue;
                }
                boolean cell = !r.get("cell_id").isEmpty();
                if (r.get("record_type").equals("MO") && rows == voice) {
                    mo++;
                    moWithoutCell += cell ? 0 : 1;
                    if (!cell) {
                        int hour = OffsetDateTime.parse(r.get("start_time")).atZoneSameInstant(ZONE).getHour();
                        assertTrue(hour >= 18 || hour < 8 || wifiOnly(r.get("imsi")), "Wi-Fi at home in the evening: " + r);
                    }
                }
                int[] c = byImsi.computeIfAbsent(r.get("imsi"), k -> new int[2]);
                c[0]++;
                c[1] += cell ? 1 : 0;
            }
        }
        assertTrue(moWithoutCell > 0 && moWithoutCell < mo * 0.05, "part of the calls: " + moWithoutCell + " of " + mo);
        long neverACell = byImsi.values().stream().filter(c -> c[0] >= 5 && c[1] == 0).count();
        assertTrue(neverACell >= 1 && neverACell <= 20, "a few subscribers without a cell id all week: " + neverACell);
    }

    private static boolean wifiOnly(String imsi) {
        int[] counts = new int[2];
        for (List<Map<String, String>> rows : List.of(voice, sms)) {
            for (Map<String, String> r : rows) {
                if (r.get("imsi").equals(imsi)) {
                    counts[0]++;
                    counts[1] += r.get("cell_id").isEmpty() ? 0 : 1;
                }
            }
        }
        return counts[1] == 0;
    }

    // ------------------------------------------------------------------ 4. dual-SIM phones

    @Test
    void dualSimPhonesCarryTwoOldSimsAtOneOfficeCellWithCustomersCallingBack() {
        List<List<String>> devices = truthOf("DEVICE", "DUAL_SIM_PHONE");
        Set<String> numbers = new HashSet<>();
        truthOf("NUMBER", "DUAL_SIM_PHONE").forEach(t -> numbers.add(t.get(1)));
        assertEquals(1, devices.size(), "one phone per 4,000 subscribers, at least one");
        assertEquals(2 * devices.size(), numbers.size(), "both SIMs of each phone");
        for (List<String> device : devices) {
            String imei = device.get(1);
            Set<String> imsis = new HashSet<>();
            Set<String> officeCells = new HashSet<>();
            Map<LocalDate, Integer> salesDayCalls = new TreeMap<>();
            Set<String> callees = new HashSet<>();
            Set<String> phoneNumbers = new HashSet<>();
            for (Map<String, String> v : voice) {
                if (!v.get("imei").equals(imei)) {
                    continue;
                }
                imsis.add(v.get("imsi"));
                OffsetDateTime t = OffsetDateTime.parse(v.get("start_time")).atZoneSameInstant(ZONE).toOffsetDateTime();
                boolean workingDay = t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
                if (workingDay && t.getHour() >= 9 && t.getHour() < 18) {
                    officeCells.add(v.get("cell_id"));
                }
                if (v.get("record_type").equals("MO")) {
                    phoneNumbers.add(e164(v.get("calling_number")));
                    if (workingDay) {
                        salesDayCalls.merge(t.toLocalDate(), 1, Integer::sum);
                        callees.add(e164(v.get("called_number")));
                    }
                }
            }
            assertEquals(2, imsis.size(), imei + " carries two SIMs: " + imsis);
            assertEquals(1, officeCells.size(), imei + " at one office cell in office hours: " + officeCells);
            assertFalse(officeCells.contains(""), "no Wi-Fi on the phone");
            assertEquals(numbers, phoneNumbers, "the labelled numbers are the phone's");
            assertEquals(3, salesDayCalls.size(), "three working days: " + salesDayCalls);
            salesDayCalls.values().forEach(c -> assertTrue(c >= 150 && c <= 280, "150-250 sales calls a working day "
                    + "(and the private line's own): " + salesDayCalls));
            long callingBack = voice.stream().filter(v -> !v.get("record_type").equals("MO")
                    && numbers.contains(e164(v.get("called_number"))) && callees.contains(e164(v.get("calling_number"))))
                    .map(v -> e164(v.get("calling_number"))).distinct().count();
            double callBackShare = callingBack / (double) callees.size();
            assertTrue(callBackShare > 0.02 && callBackShare < 0.25, "5-15 % of callees call back: " + callBackShare);
            long smsOut = sms.stream().filter(s -> s.get("record_type").equals("MO") && s.get("imei").equals(imei)).count();
            assertTrue(smsOut > 5, "some SMS sent: " + smsOut);
        }
        Set<String> customerTypes = new HashSet<>();
        for (String number : numbers) {
            List<String> s = subscribers.get(number);
            assertTrue(LocalDate.parse(s.get(2)).isBefore(START.minusDays(365)), "SIM over a year old: " + s);
            customerTypes.add(s.get(4));
        }
        assertEquals(Set.of("ENTERPRISE", "PERSONAL"), customerTypes);
    }

    // ------------------------------------------------------------------ 5. telemarketers rotating SIMs

    @Test
    void rotatingTelemarketersKeepThreeCompanySimsInOneHandsetUnderALimit() {
        List<List<String>> devices = truthOf("DEVICE", "TELEMARKETER");
        assertEquals(2, devices.size(), "a third of the 5 telemarketers of 2,500 subscribers, rounded");
        Set<String> telemarketers = new HashSet<>();
        truthOf("NUMBER", "TELEMARKETER").forEach(t -> telemarketers.add(t.get(1)));
        for (List<String> device : devices) {
            Map<String, Map<LocalDate, Integer>> callsBySim = new HashMap<>();
            Set<String> cells = new HashSet<>();
            for (Map<String, String> v : voice) {
                if (v.get("record_type").equals("MO") && v.get("imei").equals(device.get(1))) {
                    callsBySim.computeIfAbsent(e164(v.get("calling_number")), k -> new TreeMap<>())
                            .merge(dayOf(v), 1, Integer::sum);
                    cells.add(v.get("cell_id"));
                }
            }
            assertEquals(3, callsBySim.size(), "three SIMs in " + device.get(1));
            assertEquals(1, cells.size(), "one office");
            for (Map.Entry<String, Map<LocalDate, Integer>> sim : callsBySim.entrySet()) {
                assertTrue(telemarketers.contains(sim.getKey()), sim.getKey() + " labelled TELEMARKETER");
                sim.getValue().values().forEach(c -> assertTrue(c < 200, "under the per-SIM limit: " + sim));
                List<String> s = subscribers.get(sim.getKey());
                assertEquals("ENTERPRISE", s.get(4));
                long age = START.toEpochDay() - LocalDate.parse(s.get(2)).toEpochDay();
                assertTrue(age >= 60 && age <= 900, "60-900 days old: " + s);
            }
        }
    }

    // ------------------------------------------------------------------ 6. notification ports

    @Test
    void notificationPortsSendLinksToTheirOwnRecurringCustomers() throws IOException {
        List<List<String>> ports = truthOf("PORT_CUSTOMER", "NOTIFICATION_PORT");
        assertEquals(3, ports.size(), "a bank, a shop and a utility");
        Set<String> codes = new HashSet<>();
        for (List<String> port : ports) {
            Map<String, Set<LocalDate>> daysOf = new HashMap<>();
            int withLink = 0;
            int captured = 0;
            for (Map<String, String> s : sms) {
                if (!s.get("port_customer").equals(port.get(1))) {
                    continue;
                }
                assertEquals("PORT", s.get("record_type"));
                codes.add(s.get("sender"));
                daysOf.computeIfAbsent(e164(s.get("recipient")), k -> new HashSet<>()).add(dayOf(s));
                if (!s.get("content").isEmpty()) {
                    captured++;
                    withLink += s.get("content").matches(".*https://[a-z0-9.]+\\.(cn|com)/[a-z0-9]{8}.*") ? 1 : 0;
                }
            }
            assertTrue(daysOf.size() >= 20, port + " has customers: " + daysOf.size());
            assertEquals(captured, withLink, "every message carries a link to the sender's own domain");
            assertTrue(captured > 0);
            Set<LocalDate> everyDay = new HashSet<>();
            daysOf.values().forEach(everyDay::addAll);
            assertEquals(4, everyDay.size(), "every day");
            long recurring = daysOf.values().stream().filter(d -> d.size() >= 2).count();
            assertTrue(recurring > daysOf.size() / 2, "most customers hear from it on several days: " + recurring
                    + " of " + daysOf.size());
        }
        for (Path day : Files.list(out).filter(Files::isDirectory).toList()) {
            Path complaints = day.resolve("complaints");
            if (Files.isDirectory(complaints)) {
                for (Path f : Files.list(complaints).toList()) {
                    for (List<String> c : Rfc4180.read(f)) {
                        assertFalse(codes.contains(c.get(0)), "no complaint about a notification port: " + c);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ 7. police naming a spoofing victim

    @Test
    void aPoliceNoticeNamesASpoofingVictimWhoStaysLegitimate() throws IOException {
        List<List<String>> named = truthOf("NUMBER", "SPOOFED_VICTIM").stream().filter(t -> t.get(5).equals("true")).toList();
        assertEquals(1, named.size(), "one notice per generated week: " + named);
        assertEquals("LEGITIMATE", named.get(0).get(2));
        boolean notified = false;
        for (Path day : Files.list(out).filter(Files::isDirectory).toList()) {
            Path police = day.resolve("police");
            if (Files.isDirectory(police)) {
                for (Path f : Files.list(police).toList()) {
                    for (List<String> p : Rfc4180.read(f).subList(1, Rfc4180.read(f).size())) {
                        notified |= e164(p.get(0)).equals(named.get(0).get(1));
                    }
                }
            }
        }
        assertTrue(notified, "the notice is in police/");
        long presented = voice.stream().filter(v -> v.get("record_type").equals("GW")
                && e164(v.get("calling_number")).equals(named.get(0).get(1))).count();
        assertTrue(presented > 0, "a spoofing trunk presented the number");
    }

    // ------------------------------------------------------------------ 8. two switch vendors

    @Test
    void vendorBCellsLeaveRingTimeEmptyWhenAnsweredAndCountSetUpOtherwise() {
        Map<String, int[]> byCell = new HashMap<>(); // answered, answered with ring, unanswered with ring 0
        for (Map<String, String> v : voice) {
            if (v.get("cell_id").isEmpty() || v.get("record_type").equals("GW")) {
                continue;
            }
            int[] c = byCell.computeIfAbsent(v.get("cell_id"), k -> new int[3]);
            if (v.get("answered").equals("1")) {
                c[0]++;
                c[1] += v.get("ring_s").isEmpty() ? 0 : 1;
            } else if (v.get("ring_s").equals("0")) {
                c[2]++;
            }
        }
        int vendorA = 0;
        int vendorB = 0;
        for (int[] c : byCell.values()) {
            if (c[0] < 20) {
                continue;
            }
            if (c[1] == 0) {
                vendorB++;
                assertEquals(0, c[2], "set-up counted: no zero ring time on vendor B");
            } else {
                assertTrue(c[1] > c[0] * 0.9, "vendor A reports ring time on answered calls");
                vendorA++;
            }
        }
        assertTrue(vendorA > 20 && vendorB > 20, "about half each: A " + vendorA + ", B " + vendorB);
        long gwAnswered = voice.stream().filter(v -> v.get("record_type").equals("GW") && v.get("answered").equals("1")).count();
        long gwWithRing = voice.stream().filter(v -> v.get("record_type").equals("GW") && v.get("answered").equals("1")
                && !v.get("ring_s").isEmpty()).count();
        assertTrue(gwWithRing > gwAnswered * 0.9, "GW rows are vendor A's");
    }

    // ------------------------------------------------------------------ 9. fraud under caps

    @Test
    void noFraudSimExceedsTheDailyCapsOfTheDefaultWorld() {
        Map<String, Integer> most = mostPerDay(voice, sms, fraudNumbers(truth));
        assertTrue(most.get("calls") < 300 && most.get("sms") < 200, "under the default caps: " + most);
        assertTrue(most.get("calls") > 250, "some fraud SIM works close to the call cap: " + most);
    }

    @Test
    void lowerCapsAreKeptWithTheExcessOnOtherSims() throws IOException {
        Path low = tmp.resolve("low-cap");
        GeneratorResult result = new LandingZoneGenerator(GeneratorSettings.builder(low).subscribers(2_000).days(2)
                .seed(5L).malformedRate(0).lateRate(0).redeliveryRate(0).duplicateRate(0).gzip(false)
                .realism(Realism.defaults().toBuilder().simDailyCallCap(100).simDailySmsCap(60).build()).build()).execute();
        List<Map<String, String>> v = new ArrayList<>();
        List<Map<String, String>> s = new ArrayList<>();
        for (FileReport f : result.files()) {
            if (f.dataset() == GeneratedDataset.VOICE || f.dataset() == GeneratedDataset.SMS) {
                List<List<String>> records = Rfc4180.read(low.resolve(f.path()));
                for (List<String> rec : records.subList(1, records.size())) {
                    Map<String, String> row = new HashMap<>();
                    for (int c = 0; c < rec.size(); c++) {
                        row.put(records.get(0).get(c), rec.get(c));
                    }
                    (f.dataset() == GeneratedDataset.VOICE ? v : s).add(row);
                }
            }
        }
        List<List<String>> t = Rfc4180.read(result.truthFile());
        Map<String, Integer> most = mostPerDay(v, s, fraudNumbers(t.subList(1, t.size())));
        assertTrue(most.get("calls") < 100 && most.get("calls") >= 95, "just under 100 calls: " + most);
        assertTrue(most.get("sms") < 60 && most.get("sms") >= 55, "just under 60 SMS: " + most);
    }

    private static Set<String> fraudNumbers(List<List<String>> truthRows) {
        Set<String> fraud = new HashSet<>();
        for (List<String> t : truthRows) {
            if (t.get(0).equals("NUMBER") && t.get(2).equals("FRAUD")) {
                fraud.add(t.get(1));
            }
        }
        return fraud;
    }

    /** The most outgoing calls (MO, or GW for a wangiri number) and SMS (MO) of one fraud number on one day. */
    private static Map<String, Integer> mostPerDay(List<Map<String, String>> v, List<Map<String, String>> s,
            Set<String> fraud) {
        Map<String, Integer> calls = new HashMap<>();
        for (Map<String, String> r : v) {
            String type = r.get("record_type");
            String caller = e164(r.get("calling_number"));
            if ((type.equals("MO") || type.equals("GW")) && fraud.contains(caller)) {
                calls.merge(caller + "|" + dayOf(r), 1, Integer::sum);
            }
        }
        Map<String, Integer> texts = new HashMap<>();
        for (Map<String, String> r : s) {
            String sender = e164(r.get("sender"));
            if (r.get("record_type").equals("MO") && fraud.contains(sender)) {
                texts.merge(sender + "|" + dayOf(r), 1, Integer::sum);
            }
        }
        return Map.of("calls", calls.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                "sms", texts.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    // ------------------------------------------------------------------ all off

    @Test
    void realismNoneGivesAWorldWithoutAnyItem() throws IOException {
        Path none = tmp.resolve("none");
        GeneratorResult result = new LandingZoneGenerator(GeneratorSettings.builder(none).subscribers(300).days(2)
                .seed(3L).realism(Realism.none()).build()).execute();
        assertFalse(Files.exists(none.resolve(START.toString()).resolve("reference").resolve("ported.csv")));
        assertTrue(result.files().stream().noneMatch(f -> f.dataset() == GeneratedDataset.PORTED));
        List<List<String>> t = Rfc4180.read(result.truthFile());
        for (List<String> row : t.subList(1, t.size())) {
            assertFalse(Set.of("DUAL_SIM_PHONE", "NOTIFICATION_PORT", "INTERCONNECT_TRUNK").contains(row.get(4)), row.toString());
            assertFalse(row.get(4).equals("SPOOFED_VICTIM") && row.get(5).equals("true"), row.toString());
            assertFalse(row.get(0).equals("DEVICE") && row.get(4).equals("TELEMARKETER"), row.toString());
        }
    }

    @Test
    void realismIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> Realism.defaults().toBuilder().portedOutShare(-0.1).build());
        assertThrows(IllegalArgumentException.class, () -> Realism.defaults().toBuilder().wifiCallingShare(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> Realism.defaults().toBuilder().simDailyCallCap(5).build());
        assertThrows(IllegalArgumentException.class, () -> Realism.defaults().toBuilder().dualSimPhonesPer(10).build());
        assertEquals(0, Realism.defaults().toBuilder().simDailyCallCap(0).build().simDailyCallCap(), "0 turns the cap off");
        assertThrows(NullPointerException.class, () -> GeneratorSettings.builder(tmp).realism(null).build());
    }
}
