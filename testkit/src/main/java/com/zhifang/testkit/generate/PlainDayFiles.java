package com.zhifang.testkit.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The plain (uncompressed, fault-free) CSV files of a landing day: reference snapshots, complaints, police notices and
 * enforcement feedback. Each is reported with its row count.
 */
final class PlainDayFiles {

    /** Writes the rows of one file. */
    private interface Rows {
        void write(CsvFile csv) throws IOException;
    }

    private final World world;
    private final Path out;
    private final LocalDate startDate;

    PlainDayFiles(World world, Path out, LocalDate startDate) {
        this.world = world;
        this.out = out;
        this.startDate = startDate;
    }

    /**
     * subscribers.csv on snapshot days, trunks.csv and allowlist.csv (and ported.csv, when number portability is on)
     * on the first day, roaming.csv on the first day and whenever the set of subscribers abroad changes.
     */
    void writeReference(int d, LocalDate date, Path dayDir, List<FileReport> reports) throws IOException {
        Path ref = dayDir.resolve("reference");
        boolean subscriberSnapshot = false;
        for (int s : world.subscriberSnapshotDays) {
            subscriberSnapshot |= s == d;
        }
        if (subscriberSnapshot) {
            write(ref.resolve("subscribers.csv"), GeneratedDataset.SUBSCRIBERS, date, reports,
                    new String[] {"msisdn", "imsi", "activated_on", "plan", "customer_type", "id_hash",
                        "real_name_verified", "reseller_id", "status"},
                    csv -> {
                        for (Sub s : world.subs) {
                            if (s.activationDay <= d) {
                                csv.row(new String[] {Long.toString(s.msisdn), s.imsi,
                                    startDate.plusDays(s.activationDay).toString(), s.prepaid ? "PREPAID" : "POSTPAID",
                                    s.enterprise ? "ENTERPRISE" : "PERSONAL", Numbers.hash16(world.salt, s.personId),
                                    s.realNameVerified ? "1" : "0", s.reseller, s.lastActiveDay < d ? "SUSPENDED" : s.status});
                            }
                        }
                    });
        }
        if (d == 0) {
            write(ref.resolve("trunks.csv"), GeneratedDataset.TRUNKS, date, reports,
                    new String[] {"trunk_id", "trunk_type", "owner", "authorized_cli"},
                    csv -> {
                        for (Trunk t : world.trunks()) {
                            csv.row(new String[] {t.id, t.type.name(), t.owner, t.authorizedCliField()});
                        }
                    });
            write(ref.resolve("allowlist.csv"), GeneratedDataset.ALLOWLIST, date, reports,
                    new String[] {"number", "owner", "category", "valid_until"},
                    csv -> {
                        for (World.AllowEntry a : world.allowlist) {
                            csv.row(new String[] {a.number(), a.owner(), a.category(), a.validUntil()});
                        }
                    });
        }
        if (d == 0 && world.realism.porting()) {
            writePorted(date, ref, reports);
        }
        if (world.roamingSnapshot[d]) {
            write(ref.resolve("roaming.csv"), GeneratedDataset.ROAMING, date, reports,
                    new String[] {"msisdn", "visited_country", "since"},
                    csv -> {
                        for (Sub s : world.subs) {
                            if (s.abroadOn(d)) {
                                csv.row(new String[] {Long.toString(s.msisdn), s.roamCountry,
                                    startDate.plusDays(s.roamFrom).toString()});
                            }
                        }
                    });
        }
    }

    /**
     * reference/ported.csv (a contract extension): a snapshot of the numbers whose serving operator is not the one of
     * their block, as of the first day: ours ported out (operator CUCC, CTCC or CBN) and others' ported in to us (ZF),
     * by number.
     */
    private void writePorted(LocalDate date, Path ref, List<FileReport> reports) throws IOException {
        java.util.TreeMap<String, String[]> rows = new java.util.TreeMap<>();
        for (World.PortedOut p : world.portedOut) {
            rows.put(Numbers.e164(p.nsn()), new String[] {Numbers.e164(p.nsn()), p.operator(),
                startDate.plusDays(p.portedOnDay()).toString()});
        }
        for (Sub s : world.subs) {
            if (s.portedInDay != Integer.MAX_VALUE) {
                rows.put(Numbers.e164(s.msisdn), new String[] {Numbers.e164(s.msisdn), "ZF",
                    startDate.plusDays(s.portedInDay).toString()});
            }
        }
        write(ref.resolve("ported.csv"), GeneratedDataset.PORTED, date, reports,
                new String[] {"number", "operator", "ported_on"},
                csv -> {
                    for (String[] row : rows.values()) {
                        csv.row(row);
                    }
                });
    }

