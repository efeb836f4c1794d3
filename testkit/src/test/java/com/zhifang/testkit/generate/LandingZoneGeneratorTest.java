package com.zhifang.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates a small landing zone once (300 subscribers x 3 days) and checks it against the input contract. */
class LandingZoneGeneratorTest {

    private static final int SUBSCRIBERS = 300;
    private static final int DAYS = 3;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Set<String> VOICE_TYPES = Set.of("MO", "MT", "GW");
    private static final Set<String> SMS_TYPES = Set.of("MO", "MT", "PORT");

    @TempDir
    static Path tmp;

    static Path out;
    static GeneratorResult result;
    /** Every voice/sms data row in generation order with its file, classification and fields by column name. */
    static List<Row> rows = new ArrayList<>();

    record Row(FileReport file, int line, Map<String, String> f, MalformedKind malformed, int defects,
            boolean duplicate, boolean late) {
    }

    @BeforeAll
    static void generate() throws IOException {
        out = tmp.resolve("landing");
        GeneratorSettings settings = GeneratorSettings.builder(out).subscribers(SUBSCRIBERS).days(DAYS).seed(7L)
                .malformedRate(0.01).lateRate(0.02).redeliveryRate(0.3).duplicateRate(0.005).build();
        result = new LandingZoneGenerator(settings).execute();
        Set<String> seen = new HashSet<>();
        for (FileReport file : result.files()) {
            if (file.dataset() != GeneratedDataset.VOICE && file.dataset() != GeneratedDataset.SMS) {
                continue;
            }
            boolean voice = file.dataset() == GeneratedDataset.VOICE;
            List<List<String>> records = Rfc4180.read(out.resolve(file.path()));
            List<String> header = records.get(0);
            for (int i = 1; i < records.size(); i++) {
                List<String> rec = records.get(i);
                Map<String, String> f = new HashMap<>();
                for (int c = 0; c < Math.min(header.size(), rec.size()); c++) {
                    f.put(header.get(c), rec.get(c));
                }
                List<MalformedKind> defects = defects(voice, header, rec, f);
                MalformedKind kind = defects.isEmpty() ? null : defects.get(0);
                boolean dup = false;
                boolean late = false;
                if (kind == null) {
                    dup = !seen.add(f.get("record_id"));
                    if (!dup) {
                        LocalDate eventDay = OffsetDateTime.parse(f.get(voice ? "start_time" : "send_time"))
                                .atZoneSameInstant(ZONE).toLocalDate();
                        late = eventDay.isBefore(file.landingDay());
                    }
                }
                rows.add(new Row(file, i, f, kind, defects.size(), dup, late));
            }
        }
    }

    /** Every defect of a row, judged independently of the generator. */
    static List<MalformedKind> defects(boolean voice, List<String> header, List<String> rec, Map<String, String> f) {
        List<MalformedKind> out = new ArrayList<>();
        if (rec.size() != header.size()) {
            out.add(MalformedKind.WRONG_COLUMN_COUNT);
            return out;
        }
        String time = f.get(voice ? "start_time" : "send_time");
        if (f.get("record_id").isEmpty() || f.get("record_type").isEmpty() || time.isEmpty()) {
            out.add(MalformedKind.MISSING_REQUIRED_FIELD);
        }
        if (!f.get("record_type").isEmpty() && !(voice ? VOICE_TYPES : SMS_TYPES).contains(f.get("record_type"))) {
            out.add(MalformedKind.UNKNOWN_RECORD_TYPE);
        }
        if (!time.isEmpty()) {
            try {
                OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                out.add(MalformedKind.BAD_TIMESTAMP);
            }
        }
        boolean badNumber;
        if (voice) {
            badNumber = !nonNegativeInt(f.get("duration_s")) || !nonNegativeInt(f.get("release_cause"))
                    || !(f.get("ring_s").isEmpty() || nonNegativeInt(f.get("ring_s"))) || !bit(f.get("answered"))
                    || !bit(f.get("cli_restricted"));
        } else {
            badNumber = !nonNegativeInt(f.get("segments")) || Integer.parseInt(f.get("segments").isEmpty() ? "0"
                    : nonNegativeInt(f.get("segments")) ? f.get("segments") : "0") < 1 || !bit(f.get("delivered"));
        }
        if (badNumber) {
            out.add(MalformedKind.BAD_NUMBER_FIELD);
        }
        return out;
    }

