package com.zhifang.testkit.generate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code generator-manifest.json}: the settings and, per file and per dataset, exactly what was written (rows,
 * duplicates, malformed rows by kind, late rows). Ingest run reports must agree with it ({@link ManifestReconciliation}).
 * Pretty-printed with two spaces and one entry a line, so that a regenerated manifest diffs line by line.
 */
final class Manifest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Manifest() {
    }

    static void write(Path file, GeneratorSettings cfg, List<FileReport> reports,
            Map<GeneratedDataset, DatasetTotals> totals, int truthRows) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generator", "zhifang-landing-zone-generator");
        root.put("format_version", LandingZoneGenerator.FORMAT_VERSION);
        root.putObject("settings")
                .put("subscribers", cfg.subscribers())
                .put("days", cfg.days())
                .put("seed", cfg.seed())
                .put("start_date", cfg.startDate().toString())
                .put("zone", cfg.zone().getId())
                .put("malformed_rate", cfg.malformedRate())
                .put("late_rate", cfg.lateRate())
                .put("redelivery_rate", cfg.redeliveryRate())
                .put("duplicate_rate", cfg.duplicateRate())
                .put("gzip", cfg.gzip())
                .put("max_rows_per_file", cfg.maxRowsPerFile())
                .set("realism", realism(cfg.realism()));
        ArrayNode days = root.putArray("days");
        for (int d = 0; d < cfg.days(); d++) {
            days.add(cfg.startDate().plusDays(d).toString());
        }
        root.put("duplicate_order", "day ascending, then file path ascending, then row order");
        root.put("truth_file", "truth.csv");
        root.put("truth_rows", truthRows);
        ArrayNode files = root.putArray("files");
        for (FileReport f : reports) {
            ObjectNode entry = files.addObject()
                    .put("path", f.path())
                    .put("dataset", f.dataset().id())
                    .put("landing_day", f.landingDay().toString())
                    .put("rows", f.rows())
                    .put("duplicate_rows", f.duplicateRows());
            putMalformed(entry, f.malformedRows(), f.malformedTotal());
            entry.put("late_rows", f.lateRows());
            entry.put("redelivery_of", f.redeliveryOf());
        }
        ObjectNode byDataset = root.putObject("totals");
        for (DatasetTotals t : totals.values()) {
            ObjectNode entry = byDataset.putObject(t.dataset().id())
                    .put("files", t.files())
                    .put("rows", t.rows())
                    .put("duplicate_rows", t.duplicateRows());
            putMalformed(entry, t.malformedRows(), t.malformedTotal());
            entry.put("late_rows", t.lateRows());
        }
        Files.writeString(file, MAPPER.writer(prettyPrinter()).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    private static ObjectNode realism(Realism r) {
        return MAPPER.createObjectNode()
                .put("ported_out_share", r.portedOutShare())
                .put("ported_in_share", r.portedInShare())
                .put("garbled_caller_share", r.garbledCallerShare())
                .put("wifi_calling_share", r.wifiCallingShare())
                .put("dual_sim_phones_per", r.dualSimPhonesPer())
                .put("rotating_telemarketer_share", r.rotatingTelemarketerShare())
                .put("notification_ports_per", r.notificationPortsPer())
                .put("police_names_spoof_victim", r.policeNamesSpoofVictim())
                .put("vendor_b_share", r.vendorBShare())
                .put("sim_daily_call_cap", r.simDailyCallCap())
                .put("sim_daily_sms_cap", r.simDailySmsCap());
    }

    private static void putMalformed(ObjectNode entry, Map<MalformedKind, Long> byKind, long total) {
        entry.put("malformed_total", total);
        ObjectNode kinds = entry.putObject("malformed_rows");
        for (MalformedKind k : MalformedKind.values()) {
            kinds.put(k.name(), byKind.getOrDefault(k, 0L));
        }
    }

    /** Two-space indentation, '\n' line ends on every platform, array elements one a line, {@code "name": value}. */
    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
