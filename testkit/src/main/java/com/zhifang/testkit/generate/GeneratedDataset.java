package com.zhifang.testkit.generate;

import java.util.Locale;

/** A dataset of the generated landing zone, as the manifest names it (not Spark's {@code Dataset}). */
public enum GeneratedDataset {
    VOICE("voice"),
    SMS("sms"),
    COMPLAINTS("complaints"),
    POLICE("police"),
    FEEDBACK("feedback"),
    /** {@code suspensions/}: a contract extension, operations' actions on police-notified lines ({@link Enforcement}). */
    SUSPENSIONS("suspensions"),
    SUBSCRIBERS("reference"),
    TRUNKS("reference"),
    ALLOWLIST("reference"),
    ROAMING("reference"),
    /** {@code reference/ported.csv}: a contract extension, written when number portability is on ({@link Realism}). */
    PORTED("reference");

    private final String folder;

    GeneratedDataset(String folder) {
        this.folder = folder;
    }

    /** Manifest name: voice, sms, complaints, police, feedback, suspensions, subscribers, trunks, allowlist, roaming, ported. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Folder under the day directory. */
    public String folder() {
        return folder;
    }
}