    static boolean nonNegativeInt(String s) {
        return s != null && s.matches("[0-9]{1,9}");
    }

    static boolean bit(String s) {
        return "0".equals(s) || "1".equals(s);
    }

    // ------------------------------------------------------------------ manifest and counts

    @Test
    void manifestCountsEqualARecountOfTheWrittenFiles() throws IOException {
        Map<String, long[]> recount = new TreeMap<>();
        Map<String, EnumMap<MalformedKind, Long>> malformed = new TreeMap<>();
        for (Row r : rows) {
            long[] c = recount.computeIfAbsent(r.file().path(), k -> new long[3]);
            if (r.duplicate()) {
                c[0]++;
            }
            if (r.late()) {
                c[1]++;
            }
            c[2]++;
            if (r.malformed() != null) {
                malformed.computeIfAbsent(r.file().path(), k -> new EnumMap<>(MalformedKind.class))
                        .merge(r.malformed(), 1L, Long::sum);
            }
        }
        Map<String, Map<String, Long>> manifest = parseManifestFiles();
        assertEquals(result.files().size(), manifest.size(), "manifest lists every file");
        long totalDup = 0;
        long totalLate = 0;
        long totalMalformed = 0;
        for (FileReport f : result.files()) {
            Map<String, Long> m = manifest.get(f.path());
            assertTrue(m != null, "manifest entry for " + f.path());
            Path file = out.resolve(f.path());
            assertTrue(Files.isRegularFile(file), f.path());
            long rowsInFile = Rfc4180.read(file).size() - 1;
            assertEquals(rowsInFile, m.get("rows"), "rows of " + f.path());
            assertEquals(f.rows(), m.get("rows"));
            if (f.dataset() == GeneratedDataset.VOICE || f.dataset() == GeneratedDataset.SMS) {
                long[] c = recount.getOrDefault(f.path(), new long[3]);
                assertEquals(c[2], rowsInFile);
                assertEquals(c[0], m.get("duplicate_rows"), "duplicates of " + f.path());
                assertEquals(c[1], m.get("late_rows"), "late rows of " + f.path());
                for (MalformedKind k : MalformedKind.values()) {
                    long expected = malformed.getOrDefault(f.path(), new EnumMap<>(MalformedKind.class)).getOrDefault(k, 0L);
                    assertEquals(expected, m.get(k.name()), k + " in " + f.path());
                }
                totalDup += c[0];
                totalLate += c[1];
            } else {
                assertEquals(0L, m.get("duplicate_rows"));
                assertEquals(0L, m.get("malformed_total"));
            }
        }
        totalMalformed = rows.stream().filter(r -> r.malformed() != null).count();
        assertEquals(totalDup, result.duplicateRows());
        assertEquals(totalLate, result.lateRows());
        assertEquals(totalMalformed, result.malformedRows());
        assertTrue(totalDup > 0, "some duplicates injected");
        assertTrue(totalLate > 0, "some late records injected");
        for (MalformedKind k : MalformedKind.values()) {
            assertTrue(rows.stream().anyMatch(r -> r.malformed() == k), "some " + k);
        }
        assertTrue(result.files().stream().anyMatch(f -> f.redeliveryOf() != null), "a re-delivered file");
    }

