package com.zhifang.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The code version stamped into run reports and exports (Maven project version, set at build time). */
public final class ZhifangVersion {
    private static final String CODE = load();

    private ZhifangVersion() {}

    public static String code() {
        return CODE;
    }

    private static String load() {
        try (InputStream in = ZhifangVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("code", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
