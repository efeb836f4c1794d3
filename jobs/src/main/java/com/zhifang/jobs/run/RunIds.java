package com.zhifang.jobs.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids: {@code <command>-<date>-<UTC start yyyyMMddTHHmmss>-<4 hex>}, unique and sortable per day. */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private RunIds() {}

    public static String next(String command, LocalDate date, Instant startedAt) {
        return String.format("%s-%s-%s-%04x", command, date, STAMP.format(startedAt), ThreadLocalRandom.current().nextInt(0x10000));
    }
}
