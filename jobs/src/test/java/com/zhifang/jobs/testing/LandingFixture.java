package com.zhifang.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Writes small hand-built landing files: {@code day(D).file("voice", "a.csv", header, lines...)}. */
public final class LandingFixture {
    public static final String VOICE_HEADER =
            "record_id,record_type,start_time,calling_number,called_number,answered,duration_s,ring_s,release_cause,cli_restricted,imsi,imei,cell_id,trunk_in";
    public static final String SMS_HEADER =
            "record_id,record_type,send_time,sender,recipient,imsi,imei,cell_id,port_customer,segments,delivered,content";

    private final Path root;

    public LandingFixture(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A voice row: MO call from 13812345678 at the given carrier-local time. */
    public static String call(String recordId, String localTime) {
        return recordId + ",MO," + localTime + "+08:00,13812345678,13912345678,1,30,5,16,0,460001,356938035643809,C1,";
    }

    public LandingFixture file(LocalDate day, String folder, String name, String header, String... lines) {
        Path file = root.resolve(day.toString()).resolve(folder).resolve(name);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, header + "\n" + String.join("\n", lines) + (lines.length > 0 ? "\n" : ""),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
