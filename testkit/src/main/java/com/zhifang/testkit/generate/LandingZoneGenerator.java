package com.zhifang.testkit.generate;

import com.zhifang.testkit.generate.World.AllowEntry;
import com.zhifang.testkit.generate.World.Feedback;
import com.zhifang.testkit.generate.World.PoliceNotice;
import com.zhifang.testkit.generate.World.Port;
import com.zhifang.testkit.generate.World.PortKind;
import com.zhifang.testkit.generate.World.SimboxSite;
import com.zhifang.testkit.generate.World.Trunk;
import com.zhifang.testkit.generate.World.Wangiri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a deterministic, realistic synthetic landing zone (see {@code landing-format.md}): voice and sms detail
 * records with every abuse pattern and its legitimate look-alikes, complaints, police notices, enforcement feedback
 * and reference snapshots, plus {@code truth.csv} (labelled entities) and {@code generator-manifest.json} (exactly
 * what was written, including injected re-deliveries, late records and malformed rows).
 *
 * <p>The same settings give byte-identical output. Memory stays bounded: records are streamed to their files as they
 * are generated; only the population, one day's late records and complaints are held.
 */
public final class LandingZoneGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(LandingZoneGenerator.class);

    /** Version of the manifest/truth layout written by this class. */
    public static final int FORMAT_VERSION = 1;

    static final String EXTRA_VOICE_COLUMN = "switch_id";

    private final GeneratorSettings settings;

    public LandingZoneGenerator(GeneratorSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    public GeneratorSettings settings() {
        return settings;
    }

    /** Writes the landing zone, {@code truth.csv} and {@code generator-manifest.json}; returns what was written. */
    public GeneratorResult execute() throws IOException {
        long started = System.nanoTime();
        GeneratorSettings cfg = settings;
        Path out = cfg.out();
        Files.createDirectories(out);
        World w = World.build(cfg.subscribers(), cfg.days(), cfg.seed());
        LOG.info("Generating {} subscribers x {} days into {} (seed {})", cfg.subscribers(), cfg.days(), out, cfg.seed());

        int voiceParts = partCount(w.expectedVoiceRowsPerDay(), cfg.maxRowsPerFile());
        int smsParts = partCount(w.expectedSmsRowsPerDay(), cfg.maxRowsPerFile());
        SplittableRandom plan = new SplittableRandom(Numbers.mix(cfg.seed(), 2));
        boolean[][] redeliverVoice = redeliveryPlan(plan, cfg, voiceParts);
        boolean[][] redeliverSms = redeliveryPlan(plan, cfg, smsParts);
        if (cfg.days() >= 2 && cfg.redeliveryRate() > 0 && !any(redeliverVoice) && !any(redeliverSms)) {
            redeliverVoice[0][0] = true;
        }

        List<FileReport> reports = new ArrayList<>();
        List<TrafficSink.Held> lateVoice = List.of();
        List<TrafficSink.Held> lateSms = List.of();
        List<DayTraffic.Complaint> carriedComplaints = List.of();
        List<DayTraffic.Callback> callbacks = List.of();
        for (int d = 0; d < cfg.days(); d++) {
            LocalDate date = cfg.startDate().plusDays(d);
            String landing = date.toString();
            Path dayDir = out.resolve(landing);
            Files.createDirectories(dayDir);
            List<FileReport> dayReports = new ArrayList<>();
            boolean last = d == cfg.days() - 1;
            SplittableRandom faults = new SplittableRandom(Numbers.mix(cfg.seed(), 3, d));

            writeReference(w, d, date, dayDir, landing, dayReports);

            int[][] voiceLayouts = voiceLayouts(d, voiceParts, Math.min(1, cfg.days() - 1));
            int[][] smsLayouts = smsLayouts(d, smsParts);
            TrafficSink voice = new TrafficSink(GeneratedDataset.VOICE, dayDir, landing, date, voiceParts, cfg.gzip(), voiceLayouts,
                    new String[] {EXTRA_VOICE_COLUMN}, redeliverVoice[d], faults.split(), cfg.lateRate(), cfg.duplicateRate(),
                    cfg.malformedRate(), !last);
            TrafficSink sms = new TrafficSink(GeneratedDataset.SMS, dayDir, landing, date, smsParts, cfg.gzip(), smsLayouts,
                    new String[] {"smsc_address"}, redeliverSms[d], faults.split(), cfg.lateRate(), cfg.duplicateRate(),
                    cfg.malformedRate(), !last);
            DayTraffic traffic;
            try (voice; sms) {
                voice.writeLate(lateVoice);
                sms.writeLate(lateSms);
                traffic = new DayTraffic(w, d, date, cfg.zone(), cfg.seed(), voice, sms, last);
                traffic.run(callbacks);
            }
            dayReports.addAll(voice.reports(date));
            dayReports.addAll(sms.reports(date));
            lateVoice = voice.heldForNextDay();
            lateSms = sms.heldForNextDay();
            callbacks = traffic.callbacksNextDay;

            if (d > 0) {
                redeliver(out, cfg, d, date, GeneratedDataset.VOICE, redeliverVoice[d - 1], dayReports, reports);
                redeliver(out, cfg, d, date, GeneratedDataset.SMS, redeliverSms[d - 1], dayReports, reports);
            }

            List<DayTraffic.Complaint> complaints = new ArrayList<>(carriedComplaints);
            complaints.addAll(traffic.complaints);
            complaints.sort(Comparator.comparingInt(DayTraffic.Complaint::second));
            carriedComplaints = traffic.complaintsNextDay;
            if (!complaints.isEmpty()) {
                Path file = dayDir.resolve("complaints").resolve("complaints-" + compact(date) + ".csv");
                try (CsvFile csv = new CsvFile(file, false)) {
                    csv.header(new String[] {"reported_number", "reported_at", "category", "channel", "reporter_hash"});
                    for (DayTraffic.Complaint c : complaints) {
                        csv.row(new String[] {c.number(), traffic.ts(c.second()), c.category(), c.channel(), c.reporterHash()});
                    }
                    csv.close();
                    dayReports.add(simpleReport(out, file, GeneratedDataset.COMPLAINTS, date, csv.rows()));
                }
            }
            writePolice(w, d, date, dayDir, out, dayReports);
            writeFeedback(w, d, date, dayDir, out, dayReports);

            dayReports.sort(Comparator.comparing(FileReport::path));
            reports.addAll(dayReports);
            LOG.info("Day {} written: {} voice rows, {} sms rows, {} complaints", landing, voice.written(), sms.written(),
                    complaints.size());
        }

        Path truthFile = out.resolve("truth.csv");
        int truthRows = writeTruth(w, truthFile);
        Map<GeneratedDataset, DatasetTotals> totals = totals(reports);
        Path manifestFile = out.resolve("generator-manifest.json");
        Manifest.write(manifestFile, cfg, reports, totals, truthRows);
        GeneratorResult result = new GeneratorResult(out, reports, totals, truthRows, truthFile, manifestFile);
        LOG.info("Landing zone complete: {} rows in {} files ({} duplicates, {} malformed, {} late) in {} ms",
                result.totalRows(), reports.size(), result.duplicateRows(), result.malformedRows(), result.lateRows(),
                (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    // ------------------------------------------------------------------ plans

    private static int partCount(double estimatedRowsPerDay, int maxRowsPerFile) {
        return Math.max(3, (int) Math.ceil(estimatedRowsPerDay / (maxRowsPerFile * 0.75)));
    }

    private static boolean[][] redeliveryPlan(SplittableRandom r, GeneratorSettings cfg, int parts) {
        boolean[][] plan = new boolean[cfg.days()][parts];
        for (int d = 0; d + 1 < cfg.days(); d++) {
            for (int p = 0; p < parts; p++) {
                plan[d][p] = r.nextDouble() < cfg.redeliveryRate();
            }
        }
        return plan;
    }

    private static boolean any(boolean[][] plan) {
        for (boolean[] day : plan) {
            for (boolean b : day) {
                if (b) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Voice column order varies a little from day to day; one file carries an unknown extra column. */
    private static int[][] voiceLayouts(int day, int parts, int extraColumnDay) {
        int width = TrafficSink.VOICE_COLUMNS.length;
        int[] order = new int[width];
        for (int i = 0; i < width; i++) {
            order[i] = i;
        }
        SplittableRandom r = new SplittableRandom(Numbers.mix(day, 0xC01L));
        if (day > 0 && (day == 1 || r.nextInt(100) < 60)) {
            int swaps = 2 + r.nextInt(2);
            for (int k = 0; k < swaps; k++) {
                int a = 1 + r.nextInt(width - 1);
                int b = 1 + r.nextInt(width - 1);
                int t = order[a];
                order[a] = order[b];
                order[b] = t;
            }
        }
        int[][] layouts = new int[parts][];
        for (int p = 0; p < parts; p++) {
            layouts[p] = order.clone();
        }
        if (day == extraColumnDay) {
            int[] extra = new int[width + 1];
            int at = 6;
            for (int i = 0, j = 0; i < extra.length; i++) {
                extra[i] = i == at ? -1 : order[j++];
            }
            layouts[parts - 1] = extra;
        }
        return layouts;
    }

    private static int[][] smsLayouts(int day, int parts) {
        int width = TrafficSink.SMS_COLUMNS.length;
        int[] order = new int[width];
        for (int i = 0; i < width; i++) {
            order[i] = i;
        }
        if (day % 3 == 2) {
            // content first after the id on some days
            order = new int[] {0, 1, 2, 3, 4, 11, 9, 10, 8, 5, 6, 7};
        }
        int[][] layouts = new int[parts][];
        for (int p = 0; p < parts; p++) {
            layouts[p] = order.clone();
        }
        return layouts;
    }

    private static void redeliver(Path out, GeneratorSettings cfg, int d, LocalDate date, GeneratedDataset dataset,
            boolean[] plan, List<FileReport> dayReports, List<FileReport> earlier) throws IOException {
        LocalDate previous = date.minusDays(1);
        for (int p = 0; p < plan.length; p++) {
            if (!plan[p]) {
                continue;
            }
            String name = TrafficSink.partName(p, cfg.gzip());
            String originalPath = previous + "/" + dataset.folder() + "/" + name;
            FileReport original = null;
            for (FileReport f : earlier) {
                if (f.path().equals(originalPath)) {
                    original = f;
                }
            }
            if (original == null) {
                throw new IllegalStateException("re-delivery of unknown file " + originalPath);
            }
            if (original.malformedTotal() != 0) {
                throw new IllegalStateException("re-delivered file has malformed rows: " + originalPath);
            }
            String copyName = "redelivery-" + compact(previous) + "-" + name;
            Path target = out.resolve(date.toString()).resolve(dataset.folder()).resolve(copyName);
            Files.copy(out.resolve(originalPath), target);
            dayReports.add(new FileReport(date + "/" + dataset.folder() + "/" + copyName, dataset, date, original.rows(),
                    original.rows(), Map.of(), 0, originalPath));
        }
    }

    // ------------------------------------------------------------------ reference, police, feedback

    private void writeReference(World w, int d, LocalDate date, Path dayDir, String landing, List<FileReport> reports)
            throws IOException {
        Path out = settings.out();
        Path ref = dayDir.resolve("reference");
        boolean subscriberSnapshot = false;
        for (int s : w.subscriberSnapshotDays) {
            subscriberSnapshot |= s == d;
        }
        if (subscriberSnapshot) {
            Path file = ref.resolve("subscribers.csv");
            try (CsvFile csv = new CsvFile(file, false)) {
                csv.header(new String[] {"msisdn", "imsi", "activated_on", "plan", "customer_type", "id_hash",
                        "real_name_verified", "reseller_id", "status"});
                for (Sub s : w.subs) {
                    if (s.activationDay > d) {
                        continue;
                    }
                    String status = s.policeDay < d ? "SUSPENDED" : s.status;
                    csv.row(new String[] {Long.toString(s.msisdn), s.imsi,
                            settings.startDate().plusDays(s.activationDay).toString(), s.prepaid ? "PREPAID" : "POSTPAID",
                            s.enterprise ? "ENTERPRISE" : "PERSONAL", Numbers.hash16(w.salt, s.personId),
                            s.realNameVerified ? "1" : "0", s.reseller, status});
                }
                csv.close();
                reports.add(simpleReport(out, file, GeneratedDataset.SUBSCRIBERS, date, csv.rows()));
            }
        }
        if (d == 0) {
            Path file = ref.resolve("trunks.csv");
            try (CsvFile csv = new CsvFile(file, false)) {
                csv.header(new String[] {"trunk_id", "trunk_type", "owner", "authorized_cli"});
                List<Trunk> all = new ArrayList<>();
                all.addAll(w.international);
                all.addAll(w.spoofInternational);
                all.addAll(w.interconnect);
                all.addAll(w.privateLines);
                for (Trunk t : all) {
                    csv.row(new String[] {t.id, t.type.name(), t.owner, t.authorizedCliField()});
                }
                csv.close();
                reports.add(simpleReport(out, file, GeneratedDataset.TRUNKS, date, csv.rows()));
            }
            file = ref.resolve("allowlist.csv");
            try (CsvFile csv = new CsvFile(file, false)) {
                csv.header(new String[] {"number", "owner", "category", "valid_until"});
                for (AllowEntry a : w.allowlist) {
                    csv.row(new String[] {a.number, a.owner, a.category, a.validUntil});
                }
                csv.close();
                reports.add(simpleReport(out, file, GeneratedDataset.ALLOWLIST, date, csv.rows()));
            }
        }
        if (w.roamingSnapshot[d]) {
            Path file = ref.resolve("roaming.csv");
            try (CsvFile csv = new CsvFile(file, false)) {
                csv.header(new String[] {"msisdn", "visited_country", "since"});
                for (Sub s : w.subs) {
                    if (s.abroadOn(d)) {
                        csv.row(new String[] {Long.toString(s.msisdn), s.roamCountry,
                                settings.startDate().plusDays(s.roamFrom).toString()});
                    }
                }
                csv.close();
                reports.add(simpleReport(out, file, GeneratedDataset.ROAMING, date, csv.rows()));
            }
        }
    }

    private static void writePolice(World w, int d, LocalDate date, Path dayDir, Path out, List<FileReport> reports)
            throws IOException {
        List<PoliceNotice> today = new ArrayList<>();
        for (PoliceNotice p : w.police) {
            if (p.day == d) {
                today.add(p);
            }
        }
        if (today.isEmpty()) {
            return;
        }
        Path file = dayDir.resolve("police").resolve("police-" + compact(date) + ".csv");
        try (CsvFile csv = new CsvFile(file, false)) {
            csv.header(new String[] {"number", "notified_on", "case_ref"});
            int k = 0;
            for (PoliceNotice p : today) {
                String number = (k++ % 3 == 2) ? "+86" + p.msisdn : Long.toString(p.msisdn);
                csv.row(new String[] {number, date.toString(), p.caseRef});
            }
            csv.close();
            reports.add(simpleReport(out, file, GeneratedDataset.POLICE, date, csv.rows()));
        }
    }

    private static void writeFeedback(World w, int d, LocalDate date, Path dayDir, Path out, List<FileReport> reports)
            throws IOException {
        List<Feedback> today = new ArrayList<>();
        for (Feedback f : w.feedback) {
            if (f.day == d) {
                today.add(f);
            }
        }
        if (today.isEmpty()) {
            return;
        }
        Path file = dayDir.resolve("feedback").resolve("feedback-" + compact(date) + ".csv");
        try (CsvFile csv = new CsvFile(file, false)) {
            csv.header(new String[] {"entity_type", "entity_id", "decided_on", "outcome", "note"});
            for (Feedback f : today) {
                csv.row(new String[] {f.entityType, f.entityId, date.toString(), f.outcome, f.note});
            }
            csv.close();
            reports.add(simpleReport(out, file, GeneratedDataset.FEEDBACK, date, csv.rows()));
        }
    }

    private static FileReport simpleReport(Path out, Path file, GeneratedDataset dataset, LocalDate date, long rows) {
        String rel = out.relativize(file).toString().replace('\\', '/');
        return new FileReport(rel, dataset, date, rows, 0, Map.of(), 0, null);
    }

    private static String compact(LocalDate date) {
        return date.toString().replace("-", "");
    }

    // ------------------------------------------------------------------ truth

    /** One labelled entity of truth.csv. */
    record TruthRow(String entityType, String entityId, String label, String pattern, String kind, boolean police) {
    }

    static List<TruthRow> truth(World w) {
        List<TruthRow> rows = new ArrayList<>();
        for (Sub s : w.subs) {
            String id = Numbers.e164(s.msisdn);
            boolean police = s.policeDay != Integer.MAX_VALUE;
            switch (s.role) {
                case BULK_CALLER -> rows.add(fraud("NUMBER", id, "BULK_CALLING", police));
                case SIMBOX_SIM -> rows.add(fraud("NUMBER", id, "SIMBOX", police));
                case SCANNER -> rows.add(fraud("NUMBER", id, "NUMBER_SCANNING", police));
                case SPAM_SIM -> rows.add(fraud("NUMBER", id, "SPAM_SMS", police));
                case RING_MEMBER -> rows.add(fraud("NUMBER", id, "FRAUD_RING", police));
                case COURIER -> rows.add(legit("NUMBER", id, "COURIER"));
                case RIDE_HAIL_DRIVER -> rows.add(legit("NUMBER", id, "RIDE_HAIL_DRIVER"));
                case SHOP -> rows.add(legit("NUMBER", id, "SHOP"));
                case TELEMARKETER -> rows.add(legit("NUMBER", id, "TELEMARKETER"));
                default -> {
                    if (s.calledFromAbroad) {
                        rows.add(legit("NUMBER", id, "ROAMER"));
                    } else if (s.spoofVictim) {
                        rows.add(legit("NUMBER", id, "SPOOFED_VICTIM"));
                    } else if (s.linkForwarder) {
                        rows.add(legit("NUMBER", id, "LINK_FORWARDER"));
                    }
                }
            }
        }
        for (long ext : w.externalSpoofVictims) {
            rows.add(legit("NUMBER", Numbers.e164(ext), "SPOOFED_VICTIM"));
        }
        for (SimboxSite site : w.simboxSites) {
            for (String imei : site.imeis) {
                rows.add(fraud("DEVICE", imei, "SIMBOX", false));
            }
        }
        for (String imei : w.bulkCallerSharedDevices()) {
            rows.add(fraud("DEVICE", imei, "BULK_CALLING", false));
        }
        for (Wangiri wg : w.wangiri) {
            rows.add(fraud("NUMBER", wg.e164, "WANGIRI", false));
        }
        for (Trunk t : w.spoofInternational) {
            rows.add(fraud("TRUNK", t.id, "SPOOFED_CLI", false));
        }
        for (Trunk t : w.privateLines) {
            if (t.spoofing) {
                rows.add(fraud("TRUNK", t.id, "SPOOFED_CLI", false));
            } else {
                rows.add(legit("TRUNK", t.id, t.legitKind));
                rows.add(legit("NUMBER", "+86" + t.serviceNumber, t.legitKind));
            }
        }
        for (Port p : w.ports) {
            if (p.kind == PortKind.SPAM) {
                rows.add(fraud("PORT_CUSTOMER", p.customerId, "SPAM_SMS", false));
            } else {
                rows.add(legit("PORT_CUSTOMER", p.customerId, p.kind.name()));
            }
        }
        return rows;
    }

    private static TruthRow fraud(String type, String id, String pattern, boolean police) {
        return new TruthRow(type, id, "FRAUD", pattern, "", police);
    }

    private static TruthRow legit(String type, String id, String kind) {
        return new TruthRow(type, id, "LEGITIMATE", "", kind, false);
    }

    private static int writeTruth(World w, Path file) throws IOException {
        List<TruthRow> rows = truth(w);
        rows.sort(Comparator.comparing(TruthRow::label).thenComparing(TruthRow::pattern).thenComparing(TruthRow::kind)
                .thenComparing(TruthRow::entityType).thenComparing(TruthRow::entityId));
        try (CsvFile csv = new CsvFile(file, false)) {
            csv.header(new String[] {"entity_type", "entity_id", "label", "pattern", "kind", "police_notified"});
            for (TruthRow t : rows) {
                csv.row(new String[] {t.entityType(), t.entityId(), t.label(), t.pattern(), t.kind(),
                        Boolean.toString(t.police())});
            }
        }
        return rows.size();
    }

    // ------------------------------------------------------------------ manifest

    private static Map<GeneratedDataset, DatasetTotals> totals(List<FileReport> reports) {
        Map<GeneratedDataset, DatasetTotals> totals = new EnumMap<>(GeneratedDataset.class);
        for (GeneratedDataset ds : GeneratedDataset.values()) {
            int files = 0;
            long rows = 0;
            long dups = 0;
            long late = 0;
            Map<MalformedKind, Long> malformed = new EnumMap<>(MalformedKind.class);
            for (FileReport f : reports) {
                if (f.dataset() != ds) {
                    continue;
                }
                files++;
                rows += f.rows();
                dups += f.duplicateRows();
                late += f.lateRows();
                for (Map.Entry<MalformedKind, Long> e : f.malformedRows().entrySet()) {
                    malformed.merge(e.getKey(), e.getValue(), Long::sum);
                }
            }
            if (files > 0) {
                totals.put(ds, new DatasetTotals(ds, files, rows, dups, malformed, late));
            }
        }
        return Collections.unmodifiableMap(totals);
    }
}
