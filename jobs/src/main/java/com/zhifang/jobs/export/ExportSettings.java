package com.zhifang.jobs.export;

import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Settings of the export stage.
 *
 * @param overdueHours      a police-notified number not suspended this many hours after the start of its notice day
 *                          is overdue on the suspension worklist (default 24: a notice of day D handled by the end of D)
 * @param fileMode          permission bits of every hand-over file, octal (default {@code 640}: owner read-write, group
 *                          read, nobody else: the files name subscribers and police cases)
 * @param trafficWindowDays days of traffic up to D read for the worklist's traffic after a notice and handset links,
 *                          and for the spoofed numbers of the 12321 feed (default 7, the features' week)
 */
public record ExportSettings(int overdueHours, String fileMode, int trafficWindowDays) {
    public static final int DEFAULT_OVERDUE_HOURS = 24;
    public static final String DEFAULT_FILE_MODE = "640";
    public static final int DEFAULT_TRAFFIC_WINDOW_DAYS = 7;

    public ExportSettings {
        if (overdueHours < 0) {
            throw new IllegalArgumentException("--overdue-hours must be >= 0, got " + overdueHours);
        }
        if (fileMode == null || !fileMode.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("--file-mode must be three octal digits such as 640, got " + fileMode);
        }
        if (trafficWindowDays < 1 || trafficWindowDays > 92) {
            throw new IllegalArgumentException("traffic window must be 1..92 days, got " + trafficWindowDays);
        }
    }

    public static ExportSettings defaults() {
        return new ExportSettings(DEFAULT_OVERDUE_HOURS, DEFAULT_FILE_MODE, DEFAULT_TRAFFIC_WINDOW_DAYS);
    }

    /** The mode as Hadoop's permission. */
    public FsPermission permission() {
        return new FsPermission(Short.parseShort(fileMode, 8));
    }
}
