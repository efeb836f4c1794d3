package com.zhifang.testkit.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry ({@link Actors}) against the actor classes there are and the labels truth.csv carries. */
class ActorsTest {

    /** Who writes each pattern (fraud) or kind (legitimate) of truth.csv. */
    private static final Map<String, Set<Class<?>>> OWNERS = Map.ofEntries(
            Map.entry("BULK_CALLING", Set.of(BulkCallers.class)),
            Map.entry("NUMBER_SCANNING", Set.of(NumberScanners.class)),
            Map.entry("SIMBOX", Set.of(SimBoxes.class)),
            Map.entry("SPAM_SMS", Set.of(SpamSims.class, SpamPorts.class)),
            Map.entry("FRAUD_RING", Set.of(FraudRings.class)),
            Map.entry("WANGIRI", Set.of(Wangiri.class)),
            Map.entry("SPOOFED_CLI", Set.of(SpoofingCarriers.class, SpoofingPrivateLines.class)),
            Map.entry("COURIER", Set.of(Couriers.class)),
            Map.entry("RIDE_HAIL_DRIVER", Set.of(RideHailDrivers.class)),
            Map.entry("SHOP", Set.of(Shops.class)),
            Map.entry("TELEMARKETER", Set.of(Telemarketers.class)),
            Map.entry("BANK_CALL_CENTRE", Set.of(CallCentres.class)),
            Map.entry("COURIER_PLATFORM", Set.of(CallCentres.class)),
            Map.entry("OTP_PORT", Set.of(OtpPorts.class)),
            Map.entry("PARCEL_PORT", Set.of(ParcelPorts.class)),
            Map.entry("ROAMER", Set.of(Roamers.class)),
            Map.entry("SPOOFED_VICTIM", Set.of(SpoofedNumbers.class)),
            Map.entry("LINK_FORWARDER", Set.of(LinkForwarders.class)),
            Map.entry("DUAL_SIM_PHONE", Set.of(DualSimPhones.class)),
            Map.entry("NOTIFICATION_PORT", Set.of(NotificationPorts.class)),
            Map.entry("INTERCONNECT_TRUNK", Set.of(InterconnectCallers.class)));

    @TempDir
    Path tmp;

    /** An actor class missing from the registry would write nothing; one listed twice would act twice. */
    @Test
    void everyActorClassIsRegisteredOnce() throws Exception {
        Set<String> classes = new TreeSet<>();
        Path dir = Path.of(Actor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Actor.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(Actor.class.getPackageName() + "." + name);
                if (Actor.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    classes.add(type.getSimpleName());
                }
            }
        }
        List<String> registered = Actors.all().stream().map(a -> a.getClass().getSimpleName()).toList();
        assertEquals(classes, new TreeSet<>(registered), "actor classes and the registry");
        assertEquals(classes.size(), registered.size(), "each actor registered once: " + registered);
    }

    /**
     * Every row of truth.csv comes from a registered actor, and each pattern or kind from the actors that own it
     * (a small world has every one).
     */
    @Test
    void everyLabelOfTheTruthComesFromTheRegisteredActorsThatOwnIt() throws Exception {
        LandingZoneGenerator.Run run = new LandingZoneGenerator(GeneratorSettings.of(tmp, 300, 3, 7L)).run();
        Map<String, Set<Class<?>>> owners = new TreeMap<>();
        Set<List<String>> rows = new HashSet<>();
        for (Actor actor : run.world().actors) {
            for (TruthRow t : actor.truth(run.world())) {
                owners.computeIfAbsent(t.pattern().isEmpty() ? t.kind() : t.pattern(), k -> new HashSet<>()).add(actor.getClass());
                rows.add(List.of(t.entityType(), t.entityId(), t.label(), t.pattern(), t.kind(),
                        Boolean.toString(t.police())));
            }
        }
        assertEquals(new TreeMap<>(OWNERS), owners);
        List<List<String>> truth = Rfc4180.read(run.result().truthFile());
        assertEquals(rows, Set.copyOf(truth.subList(1, truth.size())));
        assertEquals(rows.size(), run.result().truthRows());
    }
}
