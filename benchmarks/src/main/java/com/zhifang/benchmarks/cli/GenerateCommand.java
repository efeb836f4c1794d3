package com.zhifang.benchmarks.cli;

import com.zhifang.jobs.cli.CliText;
import com.zhifang.testkit.generate.GeneratorResult;
import com.zhifang.testkit.generate.GeneratorSettings;
import com.zhifang.testkit.generate.LandingZoneGenerator;
import com.zhifang.testkit.generate.Realism;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/** {@code zhifang generate}: a synthetic landing zone with known fraud, its truth file and manifest. No Spark. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic synthetic landing zone, truth.csv (labelled entities) and generator-manifest.json (what was written).",
        footer = {"%nExample:%n  zhifang generate --out /tmp/landing --subscribers 20000 --days 7 --seed 20261213", CliText.EXIT_CODES})
public final class GenerateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

    @Option(names = "--out", required = true, description = "Landing zone root to write (<out>/<YYYY-MM-DD>/...).")
    Path out;

    @Option(names = "--subscribers", required = true, description = "Our subscribers in the population.")
    int subscribers;

    @Option(names = "--days", required = true, description = "Traffic days to write.")
    int days;

    @Option(names = "--seed", required = true, description = "Random seed; the same settings and seed give the same bytes.")
    long seed;

    @Option(names = "--start-date", description = "First traffic day (default: ${DEFAULT-VALUE}).", defaultValue = "2026-11-01")
    LocalDate startDate;

    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "Carrier time zone (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--plain", description = "Write voice and sms files uncompressed (default: .csv.gz).")
    boolean plain;

    // realism items (Realism): all on by default; --no-realism turns every one off, the options below then set
    // only the items named. A figure of 0 turns one item off.

    @Option(names = "--no-realism", description = "Turn every realism item off (the options below still set the items they name).")
    boolean noRealism;

    @Option(names = "--ported-out-share", paramLabel = "SHARE",
            description = "Number portability out: share of our own-block numbers now served by another operator, calling in on interconnect trunks (default: 0.02; 0 off).")
    Double portedOutShare;

    @Option(names = "--ported-in-share", paramLabel = "SHARE",
            description = "Number portability in: share of our subscribers holding another operator's number (default: 0.01; 0 off). With both shares 0 no reference/ported.csv is written.")
    Double portedInShare;

    @Option(names = "--garbled-caller-share", paramLabel = "SHARE",
            description = "Share of GW calls on interconnect trunks with a garbled or oddly signalled caller number, plus Beijing/Shanghai office lines in varying forms (default: 0.01; 0 off).")
    Double garbledCallerShare;

    @Option(names = "--wifi-calling-share", paramLabel = "SHARE",
            description = "Share of ordinary subscribers calling over Wi-Fi at home in the evening (empty cell_id) (default: 0.05; 0 off).")
    Double wifiCallingShare;

    @Option(names = "--dual-sim-phones-per", paramLabel = "N",
            description = "One dual-SIM salesperson's handset (truth DUAL_SIM_PHONE) per N subscribers, at least one (default: 4000; 0 off).")
    Integer dualSimPhonesPer;

    @Option(names = "--rotating-telemarketer-share", paramLabel = "SHARE",
            description = "Share of telemarketers rotating three company SIMs in one handset (default: 0.333; 0 off).")
    Double rotatingTelemarketerShare;

    @Option(names = "--notification-ports-per", paramLabel = "N",
            description = "A bank, a shop and a utility notification port (truth NOTIFICATION_PORT) per N subscribers, at least one of each (default: 10000; 0 off).")
    Integer notificationPortsPer;

    @Option(names = "--police-names-spoof-victim", paramLabel = "true|false", arity = "1",
            description = "Once a week a police notice names a spoofing trunk's innocent victim (truth SPOOFED_VICTIM, police_notified=true) (default: true).")
    Boolean policeNamesSpoofVictim;

    @Option(names = "--vendor-b-share", paramLabel = "SHARE",
            description = "Share of cells whose switch counts call set-up into ring_s and leaves it empty when answered (default: 0.5; 0 off).")
    Double vendorBShare;

    @Option(names = "--sim-daily-call-cap", paramLabel = "N",
            description = "Per-SIM daily call cap fraud keeps just under (bulk callers, scanners, SIM boxes, wangiri) (default: 300; 0 off).")
    Integer simDailyCallCap;

    @Option(names = "--sim-daily-sms-cap", paramLabel = "N",
            description = "Per-SIM daily SMS cap spam SIMs keep just under (default: 200; 0 off).")
    Integer simDailySmsCap;

    /** The realism items: the defaults (or none with --no-realism), with each option given applied on top. */
    Realism realism() {
        Realism.Builder r = (noRealism ? Realism.none() : Realism.defaults()).toBuilder();
        if (portedOutShare != null) {
            r.portedOutShare(portedOutShare);
        }
        if (portedInShare != null) {
            r.portedInShare(portedInShare);
        }
        if (garbledCallerShare != null) {
            r.garbledCallerShare(garbledCallerShare);
        }
        if (wifiCallingShare != null) {
            r.wifiCallingShare(wifiCallingShare);
        }
        if (dualSimPhonesPer != null) {
            r.dualSimPhonesPer(dualSimPhonesPer);
        }
        if (rotatingTelemarketerShare != null) {
            r.rotatingTelemarketerShare(rotatingTelemarketerShare);
        }
        if (notificationPortsPer != null) {
            r.notificationPortsPer(notificationPortsPer);
        }
        if (policeNamesSpoofVictim != null) {
            r.policeNamesSpoofVictim(policeNamesSpoofVictim);
        }
        if (vendorBShare != null) {
            r.vendorBShare(vendorBShare);
        }
        if (simDailyCallCap != null) {
            r.simDailyCallCap(simDailyCallCap);
        }
        if (simDailySmsCap != null) {
            r.simDailySmsCap(simDailySmsCap);
        }
        return r.build();
    }

    @Override
    public Integer call() throws Exception {
        GeneratorSettings settings = GeneratorSettings.builder(out).subscribers(subscribers).days(days).seed(seed)
                .startDate(startDate).zone(zone).gzip(!plain).realism(realism()).build();
        long start = System.nanoTime();
        GeneratorResult result = new LandingZoneGenerator(settings).execute();
        LOG.info("generated {} rows ({} duplicates, {} malformed, {} late) in {} files, {} truth rows, in {} s: {}",
                result.totalRows(), result.duplicateRows(), result.malformedRows(), result.lateRows(),
                result.files().size(), result.truthRows(), (System.nanoTime() - start) / 1_000_000_000, out);
        return 0;
    }
}
