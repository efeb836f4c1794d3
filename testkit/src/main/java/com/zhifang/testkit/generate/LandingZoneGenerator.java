package com.zhifang.testkit.generate;

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
 * <p>Who is in the world and what each does is the registered actors' business ({@link Actors}); this class runs the
 * days (each subscriber's own day, then each actor's), injects the faults of real mediation ({@link TrafficSink},
 * re-delivered files) and writes the files.
 *
 * <p>The same settings give byte-identical output. Memory stays bounded: records are streamed to their files as they
 * are generated; only the population, one day's late records and complaints are held.
 */
public final class LandingZoneGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(LandingZoneGenerator.class);

    /** Version of the manifest/truth layout written by this class. */
    public static final int FORMAT_VERSION = 1;

    static final String EXTRA_VOICE_COLUMN = "switch_id";

    /** Random stream of the subscribers' own days, keyed by subscriber ({@link DayContext#random}). */
    private static final int SUBSCRIBER_STREAM = 1;

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
        return run().result();
    }

    /** What {@link #execute()} wrote, and the world it simulated (the actors and their members). */
    record Run(World world, GeneratorResult result) {
    }

    Run run() throws IOException {
        long started = System.nanoTime();
        GeneratorSettings cfg = settings;
        Path out = cfg.out();
        Files.createDirectories(out);
        World w = World.build(cfg.subscribers(), cfg.days(), cfg.seed(), cfg.realism());
        LOG.info("Generating {} subscribers x {} days into {} (seed {})", cfg.subscribers(), cfg.days(), out, cfg.seed());

        int voiceParts = partCount(w.expectedVoiceRowsPerDay, cfg.maxRowsPerFile());
        int smsParts = partCount(w.expectedSmsRowsPerDay, cfg.maxRowsPerFile());
        SplittableRandom plan = new SplittableRandom(Numbers.mix(cfg.seed(), 2));
        boolean[][] redeliverVoice = redeliveryPlan(plan, cfg, voiceParts);
        boolean[][] redeliverSms = redeliveryPlan(plan, cfg, smsParts);
        if (cfg.days() >= 2 && cfg.redeliveryRate() > 0 && !any(redeliverVoice) && !any(redeliverSms)) {
            redeliverVoice[0][0] = true;
        }

        PlainDayFiles plain = new PlainDayFiles(w, out, cfg.startDate());
        List<FileReport> reports = new ArrayList<>();
        List<TrafficSink.Held> lateVoice = List.of();
        List<TrafficSink.Held> lateSms = List.of();
        List<DayContext.Complaint> carriedComplaints = List.of();
        for (int d = 0; d < cfg.days(); d++) {
            LocalDate date = cfg.startDate().plusDays(d);
            String landing = date.toString();
            Path dayDir = out.resolve(landing);
            Files.createDirectories(dayDir);
            List<FileReport> dayReports = new ArrayList<>();
            boolean last = d == cfg.days() - 1;
            SplittableRandom faults = new SplittableRandom(Numbers.mix(cfg.seed(), 3, d));

            plain.writeReference(d, date, dayDir, dayReports);

            int[][] voiceLayouts = voiceLayouts(d, voiceParts, Math.min(1, cfg.days() - 1));
            int[][] smsLayouts = smsLayouts(d, smsParts);
            TrafficSink voice = new TrafficSink(GeneratedDataset.VOICE, dayDir, landing, date, voiceParts, cfg.gzip(),
                    voiceLayouts, new String[] {EXTRA_VOICE_COLUMN}, redeliverVoice[d], faults.split(), cfg.lateRate(),
                    cfg.duplicateRate(), cfg.malformedRate(), !last);
            TrafficSink sms = new TrafficSink(GeneratedDataset.SMS, dayDir, landing, date, smsParts, cfg.gzip(),
                    smsLayouts, new String[] {"smsc_address"}, redeliverSms[d], faults.split(), cfg.lateRate(),
                    cfg.duplicateRate(), cfg.malformedRate(), !last);
            DayContext day;
            try (voice; sms) {
                voice.writeLate(lateVoice);
                sms.writeLate(lateSms);
                day = new DayContext(w, d, date, cfg.zone(), cfg.seed(), voice, sms, last);
                emitTraffic(w, day);
            }
            dayReports.addAll(voice.reports(date));
            dayReports.addAll(sms.reports(date));
            lateVoice = voice.heldForNextDay();
            lateSms = sms.heldForNextDay();

            if (d > 0) {
                redeliver(out, cfg, d, date, GeneratedDataset.VOICE, redeliverVoice[d - 1], dayReports, reports);
                redeliver(out, cfg, d, date, GeneratedDataset.SMS, redeliverSms[d - 1], dayReports, reports);
            }

            List<DayContext.Complaint> complaints = new ArrayList<>(carriedComplaints);
            complaints.addAll(day.complaints);
            complaints.sort(Comparator.comparingInt(DayContext.Complaint::second));
            carriedComplaints = day.complaintsNextDay;
            plain.writeComplaints(complaints, day, date, dayDir, dayReports);
            plain.writePolice(d, date, dayDir, dayReports);
            plain.writeFeedback(d, date, dayDir, dayReports);
            plain.writeSuspensions(d, day, date, dayDir, dayReports);

            dayReports.sort(Comparator.comparing(FileReport::path));
            reports.addAll(dayReports);
            LOG.info("Day {} written: {} voice rows, {} sms rows, {} complaints", landing, voice.written(),
                    sms.written(), complaints.size());
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
        return new Run(w, result);
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
            String copyName = "redelivery-" + PlainDayFiles.compact(previous) + "-" + name;
            Path target = out.resolve(date.toString()).resolve(dataset.folder()).resolve(copyName);
            Files.copy(out.resolve(originalPath), target);
            dayReports.add(new FileReport(date + "/" + dataset.folder() + "/" + copyName, dataset, date, original.rows(),
                    original.rows(), Map.of(), 0, originalPath));
        }
    }

    // ------------------------------------------------------------------ traffic and truth

    /**
     * One day's traffic: every subscriber's own day, in subscriber order (its role's, or an ordinary one), then each
     * actor's, in registry order. This order numbers the records and drives the injected faults.
     */
    private static void emitTraffic(World w, DayContext day) throws IOException {
        for (Sub s : w.subs) {
            SplittableRandom r = day.random(SUBSCRIBER_STREAM, s.idx);
            if (s.ordinary()) {
                OrdinaryLife.live(s, day, r, 1.0);
            } else {
                s.role.emitFor(s, day, r);
            }
        }
        for (Actor actor : w.actors) {
            actor.emitDay(day);
        }
    }

    /** Every actor's truth rows, sorted by label, pattern, kind, entity type and id. */
    private static int writeTruth(World w, Path file) throws IOException {
        List<TruthRow> rows = new ArrayList<>();
        for (Actor actor : w.actors) {
            rows.addAll(actor.truth(w));
        }
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