    /** complaints/complaints-YYYYMMDD.csv, when there are any, in the order received. */
    void writeComplaints(List<DayContext.Complaint> complaints, DayContext day, LocalDate date, Path dayDir,
            List<FileReport> reports) throws IOException {
        if (complaints.isEmpty()) {
            return;
        }
        write(dayDir.resolve("complaints").resolve("complaints-" + compact(date) + ".csv"), GeneratedDataset.COMPLAINTS,
                date, reports, new String[] {"reported_number", "reported_at", "category", "channel", "reporter_hash"},
                csv -> {
                    for (DayContext.Complaint c : complaints) {
                        csv.row(new String[] {c.number(), day.ts(c.second()), c.category(), c.channel(),
                            c.reporterHash()});
                    }
                });
    }

    /** police/police-YYYYMMDD.csv with the day's notices, when there are any; every third number with +86. */
    void writePolice(int d, LocalDate date, Path dayDir, List<FileReport> reports) throws IOException {
        List<World.PoliceNotice> today = world.police.stream().filter(p -> p.day() == d).toList();
        if (today.isEmpty()) {
            return;
        }
        write(dayDir.resolve("police").resolve("police-" + compact(date) + ".csv"), GeneratedDataset.POLICE, date,
                reports, new String[] {"number", "notified_on", "case_ref"},
                csv -> {
                    int k = 0;
                    for (World.PoliceNotice p : today) {
                        String number = (k++ % 3 == 2) ? "+86" + p.msisdn() : Long.toString(p.msisdn());
                        csv.row(new String[] {number, date.toString(), p.caseRef()});
                    }
                });
    }

    /** feedback/feedback-YYYYMMDD.csv with the day's decisions, when there are any. */
    void writeFeedback(int d, LocalDate date, Path dayDir, List<FileReport> reports) throws IOException {
        List<World.Feedback> today = world.feedback.stream().filter(f -> f.day() == d).toList();
        if (today.isEmpty()) {
            return;
        }
        write(dayDir.resolve("feedback").resolve("feedback-" + compact(date) + ".csv"), GeneratedDataset.FEEDBACK, date,
                reports, new String[] {"entity_type", "entity_id", "decided_on", "outcome", "note"},
                csv -> {
                    for (World.Feedback f : today) {
                        csv.row(new String[] {f.entityType(), f.entityId(), date.toString(), f.outcome(), f.note()});
                    }
                });
    }

    /** suspensions/suspensions-YYYYMMDD.csv with what operations did to lines that day, when anything. */
    void writeSuspensions(int d, DayContext day, LocalDate date, Path dayDir, List<FileReport> reports)
            throws IOException {
        List<World.SuspensionRecord> today = world.suspensions.stream().filter(a -> a.day() == d)
                .sorted(java.util.Comparator.comparingInt(World.SuspensionRecord::second)).toList();
        if (today.isEmpty()) {
            return;
        }
        write(dayDir.resolve("suspensions").resolve("suspensions-" + compact(date) + ".csv"),
                GeneratedDataset.SUSPENSIONS, date, reports,
                new String[] {"number", "action", "acted_at", "reason", "operator"},
                csv -> {
                    for (World.SuspensionRecord a : today) {
                        csv.row(new String[] {Long.toString(a.msisdn()), a.action(), day.ts(a.second()), a.reason(),
                            a.operator()});
                    }
                });
    }

    private void write(Path file, GeneratedDataset dataset, LocalDate date, List<FileReport> reports, String[] header,
            Rows rows) throws IOException {
        long count;
        try (CsvFile csv = new CsvFile(file, false)) {
            csv.header(header);
            rows.write(csv);
            count = csv.rows();
        }
        String rel = out.relativize(file).toString().replace('\\', '/');
        reports.add(new FileReport(rel, dataset, date, count, 0, Map.of(), 0, null));
    }

    /** 2026-11-01 -> 20261101. */
    static String compact(LocalDate date) {
        return date.toString().replace("-", "");
    }
}