    /** Per file path: rows, duplicate_rows, late_rows, malformed_total and each malformed kind, read from the JSON. */
    static Map<String, Map<String, Long>> parseManifestFiles() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("generator-manifest.json").toFile());
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (JsonNode file : manifest.get("files")) {
            Map<String, Long> values = new HashMap<>();
            for (JsonNode fields : List.of(file, file.get("malformed_rows"))) {
                fields.fields().forEachRemaining(e -> {
                    if (e.getValue().isIntegralNumber()) {
                        values.put(e.getKey(), e.getValue().asLong());
                    }
                });
            }
            out.put(file.get("path").asText(), values);
        }
        return out;
    }

    @Test
    void malformedRowsCarryExactlyOneDefectAndFreshIds() {
        Set<String> wellFormedIds = rows.stream().filter(r -> r.malformed() == null).map(r -> r.f().get("record_id"))
                .collect(Collectors.toSet());
        Set<String> malformedIds = new HashSet<>();
        long malformed = 0;
        long wellFormed = 0;
        for (Row r : rows) {
            if (r.malformed() == null) {
                wellFormed++;
                continue;
            }
            malformed++;
            assertEquals(1, r.defects(), "exactly one defect in " + r.file().path() + " line " + r.line());
            String id = r.f().getOrDefault("record_id", "");
            if (!id.isEmpty()) {
                assertFalse(wellFormedIds.contains(id), "malformed row reuses a record id: " + id);
                assertTrue(malformedIds.add(id), "malformed row ids are unique");
            }
            assertTrue(r.file().redeliveryOf() == null, "no malformed rows in re-delivered files");
        }
        double share = malformed / (double) (malformed + wellFormed);
        assertTrue(share > 0.003 && share < 0.03, "malformed share near the 1 % configured: " + share);
    }

    @Test
    void lateRecordsAreDatedOnThePreviousDay() {
        long late = 0;
        for (Row r : rows) {
            if (r.malformed() != null || r.duplicate()) {
                continue;
            }
            String time = r.f().get(r.file().dataset() == GeneratedDataset.VOICE ? "start_time" : "send_time");
            LocalDate eventDay = OffsetDateTime.parse(time).atZoneSameInstant(ZONE).toLocalDate();
            if (r.late()) {
                late++;
                assertEquals(r.file().landingDay().minusDays(1), eventDay, "late record dated the day before its folder");
            } else {
                assertEquals(r.file().landingDay(), eventDay, "on-time record dated its folder's day");
            }
        }
        assertTrue(late > 0);
    }

    @Test
    void reDeliveredFilesRepeatEarlierRecordsOnly() {
        List<FileReport> copies = result.files().stream().filter(f -> f.redeliveryOf() != null).toList();
        assertFalse(copies.isEmpty());
        for (FileReport f : copies) {
            assertEquals(f.rows(), f.duplicateRows());
            FileReport original = result.files().stream().filter(o -> o.path().equals(f.redeliveryOf())).findFirst()
                    .orElseThrow();
            assertEquals(original.landingDay().plusDays(1), f.landingDay());
            assertNotEquals(original.path().substring(original.path().lastIndexOf('/')),
                    f.path().substring(f.path().lastIndexOf('/')), "another file name");
        }
    }

    @Test
    void sameSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot() throws IOException {
        Path a = tmp.resolve("det-a");
        Path b = tmp.resolve("det-b");
        Path c = tmp.resolve("det-c");
        new LandingZoneGenerator(GeneratorSettings.of(a, 200, 2, 99L)).execute();
        new LandingZoneGenerator(GeneratorSettings.of(b, 200, 2, 99L)).execute();
        new LandingZoneGenerator(GeneratorSettings.of(c, 200, 2, 100L)).execute();
        List<Path> filesA = listFiles(a);
        List<Path> filesB = listFiles(b);
        assertEquals(filesA, filesB);
        assertTrue(filesA.size() > 10);
        boolean anyDifferent = false;
        for (Path rel : filesA) {
            assertArrayEquals(Files.readAllBytes(a.resolve(rel)), Files.readAllBytes(b.resolve(rel)), rel.toString());
            Path other = c.resolve(rel);
            if (!Files.exists(other) || !java.util.Arrays.equals(Files.readAllBytes(a.resolve(rel)), Files.readAllBytes(other))) {
                anyDifferent = true;
            }
        }
        assertTrue(anyDifferent, "another seed gives other data");
    }

    static List<Path> listFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ truth

    @Test
    void truthListsEveryPatternAndEveryLegitimateKind() throws IOException {
        List<List<String>> truth = Rfc4180.read(out.resolve("truth.csv"));
        assertEquals(List.of("entity_type", "entity_id", "label", "pattern", "kind", "police_notified"), truth.get(0));
        Set<String> patterns = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        Set<String> keys = new HashSet<>();
        boolean policeTrue = false;
        for (List<String> t : truth.subList(1, truth.size())) {
            assertEquals(6, t.size());
            assertTrue(Set.of("NUMBER", "TRUNK", "DEVICE", "PORT_CUSTOMER").contains(t.get(0)), t.toString());
            assertTrue(keys.add(t.get(0) + "|" + t.get(1)), "one row per entity: " + t);
            if (t.get(2).equals("FRAUD")) {
                assertFalse(t.get(3).isEmpty());
                assertTrue(t.get(4).isEmpty());
                patterns.add(t.get(3));
            } else {
                assertEquals("LEGITIMATE", t.get(2));
                assertTrue(t.get(3).isEmpty());
                kinds.add(t.get(4));
            }
            assertTrue(Set.of("true", "false").contains(t.get(5)));
            policeTrue |= t.get(5).equals("true");
            if (t.get(0).equals("NUMBER")) {
                assertTrue(t.get(1).startsWith("+"), "E.164 entity id " + t.get(1));
            }
            if (t.get(0).equals("DEVICE")) {
                assertTrue(Numbers.luhnValid(t.get(1)) && t.get(1).length() == 15, t.get(1));
            }
        }
        assertEquals(Set.of("BULK_CALLING", "WANGIRI", "SIMBOX", "NUMBER_SCANNING", "SPOOFED_CLI", "SPAM_SMS",
                "FRAUD_RING"), patterns);
        assertEquals(Set.of("COURIER", "RIDE_HAIL_DRIVER", "SHOP", "TELEMARKETER", "BANK_CALL_CENTRE",
                "COURIER_PLATFORM", "OTP_PORT", "PARCEL_PORT", "ROAMER", "SPOOFED_VICTIM", "LINK_FORWARDER",
                "DUAL_SIM_PHONE", "NOTIFICATION_PORT", "INTERCONNECT_TRUNK"), kinds);
        assertTrue(policeTrue, "some fraud numbers notified by police");
        // police-notified numbers appear in police/*.csv
        Set<String> policeNumbers = new HashSet<>();
        for (FileReport f : result.files()) {
            if (f.dataset() == GeneratedDataset.POLICE) {
                for (List<String> p : Rfc4180.read(out.resolve(f.path())).subList(1, (int) f.rows() + 1)) {
                    policeNumbers.add(e164(p.get(0)));
                }
            }
        }
        for (List<String> t : truth.subList(1, truth.size())) {
            assertEquals(t.get(5).equals("true"), policeNumbers.contains(t.get(1)), "police flag of " + t.get(1));
        }
    }

    /**
     * Spam campaigns and forwarders share links across numbers: a link sent by several SPAM_SMS
     * numbers each sending only a few dozen messages (a split campaign), and a link sent only by
     * legitimate forwarders. Read from the files, as the product would.
     */
    @Test
    void splitCampaignsAndForwardersShareLinksAcrossNumbers() throws IOException {
        Map<String, String> labelOf = new HashMap<>();
        List<List<String>> truth = Rfc4180.read(out.resolve("truth.csv"));
        for (List<String> t : truth.subList(1, truth.size())) {
            labelOf.put(t.get(1), t.get(2).equals("FRAUD") ? t.get(3) : t.get(4));
        }
        Pattern link = Pattern.compile("(t\\.cn|dwz\\.cn|url\\.cn|v\\.gd|s\\.sq8\\.cc|k2\\.lnk\\.to)/[A-Za-z0-9]{6}");
        Map<String, Set<String>> sendersOf = new HashMap<>();
        Map<String, Set<String>> recipientsOf = new HashMap<>();
        for (Row r : rows) {
            if (r.file().dataset() != GeneratedDataset.SMS || r.malformed() != null || r.duplicate() || !r.f().get("record_type").equals("MO")) {
                continue;
            }
            String sender = e164(r.f().get("sender"));
            recipientsOf.computeIfAbsent(sender, k -> new HashSet<>()).add(r.f().get("recipient"));
            Matcher m = link.matcher(r.f().get("content"));
            if (m.find()) {
                sendersOf.computeIfAbsent(m.group(), k -> new HashSet<>()).add(sender);
            }
        }
        boolean splitCampaign = false;
        boolean forwarded = false;
        for (Set<String> senders : sendersOf.values()) {
            Set<String> labels = new HashSet<>();
            senders.forEach(sender -> labels.add(labelOf.getOrDefault(sender, "ORDINARY")));
            long small = senders.stream().filter(sender -> recipientsOf.get(sender).size() < 50).count();
            splitCampaign |= labels.equals(Set.of("SPAM_SMS")) && small >= 5;
            forwarded |= labels.equals(Set.of("LINK_FORWARDER")) && senders.size() >= 3;
        }
        assertTrue(splitCampaign, "a link sent by 5+ SPAM_SMS numbers with under 50 recipients each: " + sendersOf);
        assertTrue(forwarded, "a link sent by 3+ forwarders only: " + sendersOf);
    }

    /**
     * A bulk-calling room passes a handset from one of its SIMs to another: truth labels that device
     * as fraud, and the files show it carrying the calls of two or more bulk callers and nobody else.
     */
    @Test
    void handsetsPassedBetweenBulkCallersAreLabelledFraudDevices() throws IOException {
        Map<String, String> labelOf = new HashMap<>();
        Set<String> devices = new HashSet<>();
        List<List<String>> truth = Rfc4180.read(out.resolve("truth.csv"));
        for (List<String> t : truth.subList(1, truth.size())) {
            labelOf.put(t.get(1), t.get(2).equals("FRAUD") ? t.get(3) : t.get(4));
            if (t.get(0).equals("DEVICE") && t.get(3).equals("BULK_CALLING")) {
                devices.add(t.get(1));
            }
        }
        assertFalse(devices.isEmpty(), "the bulk callers of " + SUBSCRIBERS + " subscribers share a handset within " + DAYS + " days");
        Map<String, Set<String>> callersOn = new HashMap<>();
        for (Row r : rows) {
            if (r.file().dataset() == GeneratedDataset.VOICE && r.malformed() == null && !r.duplicate() && r.f().get("record_type").equals("MO")) {
                callersOn.computeIfAbsent(r.f().get("imei"), k -> new HashSet<>()).add(e164(r.f().get("calling_number")));
            }
        }
        for (String device : devices) {
            Set<String> callers = callersOn.getOrDefault(device, Set.of());
            assertTrue(callers.size() >= 2, device + " carried " + callers);
            for (String caller : callers) {
                assertEquals("BULK_CALLING", labelOf.get(caller), device + " carried " + caller);
            }
        }
    }

    // ------------------------------------------------------------------ record semantics

    @Test
    void voiceLegsPairAsTheContractSays() throws IOException {
        Set<String> ours = subscriberNumbers();
        Set<String> trunks = new HashSet<>();
        for (List<String> t : reference("trunks.csv")) {
            trunks.add(t.get(0));
        }
        Map<String, int[]> legs = new HashMap<>(); // key -> {MO to ours, MT, GW}
        int mo = 0;
        int mt = 0;
        int gw = 0;
        for (Row r : rows) {
            if (r.file().dataset() != GeneratedDataset.VOICE || r.malformed() != null || r.duplicate()) {
                continue;
            }
            Map<String, String> f = r.f();
            String type = f.get("record_type");
            // a served subscriber has a SIM and a device; its cell id is empty over Wi-Fi (Realism#wifiCallingShare)
            boolean served = !f.get("imsi").isEmpty() && !f.get("imei").isEmpty();
            boolean noServed = f.get("imsi").isEmpty() && f.get("imei").isEmpty() && f.get("cell_id").isEmpty();
            String caller = e164(f.get("calling_number"));
            String callee = e164(f.get("called_number"));
            String key = f.get("start_time") + "|" + caller + "|" + callee;
            if (f.get("answered").equals("0")) {
                assertEquals("0", f.get("duration_s"), "unanswered calls have no conversation time");
            } else {
                assertEquals("16", f.get("release_cause"));
            }
            switch (type) {
                case "MO" -> {
                    mo++;
                    assertTrue(served && f.get("trunk_in").isEmpty(), "MO has served subscriber, no trunk");
                    assertTrue(ours.contains(caller), "MO caller is ours: " + f);
                    if (ours.contains(callee) && !f.get("release_cause").equals("1")) {
                        legs.computeIfAbsent(key, k -> new int[3])[0]++;
                    }
                }
                case "MT" -> {
                    mt++;
                    assertTrue(served && f.get("trunk_in").isEmpty(), "MT has served subscriber, no trunk");
                    assertTrue(ours.contains(callee), "MT callee is ours: " + f);
                    legs.computeIfAbsent(key, k -> new int[3])[1]++;
                }
                case "GW" -> {
                    gw++;
                    assertTrue(noServed, "GW has no served subscriber");
                    assertTrue(trunks.contains(f.get("trunk_in")), "GW trunk is known: " + f.get("trunk_in"));
                    assertTrue(ours.contains(callee), "GW terminates at our subscriber");
                    legs.computeIfAbsent(key, k -> new int[3])[2]++;
                }
                default -> throw new AssertionError(type);
            }
        }
        assertTrue(mo > 0 && mt > 0 && gw > 0);
        int pairs = 0;
        for (Map.Entry<String, int[]> e : legs.entrySet()) {
            int[] c = e.getValue();
            assertEquals(c[0] + c[2], c[1], "MT legs match MO (on-net) + GW legs for " + e.getKey());
            pairs += c[1];
        }
        assertTrue(pairs > 1000);
    }

    @Test
    void smsRecordsFollowTheContract() throws IOException {
        Set<String> ours = subscriberNumbers();
        Set<String> types = new HashSet<>();
        boolean quotedContent = false;
        for (Row r : rows) {
            if (r.file().dataset() != GeneratedDataset.SMS || r.malformed() != null) {
                continue;
            }
            Map<String, String> f = r.f();
            types.add(f.get("record_type"));
            assertTrue(Integer.parseInt(f.get("segments")) >= 1);
            switch (f.get("record_type")) {
                case "PORT" -> {
                    assertTrue(f.get("imsi").isEmpty() && f.get("imei").isEmpty() && f.get("cell_id").isEmpty());
                    assertFalse(f.get("port_customer").isEmpty());
                    assertTrue(f.get("sender").matches("106[0-9]{8,17}"), f.get("sender"));
                    assertTrue(ours.contains(e164(f.get("recipient"))));
                }
                case "MO" -> {
                    assertFalse(f.get("imsi").isEmpty());
                    assertTrue(f.get("port_customer").isEmpty());
                    assertTrue(ours.contains(e164(f.get("sender"))));
                }
                case "MT" -> {
                    assertFalse(f.get("imsi").isEmpty());
                    assertTrue(ours.contains(e164(f.get("recipient"))));
                }
                default -> throw new AssertionError(f);
            }
            String content = f.get("content");
            quotedContent |= content.contains(",") || content.contains("\"");
        }
        assertEquals(SMS_TYPES, types);
        assertTrue(quotedContent, "some content needs RFC 4180 quoting");
    }

    @Test
    void imeisCarryLuhnDigitsAndImsisAreOurs() {
        int checked = 0;
        for (Row r : rows) {
            if (r.malformed() != null) {
                continue;
            }
            String imei = r.f().get("imei");
            String imsi = r.f().get("imsi");
            if (!imei.isEmpty()) {
                assertEquals(15, imei.length(), imei);
                assertTrue(Numbers.luhnValid(imei), "Luhn check digit of " + imei);
                checked++;
            }
            if (!imsi.isEmpty()) {
                assertTrue(imsi.matches("460(00|02|07)[0-9]{10}"), imsi);
            }
        }
        assertTrue(checked > 1000);
    }

    @Test
    void columnOrderVariesAndOneFileHasAnUnknownColumn() throws IOException {
        Set<List<String>> headers = new HashSet<>();
        boolean extra = false;
        for (FileReport f : result.files()) {
            if (f.dataset() == GeneratedDataset.VOICE) {
                List<String> header = Rfc4180.read(out.resolve(f.path())).get(0);
                headers.add(header);
                extra |= header.contains(LandingZoneGenerator.EXTRA_VOICE_COLUMN);
                assertTrue(header.containsAll(List.of(TrafficSink.VOICE_COLUMNS)));
            }
        }
        assertTrue(headers.size() >= 2, "voice column order differs between days");
        assertTrue(extra, "an unknown extra column");
    }

    @Test
    void referenceSnapshotsArePresent() throws IOException {
        LocalDate day1 = GeneratorSettings.DEFAULT_START_DATE;
        for (String name : List.of("subscribers.csv", "trunks.csv", "allowlist.csv", "roaming.csv", "ported.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(day1.toString()).resolve("reference").resolve(name)), name);
        }
        List<List<String>> subs = reference("subscribers.csv");
        long active = subs.stream().filter(s -> s.get(8).equals("ACTIVE")).count();
        assertTrue(active > SUBSCRIBERS * 0.9);
        Path later = out.resolve(day1.plusDays(DAYS - 1).toString()).resolve("reference").resolve("subscribers.csv");
        assertTrue(Files.isRegularFile(later), "a newer subscriber snapshot");
        assertTrue(Rfc4180.read(later).size() > subs.size() + 1, "newer snapshot lists newly activated SIMs");
        boolean star = reference("allowlist.csv").stream().anyMatch(a -> a.get(0).endsWith("*"));
        assertTrue(star, "an allowlist block");
        boolean authorized = reference("trunks.csv").stream()
                .anyMatch(t -> t.get(1).equals("PRIVATE_LINE") && t.get(3).contains(";"));
        assertTrue(authorized);
    }

    @Test
    void numbersOfEveryKindAreValidForLibphonenumber() throws IOException {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        ShortNumberInfo shortInfo = ShortNumberInfo.getInstance();
        Set<String> ours = subscriberNumbers();
        Set<String> interconnect = new HashSet<>();
        for (List<String> t : reference("trunks.csv")) {
            if (t.get(1).equals("INTERCONNECT")) {
                interconnect.add(t.get(0));
            }
        }
        // caller numbers as switches garble them on interconnect trunks (Realism#garbledCallerShare), seen on the GW
        // row and on its MT row: a small share, and not numbers libphonenumber must accept
        Set<String> garbled = new HashSet<>();
        int garbledCalls = 0;
        int interconnectCalls = 0;
        for (Row r : rows) {
            if (r.malformed() == null && r.file().dataset() == GeneratedDataset.VOICE
                    && r.f().get("record_type").equals("GW") && interconnect.contains(r.f().get("trunk_in"))) {
                interconnectCalls++;
                if (!standardChineseForm(r.f().get("calling_number"))) {
                    garbledCalls++;
                    garbled.add(r.f().get("calling_number"));
                }
            }
        }
        Map<String, Integer> byKind = new TreeMap<>();
        Set<String> distinct = new HashSet<>();
        for (Row r : rows) {
            if (r.malformed() != null || r.file().dataset() != GeneratedDataset.VOICE) {
                continue;
            }
            for (String col : List.of("calling_number", "called_number")) {
                String raw = r.f().get(col);
                if (col.equals("calling_number") && garbled.contains(raw)) {
                    continue;
                }
                if (raw.isEmpty() || !distinct.add(raw) || distinct.size() > 20_000) {
                    continue;
                }
                String kind;
                if (raw.matches("9[56][0-9]{3}") || raw.equals("10086")) {
                    kind = "service";
                    assertTrue(shortInfo.isValidShortNumberForRegion(parse(util, raw), "CN") || raw.equals("10086"), raw);
                } else if (raw.startsWith("0") && !raw.startsWith("00")) {
                    kind = "fixed";
                    assertEquals(PhoneNumberType.FIXED_LINE, util.getNumberType(parse(util, raw)), raw);
                } else {
                    String e164 = e164(raw);
                    PhoneNumber p = parse(util, e164);
                    boolean valid = util.isValidNumber(p);
                    if (e164.startsWith("+86")) {
                        String nsn = e164.substring(3);
                        if (nsn.startsWith("1") && nsn.length() == 11) {
                            kind = nsn.startsWith("170") || nsn.startsWith("171") ? "mobile-mvno" : ours.contains(e164)
                                    ? "mobile-ours" : "mobile-other";
                            if (!ours.contains(e164) && col.equals("called_number") && r.f().get("release_cause").equals("1")) {
                                kind = "unallocated";
                            }
                            assertEquals(PhoneNumberType.MOBILE, util.getNumberType(p), raw);
                        } else {
                            kind = "fixed";
                        }
                    } else {
                        kind = "foreign";
                        assertEquals(PhoneNumberType.MOBILE, util.getNumberType(p), raw);
                    }
                    assertTrue(valid, "valid: " + raw);
                }
                byKind.merge(kind, 1, Integer::sum);
            }
        }
        assertTrue(garbledCalls < interconnectCalls * 0.03, "garbled callers are a small share: " + garbledCalls
                + " of " + interconnectCalls);
        for (String kind : List.of("service", "fixed", "mobile-ours", "mobile-mvno", "mobile-other", "foreign",
                "unallocated")) {
            assertTrue(byKind.getOrDefault(kind, 0) > 0, "numbers of kind " + kind + " in " + byKind);
        }
        // signalled forms: bare, +86, 86, 0086
        Set<String> forms = new HashSet<>();
        for (String raw : distinct) {
            if (raw.matches("1[0-9]{10}")) {
                forms.add("bare");
            } else if (raw.matches("\\+861[0-9]{10}")) {
                forms.add("+86");
            } else if (raw.matches("861[0-9]{10}")) {
                forms.add("86");
            } else if (raw.matches("00861[0-9]{10}")) {
                forms.add("0086");
            }
        }
        assertEquals(Set.of("bare", "+86", "86", "0086"), forms);
        for (String n : ours) {
            assertTrue(util.isValidNumber(parse(util, n)), n);
        }
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.of(tmp, 10, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.of(tmp, 1000, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> GeneratorSettings.builder(tmp).malformedRate(-0.1).build());
        assertThrows(NullPointerException.class, () -> GeneratorSettings.of(null, 1000, 3, 1));
        GeneratorSettings s = GeneratorSettings.of(tmp, 1000, 3, 1);
        assertEquals(LocalDate.of(2026, 11, 1), s.startDate());
        assertEquals(ZoneId.of("Asia/Shanghai"), s.zone());
        assertTrue(s.gzip());
        assertEquals(s, s.toBuilder().build());
    }

    // ------------------------------------------------------------------ helpers

    static PhoneNumber parse(PhoneNumberUtil util, String raw) {
        try {
            return util.parse(raw, "CN");
        } catch (NumberParseException e) {
            throw new AssertionError("unparseable " + raw, e);
        }
    }

    /** Minimal normaliser for tests: as-signalled forms to E.164 (service numbers and ports get +86 too). */
    static String e164(String raw) {
        if (raw.startsWith("+")) {
            return raw;
        }
        if (raw.startsWith("00")) {
            return "+" + raw.substring(2);
        }
        if (raw.startsWith("86") && raw.length() == 13) {
            return "+" + raw;
        }
        if (raw.startsWith("0")) {
            return "+86" + raw.substring(1);
        }
        return "+86" + raw;
    }

    /**
     * A Chinese number in one of the forms switches normally signal: a mobile bare or with +86 / 86 / 0086, a fixed
     * line with trunk prefix 0 or with +86 / 0086.
     */
    static boolean standardChineseForm(String raw) {
        return raw.matches("1[0-9]{10}|\\+861[0-9]{10}|861[0-9]{10}|00861[0-9]{10}|0[1-9][0-9]{9,10}"
                + "|\\+86[1-9][0-9]{9,10}|0086[1-9][0-9]{9,10}");
    }

    static Set<String> subscriberNumbers() throws IOException {
        Set<String> ours = new HashSet<>();
        for (FileReport f : result.files()) {
            if (f.dataset() == GeneratedDataset.SUBSCRIBERS) {
                for (List<String> s : Rfc4180.read(out.resolve(f.path())).subList(1, (int) f.rows() + 1)) {
                    ours.add(e164(s.get(0)));
                }
            }
        }
        return ours;
    }

    static List<List<String>> reference(String name) throws IOException {
        List<List<String>> all = Rfc4180.read(out.resolve(GeneratorSettings.DEFAULT_START_DATE.toString())
                .resolve("reference").resolve(name));
        return all.subList(1, all.size());
    }
}
